import * as z from 'zod/mini'
import { timestampSchema } from './primitives'
import { publicUserDataSchema } from './publicUserData'

/** A user's request to join an organization, as its admins see it (fapi.md 4.10). */
export const organizationMembershipRequestSchema = z.looseObject({
  object: z.literal('organization_membership_request'),
  id: z.string(),
  organization_id: z.string(),
  // pending, accepted, rejected, ...: kept open because the set differs between FAPI versions
  status: z.string(),
  public_user_data: publicUserDataSchema,
  created_at: timestampSchema,
  updated_at: timestampSchema,
})

/** A membership request as parsed. */
export type OrganizationMembershipRequestJSON = z.output<typeof organizationMembershipRequestSchema>
/** A membership request as the server may write it. */
export type OrganizationMembershipRequestJSONInput = z.input<typeof organizationMembershipRequestSchema>
