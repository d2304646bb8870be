import * as z from 'zod'
import { emailAddressSchema } from './emailAddress'
import { externalAccountSchema } from './externalAccount'
import { organizationMembershipSchema } from './organizationMembership'
import { passkeySchema } from './passkey'
import { phoneNumberSchema } from './phoneNumber'
import { metadataSchema, timestampSchema } from './primitives'
import { web3WalletSchema } from './web3Wallet'

/**
 * A user (fapi.md 4.4). The identification lists that older FAPI versions omit default to empty;
 * `organization_memberships` is what the client derives org and role state from.
 */
export const userSchema = z.looseObject({
  object: z.literal('user'),
  id: z.string(),
  external_id: z.string().nullable().optional(),
  username: z.string().nullable(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  image_url: z.string(),
  has_image: z.boolean(),
  primary_email_address_id: z.string().nullable(),
  primary_phone_number_id: z.string().nullable(),
  primary_web3_wallet_id: z.string().nullable().optional(),
  password_enabled: z.boolean(),
  two_factor_enabled: z.boolean(),
  totp_enabled: z.boolean(),
  backup_code_enabled: z.boolean(),
  email_addresses: z.array(emailAddressSchema),
  phone_numbers: z.array(phoneNumberSchema),
  web3_wallets: z.array(web3WalletSchema).default([]),
  passkeys: z.array(passkeySchema).default([]),
  external_accounts: z.array(externalAccountSchema).default([]),
  enterprise_accounts: z.array(z.looseObject({ id: z.string() })).default([]),
  organization_memberships: z.array(organizationMembershipSchema).default([]),
  public_metadata: metadataSchema,
  unsafe_metadata: metadataSchema,
  last_sign_in_at: timestampSchema.nullable().optional(),
  legal_accepted_at: timestampSchema.nullable().optional(),
  create_organization_enabled: z.boolean().optional(),
  // 0 or null means unlimited
  create_organizations_limit: z.number().int().nonnegative().nullable().optional(),
  delete_self_enabled: z.boolean().optional(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
})

/** A user as parsed. */
export type UserJSON = z.output<typeof userSchema>
/** A user as the server may write it. */
export type UserJSONInput = z.input<typeof userSchema>
