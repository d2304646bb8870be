import * as z from 'zod'
import { timestampSchema } from './primitives'
import { verificationSchema } from './verification'

/** How members arrive through a verified domain. */
export const organizationEnrollmentModeSchema = z.enum(['manual_invitation', 'automatic_invitation', 'automatic_suggestion'])

/** An email domain attached to an organization (fapi.md 4.10). */
export const organizationDomainSchema = z.looseObject({
  object: z.literal('organization_domain').optional(),
  id: z.string(),
  organization_id: z.string(),
  name: z.string(),
  enrollment_mode: organizationEnrollmentModeSchema,
  affiliation_email_address: z.string().nullable().optional(),
  verification: verificationSchema.nullable().optional(),
  affiliation_verification: verificationSchema.nullable().optional(),
  ownership_verification: verificationSchema.nullable().optional(),
  total_pending_invitations: z.number().int().nonnegative().optional(),
  total_pending_suggestions: z.number().int().nonnegative().optional(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
})

/** An organization domain as parsed. */
export type OrganizationDomainJSON = z.output<typeof organizationDomainSchema>
/** An organization domain as the server may write it. */
export type OrganizationDomainJSONInput = z.input<typeof organizationDomainSchema>
