import type { PorticoConfig } from '../config'
import type { PublicUserDataJSONInput, UserJSONInput } from '../contract'
import type { UserGraph } from '../db/queries/userGraphs'
import { emptySecondFactorGraph } from '../db/queries/secondFactorGraphs'
import { imageUrl } from '../services/images'
import { hasSecondFactor, primaryPhoneId } from '../services/secondFactorState'
import { serializeEmailAddress } from './emailAddress'
import { parseMetadata } from './metadata'
import { serializeMembership } from './organizationMembership'
import { serializePhoneNumber } from './phoneNumber'

/** The user's primary email address, if it has one. */
export function primaryEmail(graph: UserGraph): string | null {
  return graph.emails.find(email => email.row.id === graph.user.primary_email_address_id)?.row.email_address ?? null
}

/** A user as FAPI sends it (fapi.md 4.4). Private metadata never leaves the server. */
export function serializeUser(graph: UserGraph, config: PorticoConfig, now: number): UserJSONInput {
  const { user } = graph
  const factors = graph.secondFactors ?? emptySecondFactorGraph()
  const twoFactor = hasSecondFactor(factors, config)
  return {
    object: 'user',
    id: user.id,
    external_id: null,
    username: user.username,
    first_name: user.first_name,
    last_name: user.last_name,
    // without a profile image the URL is empty and clients draw the initials
    image_url: imageUrl(config, user.image_id),
    has_image: user.image_id !== null,
    primary_email_address_id: user.primary_email_address_id,
    primary_phone_number_id: primaryPhoneId(factors),
    primary_web3_wallet_id: null,
    password_enabled: user.password_hash !== null,
    two_factor_enabled: twoFactor,
    totp_enabled: config.secondFactors.totp && factors.totpVerifiedAt !== null,
    backup_code_enabled: twoFactor && config.secondFactors.backupCodes && factors.backupCodesLeft > 0,
    email_addresses: graph.emails.map(email => serializeEmailAddress(email.row, email.verification, now)),
    phone_numbers: factors.phones.map(phone => serializePhoneNumber(phone.row, phone.verification, now)),
    web3_wallets: [],
    passkeys: [],
    external_accounts: [],
    enterprise_accounts: [],
    saml_accounts: [],
    organization_memberships: (graph.memberships ?? []).map(membership => serializeMembership(membership, config)),
    public_metadata: parseMetadata(user.public_metadata),
    unsafe_metadata: parseMetadata(user.unsafe_metadata),
    last_sign_in_at: user.last_sign_in_at,
    legal_accepted_at: user.legal_accepted_at,
    create_organization_enabled: config.organizations.enabled && config.organizations.allowCreation,
    create_organizations_limit: config.organizations.creationLimit || null,
    delete_self_enabled: config.allowDeleteSelf,
    created_at: user.created_at,
    updated_at: user.updated_at,
  }
}

/** The public face of a user (fapi.md 4.9): names, picture and the primary identifier. */
export function serializePublicUserData(graph: UserGraph, config: PorticoConfig): PublicUserDataJSONInput {
  const { user } = graph
  return {
    first_name: user.first_name,
    last_name: user.last_name,
    image_url: imageUrl(config, user.image_id),
    has_image: user.image_id !== null,
    identifier: primaryEmail(graph) ?? user.username ?? '',
    user_id: user.id,
    username: user.username,
  }
}
