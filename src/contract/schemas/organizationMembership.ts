import * as z from 'zod/mini'
import { organizationSchema } from './organization'
import { metadataSchema, timestampSchema } from './primitives'
import { publicUserDataSchema } from './publicUserData'

/**
 * A user's membership in an organization (fapi.md 4.10). `role` and `permissions` keep the `org:` prefix
 * because `has()` compares them prefixed.
 */
export const organizationMembershipSchema = z.looseObject({
  object: z.literal('organization_membership'),
  id: z.string(),
  organization: organizationSchema,
  role: z.string(),
  role_name: z.optional(z.string()),
  permissions: z._default(z.array(z.string()), []),
  public_metadata: metadataSchema,
  // present in an organization's member list, absent on the user's own memberships
  public_user_data: z.optional(publicUserDataSchema),
  created_at: timestampSchema,
  updated_at: timestampSchema,
})

/** An organization membership as parsed. */
export type OrganizationMembershipJSON = z.output<typeof organizationMembershipSchema>
/** An organization membership as the server may write it. */
export type OrganizationMembershipJSONInput = z.input<typeof organizationMembershipSchema>
