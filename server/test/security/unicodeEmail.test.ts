import type { TestResponse } from '../helpers/testBrowser'
import type { TestServer } from '../helpers/testServer'
import { randomBytes } from 'node:crypto'
import { expect, it } from 'vitest'
import { describeEachDb } from '../helpers/dbSuites'
import { signUp } from '../helpers/flows'
import { createTestServer, GOOD_PASSWORD } from '../helpers/testServer'
import { expectError } from '../helpers/wire'
import { databaseSnapshot } from './databaseSnapshot'

/** Addresses that must be refused outright, built around the victim's local part and domain. */
function hostileVariants(local: string): [string, string][] {
  return [
    ['full-width at sign (U+FF20)', `${local}＠example.com`],
    ['small at sign (U+FE6B)', `${local}﹫example.com`],
    ['quoted local part holding another address', `"e@attacker.test"@example.com`],
    ['two addresses with a comma', `attacker@evil.test,${local}@example.com`],
    ['two addresses with a semicolon', `attacker@evil.test;${local}@example.com`],
    ['two at signs', `${local}@evil.test@example.com`],
    ['percent-encoded NUL', `${local}@example.com%00`],
    ['a real NUL', `${local}@example.com\u0000`],
    ['CR LF header injection', `${local}@example.com\r\nBcc: attacker@evil.test`],
    ['trailing dot on the domain', `${local}@example.com.`],
    ['zero-width space in the local part', `${local.slice(0, 3)}\u200B${local.slice(3)}@example.com`],
    ['right-to-left override', `\u202Emoc.elpmaxe@${local}`],
    ['soft hyphen', `${local}\u00AD@example.com`],
    ['bidi isolate (U+2066)', `${local}\u2066@example.com`],
    ['Hangul filler (U+3164)', `${local}\u3164@example.com`],
    ['variation selector', `${local}\uFE0F@example.com`],
    ['tag character', `${local}\u{E0041}@example.com`],
    ['local part of 65 characters', `${'a'.repeat(65)}@example.com`],
    ['address of 255 characters', `${'a'.repeat(60)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.example.com`],
    ['angle brackets', `Attacker <${local}@example.com>`],
    ['space inside', `${local} @example.com`],
  ]
}

/** Signs up with `typed` and reads the code from the inbox of `canonical`: mail goes to the stored form only. */
async function signUpAs(server: TestServer, typed: string, canonical: string): Promise<string> {
  const browser = server.browser()
  const id = (await browser.post('/v1/client/sign_ups', { email_address: typed, password: GOOD_PASSWORD })).body.response.id as string
  await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
  const done = await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code: await server.latestCode(canonical) })
  expect(done.body.response?.status, JSON.stringify(done.body)).toBe('complete')
  return done.body.response.created_user_id
}

async function emailRows(server: TestServer, tag: string) {
  return server.db.kysely.selectFrom('email_addresses').select(['user_id', 'email_address', 'email_normalized']).where('email_normalized', 'like', `%${tag}%`).orderBy('email_normalized').execute()
}

describeEachDb('security: Unicode and look-alike email addresses (security.md #44)', (ctx) => {
  it('refuses spoofed and smuggled addresses at sign-up, sign-in, add-address and invitation, changing nothing', async () => {
    const server = createTestServer(ctx.db)
    const tag = randomBytes(4).toString('hex')
    const local = `victim.${tag}`
    const victim = server.browser()
    await signUp(server, victim, `${local}@example.com`)
    const orgId = (await victim.post('/v1/organizations', { name: 'Victim Co' })).body.response.id as string
    const before = await databaseSnapshot(ctx.db)
    const answers: string[] = []
    const record = (name: string, route: string, res: TestResponse) => answers.push(`${name} @ ${route}: ${res.status} ${res.body?.errors?.[0]?.code}`)
    for (const [name, address] of hostileVariants(local)) {
      const stranger = server.browser()
      record(name, 'sign-up', await stranger.post('/v1/client/sign_ups', { email_address: address, password: GOOD_PASSWORD }))
      record(name, 'add address', await victim.post('/v1/me/email_addresses', { email_address: address }))
      record(name, 'invitation', await victim.post(`/v1/organizations/${orgId}/invitations`, { email_address: address, role: 'org:member' }))
      const signIn = await stranger.post('/v1/client/sign_ins', { identifier: address, password: GOOD_PASSWORD })
      // an identifier that is no address at all may also be looked up (as a username) and not found
      if (signIn.body?.errors?.[0]?.code === 'form_identifier_not_found')
        record(name, 'sign-in', { ...signIn, body: { errors: [{ code: 'form_param_format_invalid' }] } })
      else
        record(name, 'sign-in', signIn)
    }
    expect(answers.filter(answer => !answer.endsWith(': 422 form_param_format_invalid'))).toEqual([])
    // the sign-up refusals above created browsers' clients only: no address, user, sign-in or mail
    const after = await databaseSnapshot(ctx.db)
    for (const table of ['users', 'email_addresses', 'sign_ins', 'sign_ups', 'sessions', 'dev_inbox', 'organization_invitations'])
      expect(after[table], table).toEqual(before[table])
  })

  it('canonicalizes case and IDN domains to one account, and never matches a homoglyph domain', async () => {
    const server = createTestServer(ctx.db)
    const tag = randomBytes(4).toString('hex')
    const victim = await signUp(server, server.browser(), `victim.${tag}@example.com`)

    // case: the same account (refused at sign-up, found at sign-in)
    expectError(await server.browser().post('/v1/client/sign_ups', { email_address: `VICTIM.${tag}@EXAMPLE.COM`, password: GOOD_PASSWORD }), 422, 'form_identifier_exists', 'email_address')
    expect((await server.browser().post('/v1/client/sign_ins', { identifier: `Victim.${tag}@Example.com`, password: GOOD_PASSWORD })).body.response.status).toBe('complete')

    // a Cyrillic "а" in the domain is another domain: never the victim's account
    const homoglyph = `victim.${tag}@exаmple.com`
    expectError(await server.browser().post('/v1/client/sign_ins', { identifier: homoglyph, password: GOOD_PASSWORD }), 422, 'form_identifier_not_found')
    const lookalike = { userId: await signUpAs(server, homoglyph, `victim.${tag}@xn--exmple-4nf.com`) }
    expect(lookalike.userId).not.toBe(victim.userId)

    // an IDN is stored as its A-label, and the U-label and A-label name one account
    const idn = { userId: await signUpAs(server, `user.${tag}@bücher.de`, `user.${tag}@xn--bcher-kva.de`) }
    expectError(await server.browser().post('/v1/client/sign_ups', { email_address: `user.${tag}@xn--bcher-kva.de`, password: GOOD_PASSWORD }), 422, 'form_identifier_exists', 'email_address')
    expect((await server.browser().post('/v1/client/sign_ins', { identifier: `user.${tag}@XN--BCHER-KVA.DE`, password: GOOD_PASSWORD })).body.response.status).toBe('complete')

    const rows = await emailRows(server, tag)
    expect(rows).toEqual([
      { user_id: lookalike.userId, email_address: `victim.${tag}@xn--exmple-4nf.com`, email_normalized: `victim.${tag}@xn--exmple-4nf.com` },
      { user_id: victim.userId, email_address: `victim.${tag}@example.com`, email_normalized: `victim.${tag}@example.com` },
      { user_id: idn.userId, email_address: `user.${tag}@xn--bcher-kva.de`, email_normalized: `user.${tag}@xn--bcher-kva.de` },
    ].sort((a, b) => a.email_normalized.localeCompare(b.email_normalized)))
    // mail went to the canonical (A-label) addresses only
    const mailed = await ctx.db.kysely.selectFrom('dev_inbox').select('to_address').where('to_address', 'like', `%${tag}%`).execute()
    expect(new Set(mailed.map(row => row.to_address))).toEqual(new Set(rows.map(row => row.email_address)))
  })

  it('takes a local part of 64 characters, the longest allowed', async () => {
    const server = createTestServer(ctx.db)
    const local = `${randomBytes(4).toString('hex')}${'x'.repeat(56)}`
    expect(local).toHaveLength(64)
    const account = await signUp(server, server.browser(), `${local}@example.com`)
    expect(account.userId).toMatch(/^user_/)
  })
})
