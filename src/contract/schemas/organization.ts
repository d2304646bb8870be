import * as z from 'zod'
import { metadataSchema, timestampSchema } from './primitives'

/** An organization (fapi.md 4.10). */
export const organizationSchema = z.looseObject({
  object: z.literal('organization'),
  id: z.string(),
  name: z.string(),
  // null when the instance disables slugs
  slug: z.string().nullable(),
  image_url: z.string(),
  has_image: z.boolean(),
  members_count: z.number().int().nonnegative().optional(),
  pending_invitations_count: z.number().int().nonnegative().optional(),
  max_allowed_memberships: z.number().int().nonnegative(),
  admin_delete_enabled: z.boolean(),
  self_serve_sso_enabled: z.boolean().optional(),
  exclusive_membership: z.boolean().optional(),
  public_metadata: metadataSchema,
  created_at: timestampSchema,
  updated_at: timestampSchema,
})

/** An organization as parsed. */
export type OrganizationJSON = z.output<typeof organizationSchema>
/** An organization as the server may write it. */
export type OrganizationJSONInput = z.input<typeof organizationSchema>
