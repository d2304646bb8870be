import * as z from 'zod/mini'

/** The public face of a user shown in sessions, member lists and requests (fapi.md 4.9). */
export const publicUserDataSchema = z.looseObject({
  first_name: z.nullable(z.string()),
  last_name: z.nullable(z.string()),
  image_url: z.string(),
  has_image: z.boolean(),
  // primary email, phone number or username
  identifier: z.string(),
  user_id: z.nullish(z.string()),
  username: z.nullish(z.string()),
  banned: z.optional(z.boolean()),
  deprovisioned: z.optional(z.boolean()),
})

/** Public user data as parsed. */
export type PublicUserDataJSON = z.output<typeof publicUserDataSchema>
/** Public user data as the server may write it. */
export type PublicUserDataJSONInput = z.input<typeof publicUserDataSchema>
