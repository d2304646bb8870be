import { describe, expect, it } from 'vitest'
import { backupCodesSchema, signInSchema } from '../../src/contract'
import { describeEachDb } from '../helpers/dbSuites'
import { signUp } from '../helpers/flows'
import { enrollTotp } from '../helpers/secondFactorFlows'
import { createTestServer, GOOD_PASSWORD, uniqueEmail } from '../helpers/testServer'
import { expectEnvelope, expectError } from '../helpers/wire'

describeEachDb('second factor: backup codes', (ctx) => {
  async function enrolled(config = {}) {
    const server = createTestServer(ctx.db, config)
    const email = uniqueEmail()
    const browser = server.browser()
    const account = await signUp(server, browser, email)
    const totp = await enrollTotp(server, browser)
    return { server, email, account, totp, browser }
  }

  /** Signs out, then passes the first factor in a fresh browser; returns the browser and the sign-in id. */
  async function atSecondFactor(server: ReturnType<typeof createTestServer>, email: string) {
    const browser = server.browser()
    const { response } = expectEnvelope(await browser.post('/v1/client/sign_ins', { identifier: email, password: GOOD_PASSWORD }), signInSchema)
    expect(response.status).toBe('needs_second_factor')
    return { browser, id: response.id }
  }

  describe('pOST /v1/me/backup_codes/', () => {
    it('replaces the set with 10 new codes, shown once', async () => {
      const { server, email, browser, totp } = await enrolled()
      const { response } = expectEnvelope(await browser.post('/v1/me/backup_codes/'), backupCodesSchema)
      expect(response.object).toBe('backup_code')
      expect(response.id).toMatch(/^bcd_/)
      expect(response.codes).toHaveLength(10)
      expect(response.codes).not.toContain(totp.backupCodes[0])
      const { browser: other, id } = await atSecondFactor(server, email)
      expectError(await other.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'backup_code', code: totp.backupCodes[0] }), 422, 'form_code_incorrect', 'code')
      expect(expectEnvelope(await other.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'backup_code', code: response.codes[0] }), signInSchema).response.status).toBe('complete')
    })

    it('stores only argon2id hashes', async () => {
      const { browser, account } = await enrolled()
      const { response } = expectEnvelope(await browser.post('/v1/me/backup_codes'), backupCodesSchema)
      const rows = await ctx.db.kysely.selectFrom('backup_codes').select(['code_hash', 'set_id']).where('user_id', '=', account.userId).execute()
      expect(rows).toHaveLength(10)
      for (const row of rows) {
        expect(row.code_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
        expect(row.set_id).toBe(response.id)
        for (const code of response.codes)
          expect(row.code_hash).not.toContain(code)
      }
    })

    it('needs a second factor first', async () => {
      const server = createTestServer(ctx.db)
      const browser = server.browser()
      await signUp(server, browser, uniqueEmail())
      expectError(await browser.post('/v1/me/backup_codes/'), 403, 'resource_forbidden')
    })

    it('is refused when backup codes are off, and the sign-in does not offer them', async () => {
      const { server, email, browser } = await enrolled({ secondFactors: { backupCodes: false } })
      expectError(await browser.post('/v1/me/backup_codes/'), 403, 'resource_forbidden')
      const { browser: other } = await atSecondFactor(server, email)
      expect((await other.get('/v1/client')).body.response.sign_in.supported_second_factors).toEqual([{ strategy: 'totp' }])
    })
  })

  describe('signing in with a backup code', () => {
    it('completes the sign-in, and each code works once (MF-5)', async () => {
      const { server, email, totp } = await enrolled()
      const first = await atSecondFactor(server, email)
      const code = totp.backupCodes[3]!
      const { response, client } = expectEnvelope(await first.browser.post(`/v1/client/sign_ins/${first.id}/attempt_second_factor`, { strategy: 'backup_code', code }), signInSchema)
      expect(response.status).toBe('complete')
      expect(response.second_factor_verification).toMatchObject({ status: 'verified', strategy: 'backup_code' })
      expect(client?.sessions[0]?.factor_verification_age).toEqual([0, 0])
      const second = await atSecondFactor(server, email)
      expectError(await second.browser.post(`/v1/client/sign_ins/${second.id}/attempt_second_factor`, { strategy: 'backup_code', code }), 422, 'form_code_incorrect', 'code')
      expect(expectEnvelope(await second.browser.post(`/v1/client/sign_ins/${second.id}/attempt_second_factor`, { strategy: 'backup_code', code: totp.backupCodes[4] }), signInSchema).response.status).toBe('complete')
    })

    it('ignores case, spaces and hyphens in the code', async () => {
      const { server, email, totp } = await enrolled()
      const { browser, id } = await atSecondFactor(server, email)
      const code = totp.backupCodes[0]!
      const typed = ` ${code.slice(0, 5).toUpperCase()}-${code.slice(5)} `
      expect(expectEnvelope(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'backup_code', code: typed }), signInSchema).response.status).toBe('complete')
    })

    it('lets two parallel sign-ins spend one code only once', async () => {
      const { server, email, totp, account } = await enrolled()
      const a = await atSecondFactor(server, email)
      const b = await atSecondFactor(server, email)
      const code = totp.backupCodes[1]!
      const results = await Promise.all([a, b].map(({ browser, id }) => browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'backup_code', code })))
      expect(results.map(res => res.status).sort()).toEqual([200, 422])
      const used = await ctx.db.kysely.selectFrom('backup_codes').select('id').where('user_id', '=', account.userId).where('used_at', 'is not', null).execute()
      expect(used).toHaveLength(1)
    })

    it('stops offering backup codes once all are spent', async () => {
      const { server, email, totp, account } = await enrolled()
      await ctx.db.kysely.updateTable('backup_codes').set({ used_at: server.clock() }).where('user_id', '=', account.userId).execute()
      const { browser, id } = await atSecondFactor(server, email)
      const signIn = (await browser.get(`/v1/client/sign_ins/${id}`)).body.response
      expect(signIn.supported_second_factors).toEqual([{ strategy: 'totp' }])
      expectError(await browser.post(`/v1/client/sign_ins/${id}/attempt_second_factor`, { strategy: 'backup_code', code: totp.backupCodes[0] }), 400, 'strategy_for_user_invalid')
      expect((await browser.get('/v1/client')).body.response.sessions).toEqual([])
    })
  })
})
