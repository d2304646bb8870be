import * as z from 'zod/mini'
import { timestampSchema } from './primitives'
import { publicOrganizationDataSchema } from './publicOrganizationData'

/** An organization a user may join because of a verified email domain (fapi.md 4.10). */
export const organizationSuggestionSchema = z.looseObject({
  object: z.literal('organization_suggestion'),
  id: z.string(),
  public_organization_data: publicOrganizationDataSchema,
  status: z.enum(['pending', 'accepted']),
  created_at: timestampSchema,
  updated_at: timestampSchema,
})

/** An organization suggestion as parsed. */
export type OrganizationSuggestionJSON = z.output<typeof organizationSuggestionSchema>
/** An organization suggestion as the server may write it. */
export type OrganizationSuggestionJSONInput = z.input<typeof organizationSuggestionSchema>
