import type { TestResponse } from '../helpers/testBrowser'
import { expect, it } from 'vitest'
import { describeEachDb } from '../helpers/dbSuites'
import { signedOutAccount, signInWithPassword, signUp } from '../helpers/flows'
import { createHeldHasher } from '../helpers/heldHasher'
import { enrollTotp } from '../helpers/secondFactorFlows'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from '../helpers/testServer'
import { expectError } from '../helpers/wire'
import { databaseSnapshot } from '../security/databaseSnapshot'

function expectBusy(res: TestResponse): void {
  expectError(res, 503, 'service_unavailable')
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
}

// security.md #43 (PW-6): the hashing gate bounds concurrent argon2id work and sheds the excess with 503
describeEachDb('sign-ins: password hashing gate (PW-6, security.md #43)', (ctx) => {
  /** One hash at a time and no queue, a registered user signed out, and the real argon2id held on demand. */
  async function oneSlotServer(maxQueuedHashes = 0) {
    const hasher = createHeldHasher()
    const server = createTestServer(ctx.db, { passwords: { hashConcurrency: 1, maxQueuedHashes } }, undefined, { passwordHasher: hasher })
    const email = uniqueEmail()
    const account = await signedOutAccount(server, email)
    return { server, hasher, email, account }
  }

  async function failedAttempts(userId: string): Promise<number> {
    const row = await ctx.db.kysely.selectFrom('users').select('failed_sign_in_attempts').where('id', '=', userId).executeTakeFirstOrThrow()
    return Number(row.failed_sign_in_attempts)
  }

  it('refuses sign-ins and sign-ups beyond the queue with 503 + Retry-After, changing nothing', async () => {
    const { server, hasher, email, account } = await oneSlotServer()
    // every refused caller already has a client, so a refusal has nothing legitimate to create either
    const [holder, guesser, stranger, newcomer, stepwise] = Array.from({ length: 5 }, () => server.browser())
    for (const browser of [holder!, guesser!, stranger!, newcomer!, stepwise!])
      expect((await browser.put('/v1/client')).status).toBe(200)
    const pending = await stepwise!.post('/v1/client/sign_ins', { identifier: email })
    expect(pending.status).toBe(200)

    hasher.holding = true
    const before = hasher.calls.length
    const held = holder!.post('/v1/client/sign_ins', { identifier: email, password: 'wrong-password-held' })
    await hasher.started(before + 1)
    // the held guess has spent its attempt; that is the state the refusals must leave as it is
    expect(await failedAttempts(account.userId)).toBe(1)
    const snapshot = await databaseSnapshot(ctx.db)

    expectBusy(await guesser!.post('/v1/client/sign_ins', { identifier: email, password: 'wrong-password-refused' }))
    expectBusy(await guesser!.post('/v1/client/sign_ins', { identifier: email, password: GOOD_PASSWORD }))
    expectBusy(await stranger!.post('/v1/client/sign_ins', { identifier: uniqueEmail('nobody'), password: GOOD_PASSWORD }))
    expectBusy(await newcomer!.post('/v1/client/sign_ups', { email_address: uniqueEmail('newcomer'), password: GOOD_PASSWORD }))
    expectBusy(await stepwise!.post(`/v1/client/sign_ins/${pending.body.response.id}/attempt_first_factor`, { strategy: 'password', password: GOOD_PASSWORD }))

    expect(hasher.calls).toHaveLength(before + 1)
    expect(await databaseSnapshot(ctx.db)).toEqual(snapshot)
    expect(await failedAttempts(account.userId)).toBe(1)

    hasher.holding = false
    await hasher.release()
    expectError(await held, 422, 'form_password_incorrect')
    expect(await signInWithPassword(guesser!, email)).toMatch(/^sess_/)
    expect(await failedAttempts(account.userId)).toBe(0)
  })

  it('refuses a backup code beyond the queue without spending the code, the challenge attempt or the lockout budget', async () => {
    const { server, hasher, email, account } = await oneSlotServer()
    const owner = server.browser()
    await signInWithPassword(owner, email)
    const { backupCodes } = await enrollTotp(server, owner)
    await owner.delete('/v1/client/sessions')
    const browser = server.browser()
    const first = await browser.post('/v1/client/sign_ins', { identifier: email, password: GOOD_PASSWORD })
    expect(first.body.response.status).toBe('needs_second_factor')
    const attempt = `/v1/client/sign_ins/${first.body.response.id}/attempt_second_factor`

    hasher.holding = true
    const before = hasher.calls.length
    const held = server.browser().post('/v1/client/sign_ins', { identifier: email, password: 'wrong-password-held' })
    await hasher.started(before + 1)
    const { backup_codes: codesBefore, sessions: sessionsBefore, users: usersBefore } = await databaseSnapshot(ctx.db)
    expectBusy(await browser.post(attempt, { strategy: 'backup_code', code: backupCodes[0]! }))
    // the attempt opened the backup-code challenge (as a prepare would) and counted nothing on it
    const after = await databaseSnapshot(ctx.db)
    expect([after.backup_codes, after.sessions, after.users]).toEqual([codesBefore, sessionsBefore, usersBefore])
    const challenge = await ctx.db.kysely.selectFrom('verifications').select('attempts').where('strategy', '=', 'backup_code').executeTakeFirstOrThrow()
    expect(Number(challenge.attempts)).toBe(0)

    hasher.holding = false
    await hasher.release()
    expectError(await held, 422, 'form_password_incorrect')
    const res = await browser.post(attempt, { strategy: 'backup_code', code: backupCodes[0]! })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.response.status).toBe('complete')
    expect(await failedAttempts(account.userId)).toBe(0)
  })

  it('queues a sign-in behind a running hash and then serves it', async () => {
    const { server, hasher, email, account } = await oneSlotServer(4)
    hasher.holding = true
    const before = hasher.calls.length
    const wrong = server.browser().post('/v1/client/sign_ins', { identifier: email, password: 'wrong-password-first' })
    await hasher.started(before + 1)
    const right = server.browser().post('/v1/client/sign_ins', { identifier: email, password: GOOD_PASSWORD })
    await hasher.release()
    expectError(await wrong, 422, 'form_password_incorrect')
    await hasher.started(before + 2)
    expect(hasher.peak).toBe(1)
    await hasher.release()
    const res = await right
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.response.status).toBe('complete')
    expect(await failedAttempts(account.userId)).toBe(0)
  })

  it('signs in as usual with the default gate (argon2id, one slot per core)', async () => {
    const server = createTestServer(ctx.db)
    const email = uniqueEmail()
    const owner = server.browser()
    await signUp(server, owner, email)
    await owner.delete('/v1/client/sessions')
    expect(await signInWithPassword(server.browser(), email)).toMatch(/^sess_/)
  })
})
