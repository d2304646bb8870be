import * as z from 'zod'
import { metadataSchema, timestampSchema } from './primitives'
import { verificationSchema } from './verification'

/** An OAuth account linked to a user; provider fields are often empty strings, so most are optional. */
export const externalAccountSchema = z.looseObject({
  object: z.literal('external_account'),
  id: z.string(),
  provider: z.string(),
  identification_id: z.string().optional(),
  provider_user_id: z.string().optional(),
  approved_scopes: z.string().optional(),
  email_address: z.string().optional(),
  first_name: z.string().nullable().optional(),
  last_name: z.string().nullable().optional(),
  avatar_url: z.string().nullable().optional(),
  image_url: z.string().nullable().optional(),
  username: z.string().nullable().optional(),
  label: z.string().nullable().optional(),
  public_metadata: metadataSchema,
  verification: verificationSchema.nullable().optional(),
  created_at: timestampSchema.optional(),
  updated_at: timestampSchema.optional(),
})

/** An external account as parsed. */
export type ExternalAccountJSON = z.output<typeof externalAccountSchema>
