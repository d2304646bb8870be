import type { Deps } from '../deps'
import type { CheckedImage, ImageOwner } from './images'
import { insertImage } from './images'

/**
 * Makes `image` the owner's current image (`null` removes it) and deletes the owner's other images, in
 * one transaction; the owner's `updated_at` moves so that clients see the change. Answers the id of the
 * new image (null when removed) and of the one it replaced.
 */
export async function replaceImage(deps: Deps, owner: ImageOwner, image: CheckedImage | null): Promise<{ imageId: string | null, previousId: string | null }> {
  const { db, clock } = deps
  return db.kysely.transaction().execute(async (trx) => {
    const now = clock()
    const imageId = image ? await insertImage(trx, owner, image, now) : null
    let previousId: string | null
    if ('userId' in owner) {
      previousId = (await trx.selectFrom('users').select('image_id').where('id', '=', owner.userId).executeTakeFirst())?.image_id ?? null
      await trx.updateTable('users').set({ image_id: imageId, updated_at: now }).where('id', '=', owner.userId).execute()
      await trx.deleteFrom('images').where('user_id', '=', owner.userId).where('id', '!=', imageId ?? '').execute()
    }
    else {
      previousId = (await trx.selectFrom('organizations').select('image_id').where('id', '=', owner.organizationId).executeTakeFirst())?.image_id ?? null
      await trx.updateTable('organizations').set({ image_id: imageId, updated_at: now }).where('id', '=', owner.organizationId).execute()
      await trx.deleteFrom('images').where('organization_id', '=', owner.organizationId).where('id', '!=', imageId ?? '').execute()
    }
    return { imageId, previousId }
  })
}
