import * as z from 'zod/mini'
import { timestampSchema } from './primitives'
import { verificationSchema } from './verification'

/** How members arrive through a verified domain. */
export const organizationEnrollmentModeSchema = z.enum(['manual_invitation', 'automatic_invitation', 'automatic_suggestion'])

/** An email domain attached to an organization (fapi.md 4.10). */
export const organizationDomainSchema = z.looseObject({
  object: z.optional(z.literal('organization_domain')),
  id: z.string(),
  organization_id: z.string(),
  name: z.string(),
  enrollment_mode: organizationEnrollmentModeSchema,
  affiliation_email_address: z.nullish(z.string()),
  verification: z.nullish(verificationSchema),
  affiliation_verification: z.nullish(verificationSchema),
  ownership_verification: z.nullish(verificationSchema),
  total_pending_invitations: z.optional(z.int().check(z.nonnegative())),
  total_pending_suggestions: z.optional(z.int().check(z.nonnegative())),
  created_at: timestampSchema,
  updated_at: timestampSchema,
})

/** An organization domain as parsed. */
export type OrganizationDomainJSON = z.output<typeof organizationDomainSchema>
/** An organization domain as the server may write it. */
export type OrganizationDomainJSONInput = z.input<typeof organizationDomainSchema>
