import * as z from 'zod/mini'
import { metadataSchema, timestampSchema } from './primitives'
import { verificationSchema } from './verification'

/** An OAuth account linked to a user; provider fields are often empty strings, so most are optional. */
export const externalAccountSchema = z.looseObject({
  object: z.literal('external_account'),
  id: z.string(),
  provider: z.string(),
  identification_id: z.optional(z.string()),
  provider_user_id: z.optional(z.string()),
  approved_scopes: z.optional(z.string()),
  email_address: z.optional(z.string()),
  first_name: z.nullish(z.string()),
  last_name: z.nullish(z.string()),
  avatar_url: z.nullish(z.string()),
  image_url: z.nullish(z.string()),
  username: z.nullish(z.string()),
  label: z.nullish(z.string()),
  public_metadata: metadataSchema,
  verification: z.nullish(verificationSchema),
  created_at: z.optional(timestampSchema),
  updated_at: z.optional(timestampSchema),
})

/** An external account as parsed. */
export type ExternalAccountJSON = z.output<typeof externalAccountSchema>
