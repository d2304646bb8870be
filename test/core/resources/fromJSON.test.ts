import { describe, expect, it } from 'vitest'
import { clientSchema, environmentSchema, sessionSchema, userSchema } from '../../../src/contract'
import { Client, Environment, Session, User } from '../../../src/core'
import { environmentJSON } from '../../contract/fixtures/environment'
import { clientJSON, sessionJSON, userJSON } from '../../contract/fixtures/identity'
import { offlineContext, quietTokenCache } from '../clerk/clientStoreFixtures'

const ctx = () => offlineContext(quietTokenCache())

describe('resources built from FAPI JSON', () => {
  it('camelCases the user and turns timestamps into Dates', () => {
    const user = new User(userSchema.parse(userJSON()), ctx())
    expect(user.fullName).toBe('Jane Doe')
    expect(user.primaryEmailAddress?.emailAddress).toBe('jane@example.com')
    expect(user.primaryPhoneNumber?.phoneNumber).toBe('+15555550100')
    expect(user.hasVerifiedEmailAddress).toBe(true)
    expect(user.publicMetadata).toEqual({ tier: 'gold' })
    expect(user.createdAt).toBeInstanceOf(Date)
    expect(user.createdAt?.getTime()).toBe(userJSON().created_at)
    expect(user.organizationMemberships[0]?.organization.slug).toBe('marine-projex')
  })

  it('leaves fullName null when the user has no name', () => {
    const user = new User(userSchema.parse({ ...userJSON(), first_name: null, last_name: '' }), ctx())
    expect(user.fullName).toBeNull()
  })

  it('reads a session with its token, user and public data', () => {
    const session = new Session(sessionSchema.parse(sessionJSON()), ctx())
    expect(session.status).toBe('active')
    expect(session.lastActiveToken?.jwt.claims.sid).toBe('sess_2abc')
    expect(session.lastActiveToken?.getRawString()).toBe(sessionJSON().last_active_token.jwt)
    expect(session.publicUserData.identifier).toBe('jane@example.com')
    expect(session.user?.id).toBe('user_2abc')
    expect(session.factorVerificationAge).toEqual([12, 5])
    expect(session.expireAt).toBeInstanceOf(Date)
  })

  it.each([
    [{ role: 'admin' }, true],
    [{ role: 'org:member' }, false],
    [{ permission: 'org:invoices:create' }, true],
    [{ permission: 'org:invoices:delete' }, false],
    [{ plan: 'o:pro' }, true],
    [{ feature: 'u:impersonation' }, false],
    [{ reverification: 'strict' as const }, true],
  ])('checkAuthorization(%o) is %s', (params, expected) => {
    const session = new Session(sessionSchema.parse(sessionJSON()), ctx())
    expect(session.checkAuthorization(params)).toBe(expected)
  })

  it('fails every organization check without an active organization', () => {
    const session = new Session(sessionSchema.parse({ ...sessionJSON(), last_active_organization_id: null }), ctx())
    expect(session.checkAuthorization({ role: 'admin' })).toBe(false)
  })

  it('reads a client with its sign-in factors and sign-up verifications', () => {
    const client = new Client(clientSchema.parse(clientJSON()), ctx())
    expect(client.signedInSessions.map(s => s.id)).toEqual(['sess_2abc'])
    expect(client.activeSessions).toHaveLength(1)
    expect(client.signIn.status).toBe('needs_first_factor')
    expect(client.signIn.supportedFirstFactors?.[1]).toEqual({
      strategy: 'email_code',
      safeIdentifier: 'j***@example.com',
      emailAddressId: 'idn_email1',
      primary: true,
    })
    expect(client.signIn.firstFactorVerification.expireAt).toBeInstanceOf(Date)
    expect(client.signUp.unverifiedFields).toEqual(['email_address'])
    expect(client.signUp.verifications.emailAddress.nextAction).toBe('needs_attempt')
    expect(client.signUp.verifications.phoneNumber.status).toBeNull()
    expect(client.signUp.hasPassword).toBe(true)
  })

  it('gives an unknown browser an empty client with fresh sign-in and sign-up objects', () => {
    const client = new Client(null, ctx())
    expect(client.isNew()).toBe(true)
    expect(client.sessions).toEqual([])
    expect(client.signIn.status).toBeNull()
    expect(client.signUp.verifications.emailAddress.status).toBeNull()
  })

  it('hides the context so resources serialise to plain data', () => {
    const user = new User(userSchema.parse(userJSON()), ctx())
    expect(Object.keys(user)).not.toContain('ctx')
    expect(JSON.parse(JSON.stringify(user)).firstName).toBe('Jane')
  })

  it('keeps working behind a Proxy (as Vue\'s reactive() would wrap it)', () => {
    const user = new User(userSchema.parse(userJSON()), ctx())
    const proxied = new Proxy(user, {})
    expect(proxied.fromJSON(userSchema.parse({ ...userJSON(), first_name: 'Janet' })).firstName).toBe('Janet')
  })

  it('gives camelCased typed views of the environment, keeping data keys as they are', () => {
    const environment = new Environment(environmentSchema.parse(environmentJSON()))
    expect(environment.isSingleSession()).toBe(true)
    expect(environment.isProduction()).toBe(environmentJSON().display_config.instance_environment_type === 'production')
    expect(environment.displayConfig.applicationName).toBe(environmentJSON().display_config.application_name)
    expect(environment.userSettings.attributes.email_address?.usedForFirstFactor).toBe(true)
    expect(environment.userSettings.passwordSettings?.minLength).toBe(environmentJSON().user_settings.password_settings.min_length)
  })
})
