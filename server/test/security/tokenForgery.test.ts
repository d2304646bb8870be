import type { JWK, JWTPayload } from 'jose'
import type { TestServer } from '../helpers/testServer'
import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto'
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, exportJWK, jwtVerify, SignJWT } from 'jose'
import { expect, it } from 'vitest'
import { describeEachDb } from '../helpers/dbSuites'
import { signUp } from '../helpers/flows'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from '../helpers/testServer'
import { expectError } from '../helpers/wire'
import { createOrganization, person } from '../organizations/orgFixtures'

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url')

/**
 * The server mints session tokens and never verifies one itself: backends do, with the JWKS. This is such
 * a backend verifier, configured as `@clerk/backend` is (RS256 only, issuer, 5 s of clock skew, the keys
 * from /.well-known/jwks.json and nowhere else).
 */
async function backendVerifier(server: TestServer) {
  const jwks = (await server.browser().get('/.well-known/jwks.json')).body as { keys: JWK[] }
  const keySet = createLocalJWKSet(jwks)
  return {
    jwks,
    verify: (jwt: string, at = server.clock()) => jwtVerify(jwt, keySet, { algorithms: ['RS256'], issuer: 'http://localhost:4000', clockTolerance: 5, currentDate: new Date(at), requiredClaims: ['exp', 'iat', 'nbf', 'sub', 'sid'] }),
  }
}

async function sessionToken(server: TestServer) {
  const browser = server.browser()
  const account = await signUp(server, browser, uniqueEmail('holder'))
  const jwt = (await browser.post(`/v1/client/sessions/${account.sessionId}/tokens`)).body.jwt as string
  return { browser, account, jwt }
}

describeEachDb('security: session token forgery (security.md #22)', (ctx) => {
  it('publishes only public RS256 signing keys of at least 2048 bits, each with a distinct kid', async () => {
    const server = createTestServer(ctx.db)
    const { jwks } = await backendVerifier(server)
    expect(jwks.keys.length).toBeGreaterThan(0)
    expect(new Set(jwks.keys.map(key => key.kid)).size).toBe(jwks.keys.length)
    for (const key of jwks.keys) {
      expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' })
      expect(Object.keys(key).filter(name => ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'].includes(name))).toEqual([])
      expect(Buffer.from(key.n!, 'base64url').length * 8).toBeGreaterThanOrEqual(2048)
    }
  })

  it('mints no token a strict verifier refuses, and no forged variant of it verifies', async () => {
    const server = createTestServer(ctx.db)
    const { jwt, account } = await sessionToken(server)
    const { jwks, verify } = await backendVerifier(server)
    const { payload } = await verify(jwt)
    expect(payload).toMatchObject({ sub: account.userId, sid: account.sessionId })

    const [header, body, signature] = jwt.split('.') as [string, string, string]
    const claims = decodeJwt(jwt)
    const realHeader = decodeProtectedHeader(jwt)
    const publicJwk = jwks.keys[0]!
    const attacker = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const attackerJwk = await exportJWK(attacker.publicKey)
    const publicPem = createPublicKey({ key: publicJwk as never, format: 'jwk' }).export({ type: 'spki', format: 'pem' }) as string
    const resign = (newClaims: JWTPayload, newHeader: Record<string, unknown>, key: Parameters<SignJWT['sign']>[0]) =>
      new SignJWT(newClaims).setProtectedHeader({ ...realHeader, ...newHeader } as never).sign(key)
    const flip = (value: string) => `${value.slice(0, 10)}${value[10] === 'A' ? 'B' : 'A'}${value.slice(11)}`

    const forged: [string, string][] = [
      ['alg none without a signature', `${b64({ alg: 'none', typ: 'JWT' })}.${body}.`],
      ['alg none keeping the signature', `${b64({ alg: 'none', typ: 'JWT' })}.${body}.${signature}`],
      ['HS256 keyed with the public JWK', await resign(claims, { alg: 'HS256' }, new TextEncoder().encode(JSON.stringify(publicJwk)))],
      ['HS256 keyed with the public key PEM', await resign(claims, { alg: 'HS256' }, new TextEncoder().encode(publicPem))],
      ['HS256 keyed with the modulus', await resign(claims, { alg: 'HS256' }, Buffer.from(publicJwk.n!, 'base64url'))],
      ['RS256 by another key under our kid', await resign(claims, {}, attacker.privateKey)],
      ['RS256 by another key under an unknown kid', await resign(claims, { kid: 'ins_attacker' }, attacker.privateKey)],
      ['embedded jwk header naming the signer', await resign(claims, { jwk: attackerJwk }, attacker.privateKey)],
      ['jku and x5u headers pointing at the attacker', await resign(claims, { jku: 'https://evil.test/jwks.json', x5u: 'https://evil.test/cert.pem' }, attacker.privateKey)],
      ['PS256 by another key', await resign(claims, { alg: 'PS256' }, attacker.privateKey)],
      ['sub swapped, signature kept', `${header}.${b64({ ...claims, sub: 'user_victim' })}.${signature}`],
      ['org role added, signature kept', `${header}.${b64({ ...claims, o: { id: 'org_x', rol: 'admin' } })}.${signature}`],
      ['signature stripped', `${header}.${body}.`],
      ['signature bit-flipped', `${header}.${body}.${flip(signature)}`],
      ['payload bit-flipped', `${header}.${flip(body)}.${signature}`],
      ['header typ changed, signature kept', `${b64({ ...realHeader, typ: 'at+jwt' })}.${body}.${signature}`],
      ['two signatures', `${jwt}.${signature}`],
      ['truncated', jwt.slice(0, -20)],
    ]
    const accepted: string[] = []
    for (const [name, token] of forged) {
      const outcome = await verify(token).then(() => 'accepted', () => 'refused')
      if (outcome === 'accepted')
        accepted.push(name)
    }
    expect(accepted).toEqual([])
    expect(forged.length).toBeGreaterThanOrEqual(18)
  })

  it('sets exp, nbf and iss so that a verifier refuses the token outside its lifetime and from another issuer (#39)', async () => {
    const server = createTestServer(ctx.db)
    const { jwt } = await sessionToken(server)
    const { verify } = await backendVerifier(server)
    const { exp, nbf, iat } = decodeJwt(jwt) as Required<JWTPayload>
    expect(exp - iat).toBeLessThanOrEqual(60)
    const at = (seconds: number) => seconds * 1000
    await expect(verify(jwt, at(exp + 4))).resolves.toBeTruthy()
    await expect(verify(jwt, at(exp + 6))).rejects.toThrow(/exp/)
    await expect(verify(jwt, at(nbf - 4))).resolves.toBeTruthy()
    await expect(verify(jwt, at(nbf - 6))).rejects.toThrow(/nbf/)
    // another deployment on the same keys (a copied database) issues tokens under its own URL
    const other = createTestServer(ctx.db, { publicUrl: 'https://other.example.com' })
    const { jwt: foreignIssuer } = await sessionToken(other)
    await expect(verify(foreignIssuer)).rejects.toThrow(/iss/)
  })

  it('refuses a session token, and tokens signed with the public key, where an invitation ticket is expected', async () => {
    const server = createTestServer(ctx.db)
    const { jwt } = await sessionToken(server)
    const admin = await person(server, 'admin')
    const org = await createOrganization(admin)
    const invited = uniqueEmail('invited')
    const invitation = await admin.browser.post(`/v1/organizations/${org.id}/invitations`, { email_address: invited, role: 'org:admin' })
    const { jwks } = await backendVerifier(server)
    const ticketClaims = { sid: invitation.body.response.id, st: 'organization_invitation', iss: 'http://localhost:4000', exp: Math.floor(server.clock() / 1000) + 3600 }
    const publicKeyBytes = new TextEncoder().encode(JSON.stringify(jwks.keys[0]))
    const candidates = [
      jwt,
      await new SignJWT(ticketClaims).setProtectedHeader({ alg: 'HS256' }).sign(publicKeyBytes),
      await new SignJWT(ticketClaims).setProtectedHeader({ alg: 'HS256' }).sign(Buffer.from(jwks.keys[0]!.n!, 'base64url')),
      `${b64({ alg: 'none' })}.${b64(ticketClaims)}.`,
    ]
    for (const ticket of candidates) {
      expectError(await server.browser().post('/v1/client/sign_ups', { strategy: 'ticket', ticket, password: GOOD_PASSWORD }), 400, 'ticket_invalid_code', 'ticket')
      expectError(await server.browser().post('/v1/client/sign_ins', { strategy: 'ticket', ticket }), 400, 'ticket_invalid_code', 'ticket')
    }
    expect((await server.db.kysely.selectFrom('organization_invitations').select('status').where('id', '=', invitation.body.response.id).executeTakeFirstOrThrow()).status).toBe('pending')
  })

  it('never takes a session token (or anything but its own secrets) as a client credential (#23)', async () => {
    const server = createTestServer(ctx.db)
    const { jwt, browser, account } = await sessionToken(server)
    const cookie = browser.cookies.get('__client')!
    const [clientId, secret] = cookie.split('.') as [string, string]
    const credentials: Record<string, string>[] = [
      { authorization: `Bearer ${jwt}` },
      { authorization: jwt },
      { cookie: `__session=${jwt}` },
      { cookie: `__client=${jwt}` },
      { cookie: `__client=${clientId}.${secret.slice(0, -1)}` },
      { cookie: `__client=${clientId}.${secret}%00` },
      // a trailing space in the header is only whitespace (RFC 6265); an encoded one is part of the value
      { cookie: `__client=${clientId}.${secret}%20` },
      { cookie: `__client=${clientId}.${randomBytes(32).toString('base64url')}` },
      { cookie: `__client=${clientId}` },
    ]
    for (const headers of credentials) {
      const stranger = server.browser({ headers })
      expect((await stranger.get('/v1/client')).body, JSON.stringify(headers)).toEqual({ response: null, client: null })
      expectError(await stranger.get('/v1/me'), 401, 'authentication_invalid')
      expect((await stranger.post(`/v1/client/sessions/${account.sessionId}/tokens`)).status).toBe(401)
    }
    // the dev-browser parameter takes dev-browser tokens only
    const viaQuery = await server.browser().get('/v1/client', { __clerk_db_jwt: jwt })
    expect(viaQuery.status).toBe(401)
    expect((await browser.get('/v1/client')).body.response.sessions).toHaveLength(1)
  })
})
