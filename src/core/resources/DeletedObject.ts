import type { DeletedObjectJSON } from '../../contract'

/** What a deletion answers with (ClerkJS's `DeletedObjectResource`), e.g. after leaving an organization. */
export interface DeletedObject {
  /** The kind of object deleted, e.g. `organization_membership`. */
  object: string
  id: string | null
  slug: string | null
  deleted: true
}

/** Reads a deleted object from its wire form. */
export function toDeletedObject(json: DeletedObjectJSON): DeletedObject {
  return { object: json.object, id: json.id ?? null, slug: json.slug ?? null, deleted: true }
}
