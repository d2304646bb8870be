import * as z from 'zod/mini'

/** An uploaded image (`/me/profile_image`). */
export const imageSchema = z.looseObject({
  object: z.literal('image'),
  id: z.string(),
  name: z.nullish(z.string()),
  public_url: z.string(),
})

/** An image as parsed. */
export type ImageJSON = z.output<typeof imageSchema>
