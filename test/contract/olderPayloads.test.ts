import { describe, expect, it } from 'vitest'
import { clientSchema, environmentSchema, parseContract } from '../../src/contract'

// Shapes that real, older FAPI deployments send: many optional fields absent, `object`/`id` missing on the
// environment, identifications without timestamps. The SDK must read them, so the contract stays lenient here.
const T = 1_706_000_000_000

function olderClient() {
  return {
    object: 'client',
    id: 'client_old',
    sessions: [{
      object: 'session',
      id: 'sess_old',
      status: 'expired',
      expire_at: T,
      abandon_at: T + 1,
      last_active_at: T,
      last_active_organization_id: null,
      actor: null,
      user: {
        id: 'user_old',
        object: 'user',
        username: null,
        first_name: 'Sam',
        last_name: 'Lee',
        image_url: 'https://img.example.com/sam',
        has_image: false,
        primary_email_address_id: 'idn_old',
        primary_phone_number_id: null,
        primary_web3_wallet_id: null,
        password_enabled: true,
        two_factor_enabled: false,
        totp_enabled: false,
        backup_code_enabled: false,
        email_addresses: [{
          id: 'idn_old',
          object: 'email_address',
          email_address: 'sam@example.com',
          reserved: false,
          verification: { status: 'verified', strategy: 'email_code', attempts: 1, expire_at: T },
          linked_to: [],
        }],
        phone_numbers: [],
        web3_wallets: [],
        external_accounts: [{ object: 'external_account', id: 'eac_old', provider: 'oauth_github', email_address: '', first_name: '', last_name: '', username: null, public_metadata: {}, label: null, verification: { status: 'expired', strategy: 'oauth_github', attempts: null, expire_at: T, error: { code: 'oauth_identification_claimed', message: 'claimed', long_message: 'Already claimed by another user.' } } }],
        saml_accounts: [],
        public_metadata: {},
        unsafe_metadata: {},
        external_id: null,
        last_sign_in_at: T,
        banned: false,
        locked: false,
        created_at: T - 1000,
        updated_at: T,
        delete_self_enabled: true,
        create_organization_enabled: true,
        organization_memberships: [],
      },
      public_user_data: { first_name: 'Sam', last_name: 'Lee', image_url: 'https://img.example.com/sam', has_image: false, identifier: 'sam@example.com', profile_image_url: 'https://img.example.com/old' },
      created_at: T - 1000,
      updated_at: T,
      last_active_token: null,
    }],
    sign_in: {
      object: 'sign_in_attempt',
      id: 'sia_old',
      status: 'needs_second_factor',
      supported_identifiers: ['email_address'],
      supported_first_factors: [{ strategy: 'password' }],
      supported_second_factors: [{ strategy: 'backup_code' }, { strategy: 'phone_code', safe_identifier: '+*********00', phone_number_id: 'idn_p', primary: true, default: true }],
      first_factor_verification: { status: 'verified', strategy: 'password', attempts: null, expire_at: T },
      second_factor_verification: null,
      identifier: null,
      user_data: { first_name: 'Sam', last_name: 'Lee', image_url: 'https://img.example.com/sam', has_image: false },
      created_session_id: null,
      abandon_at: T,
    },
    sign_up: null,
    last_active_session_id: null,
    created_at: T - 2000,
    updated_at: T,
  }
}

describe('older FAPI payloads', () => {
  it('parses a client whose user lacks passkeys and enterprise accounts and whose emails lack timestamps', () => {
    const client = parseContract(clientSchema, olderClient(), 'client')
    expect(client.sessions[0]?.user.passkeys).toEqual([])
    expect(client.sessions[0]?.user.external_accounts[0]?.verification?.error?.code).toBe('oauth_identification_claimed')
    expect(client.sign_in?.status).toBe('needs_second_factor')
  })

  it('parses an environment without object, id or the newer sections', () => {
    const environment = parseContract(environmentSchema, {
      auth_config: { object: 'auth_config', id: 'aac_old', single_session_mode: false, first_name: 'on', password: 'required', demo: false },
      display_config: { object: 'display_config', id: 'dc_old', instance_environment_type: 'development', application_name: 'Old App', logo_url: null },
      user_settings: {
        attributes: {
          ticket: { enabled: true, required: false, used_for_first_factor: false, first_factors: [], used_for_second_factor: false, second_factors: [], verifications: [], verify_at_sign_up: false },
        },
        sign_up: { captcha_enabled: false, custom_action_required: false, progressive: true },
        attack_protection: { user_lockout: { enabled: true, max_attempts: 100, duration_in_minutes: 60 } },
      },
      organization_settings: { enabled: true, max_allowed_memberships: 3, actions: { admin_delete: true }, domains: { enabled: false, enrollment_modes: [], default_role: '' }, creator_role: 'org:admin' },
    }, 'environment')
    expect(environment.user_settings.attributes.ticket?.enabled).toBe(true)
    expect(environment.user_settings.social).toEqual({})
    expect(environment.auth_config.demo).toBe(false)
  })
})
