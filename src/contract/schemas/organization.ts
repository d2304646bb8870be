import * as z from 'zod/mini'
import { metadataSchema, timestampSchema } from './primitives'

/** An organization (fapi.md 4.10). */
export const organizationSchema = z.looseObject({
  object: z.literal('organization'),
  id: z.string(),
  name: z.string(),
  // null when the instance disables slugs
  slug: z.nullable(z.string()),
  image_url: z.string(),
  has_image: z.boolean(),
  members_count: z.optional(z.int().check(z.nonnegative())),
  pending_invitations_count: z.optional(z.int().check(z.nonnegative())),
  max_allowed_memberships: z.int().check(z.nonnegative()),
  admin_delete_enabled: z.boolean(),
  self_serve_sso_enabled: z.optional(z.boolean()),
  exclusive_membership: z.optional(z.boolean()),
  public_metadata: metadataSchema,
  created_at: timestampSchema,
  updated_at: timestampSchema,
})

/** An organization as parsed. */
export type OrganizationJSON = z.output<typeof organizationSchema>
/** An organization as the server may write it. */
export type OrganizationJSONInput = z.input<typeof organizationSchema>
