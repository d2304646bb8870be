import * as z from 'zod/mini'
import { metadataSchema, timestampSchema } from './primitives'
import { publicOrganizationDataSchema } from './publicOrganizationData'

/** Every state an organization invitation can be in. */
export const organizationInvitationStatusSchema = z.enum(['pending', 'accepted', 'revoked', 'expired'])

/**
 * An organization invitation (fapi.md 4.10). The admin view carries `organization_id`; the `/me` view
 * carries `public_organization_data` instead, so both are optional.
 */
export const organizationInvitationSchema = z.looseObject({
  object: z.literal('organization_invitation'),
  id: z.string(),
  email_address: z.string(),
  organization_id: z.optional(z.string()),
  public_organization_data: z.optional(publicOrganizationDataSchema),
  role: z.string(),
  role_name: z.optional(z.string()),
  status: organizationInvitationStatusSchema,
  public_metadata: metadataSchema,
  url: z.nullish(z.string()),
  expires_at: z.nullish(timestampSchema),
  created_at: timestampSchema,
  updated_at: timestampSchema,
})

/** An organization invitation as parsed. */
export type OrganizationInvitationJSON = z.output<typeof organizationInvitationSchema>
/** An organization invitation as the server may write it. */
export type OrganizationInvitationJSONInput = z.input<typeof organizationInvitationSchema>
/** The state of an organization invitation. */
export type OrganizationInvitationStatus = z.output<typeof organizationInvitationStatusSchema>
