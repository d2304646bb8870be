import * as z from 'zod/mini'

/** What a DELETE answers with, e.g. `{object: "email_address", id, deleted: true}`. */
export const deletedObjectSchema = z.looseObject({
  object: z.string(),
  id: z.optional(z.string()),
  slug: z.nullish(z.string()),
  deleted: z.literal(true),
})

/** A deleted object as parsed. */
export type DeletedObjectJSON = z.output<typeof deletedObjectSchema>
/** A deleted object as the server may write it. */
export type DeletedObjectJSONInput = z.input<typeof deletedObjectSchema>
