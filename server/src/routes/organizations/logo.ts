import type { Context } from 'hono'
import type { AppEnv } from '../../appEnv'
import type { Deps } from '../../deps'
import { Hono } from 'hono'
import { wrapped } from '../../http/respond'
import { serializeOrganization } from '../../serialize/organization'
import { checkImageUpload } from '../../services/images'
import { organizationAccessWith } from '../../services/organizationAccess'
import { replaceImage } from '../../services/replaceImage'
import { currentOrganization } from './organizationSupport'

/**
 * `/v1/organizations/:id/logo` (fapi.md 2.6): upload (multipart `file`, or a base64 body) and remove the
 * logo (`org:sys_profile:manage`). Both answer the organization, whose `image_url` then points at
 * `GET /v1/images/:id`.
 */
export function logoRoutes(deps: Deps): Hono<AppEnv> {
  async function respond(c: Context<AppEnv>, organizationId: string): Promise<Response> {
    return wrapped(c, deps, serializeOrganization(await currentOrganization(deps, organizationId), deps.config))
  }

  return new Hono<AppEnv>()
    .put('/organizations/:id/logo', async (c) => {
      const access = await organizationAccessWith(c, deps, c.req.param('id'), 'org:sys_profile:manage')
      const image = checkImageUpload(c.get('files').file)
      await replaceImage(deps, { organizationId: access.organization.id }, image)
      return respond(c, access.organization.id)
    })

    .delete('/organizations/:id/logo', async (c) => {
      const access = await organizationAccessWith(c, deps, c.req.param('id'), 'org:sys_profile:manage')
      await replaceImage(deps, { organizationId: access.organization.id }, null)
      return respond(c, access.organization.id)
    })
}
