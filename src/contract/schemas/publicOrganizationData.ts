import * as z from 'zod/mini'

/** The public face of an organization shown in invitations and suggestions (fapi.md 4.9). */
export const publicOrganizationDataSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  slug: z.nullable(z.string()),
  image_url: z.string(),
  has_image: z.boolean(),
})

/** Public organization data as parsed. */
export type PublicOrganizationDataJSON = z.output<typeof publicOrganizationDataSchema>
