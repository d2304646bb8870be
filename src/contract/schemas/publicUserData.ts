import * as z from 'zod'

/** The public face of a user shown in sessions, member lists and requests (fapi.md 4.9). */
export const publicUserDataSchema = z.looseObject({
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  image_url: z.string(),
  has_image: z.boolean(),
  // primary email, phone number or username
  identifier: z.string(),
  user_id: z.string().nullable().optional(),
  username: z.string().nullable().optional(),
  banned: z.boolean().optional(),
  deprovisioned: z.boolean().optional(),
})

/** Public user data as parsed. */
export type PublicUserDataJSON = z.output<typeof publicUserDataSchema>
/** Public user data as the server may write it. */
export type PublicUserDataJSONInput = z.input<typeof publicUserDataSchema>
