import * as z from 'zod/mini'
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
  external_id: z.nullish(z.string()),
  username: z.nullable(z.string()),
  first_name: z.nullable(z.string()),
  last_name: z.nullable(z.string()),
  image_url: z.string(),
  has_image: z.boolean(),
  primary_email_address_id: z.nullable(z.string()),
  primary_phone_number_id: z.nullable(z.string()),
  primary_web3_wallet_id: z.nullish(z.string()),
  password_enabled: z.boolean(),
  two_factor_enabled: z.boolean(),
  totp_enabled: z.boolean(),
  backup_code_enabled: z.boolean(),
  email_addresses: z.array(emailAddressSchema),
  phone_numbers: z.array(phoneNumberSchema),
  web3_wallets: z._default(z.array(web3WalletSchema), []),
  passkeys: z._default(z.array(passkeySchema), []),
  external_accounts: z._default(z.array(externalAccountSchema), []),
  enterprise_accounts: z._default(z.array(z.looseObject({ id: z.string() })), []),
  organization_memberships: z._default(z.array(organizationMembershipSchema), []),
  public_metadata: metadataSchema,
  unsafe_metadata: metadataSchema,
  last_sign_in_at: z.nullish(timestampSchema),
  legal_accepted_at: z.nullish(timestampSchema),
  create_organization_enabled: z.optional(z.boolean()),
  // 0 or null means unlimited
  create_organizations_limit: z.nullish(z.int().check(z.nonnegative())),
  delete_self_enabled: z.optional(z.boolean()),
  created_at: timestampSchema,
  updated_at: timestampSchema,
})

/** A user as parsed. */
export type UserJSON = z.output<typeof userSchema>
/** A user as the server may write it. */
export type UserJSONInput = z.input<typeof userSchema>
