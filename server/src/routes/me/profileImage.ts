import type { AppEnv } from '../../appEnv'
import type { Deps } from '../../deps'
import { Hono } from 'hono'
import { notFound } from '../../errors/fapiError'
import { wrapped } from '../../http/respond'
import { checkImageUpload, imageUrl } from '../../services/images'
import { replaceImage } from '../../services/replaceImage'
import { me } from './meSupport'

/**
 * `/v1/me/profile_image` (fapi.md 2.5): upload (multipart `file`, or a base64 body) and remove the
 * user's profile image. Both answer an Image (`{object, id, name, public_url}`: the new image, or the
 * one removed) with the client piggybacked, whose user then carries the new `image_url`.
 */
export function profileImageRoutes(deps: Deps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .post('/me/profile_image', async (c) => {
      const { graph } = await me(c, deps)
      const file = c.get('files').file
      const image = checkImageUpload(file)
      const { imageId } = await replaceImage(deps, { userId: graph.user.id }, image)
      return wrapped(c, deps, { object: 'image', id: imageId, name: file?.name ?? null, public_url: imageUrl(deps.config, imageId) })
    })

    .delete('/me/profile_image', async (c) => {
      const { graph } = await me(c, deps)
      if (graph.user.image_id === null)
        throw notFound()
      const { previousId } = await replaceImage(deps, { userId: graph.user.id }, null)
      return wrapped(c, deps, { object: 'image', id: previousId ?? graph.user.image_id, name: null, public_url: imageUrl(deps.config, previousId ?? graph.user.image_id) })
    })
}
