import type { Context } from 'hono'
import type { AppEnv } from '../../appEnv'
import type { SecondFactorGraph } from '../../db/queries/secondFactorGraphs'
import type { SignInRow, UserRow, VerificationRow } from '../../db/rows'
import type { Deps } from '../../deps'
import { loadSecondFactorGraphs } from '../../db/queries/secondFactorGraphs'
import { findUser } from '../../db/queries/users'
import { FapiError, missingParam } from '../../errors/fapiError'
import { defaultSecondFactorPhone, hasSecondFactor, secondFactorPhones, supportedSecondFactors } from '../../services/secondFactorState'
import { field, textField } from '../../utils/formBody'
import { newId } from '../../utils/newId'
import { checkSecondFactor } from './checkSecondFactor'
import { afterSessionCreated, findOwnSignIn, respondSignIn } from './signInSupport'

/** A sign-in waiting for its second factor, with its user and the challenge's end. */
export interface Challenge {
  signIn: SignInRow
  user: UserRow
  factors: SecondFactorGraph
  /** When the challenge expires (MF-4: 10 minutes after the first factor). */
  endsAt: number
}

async function openChallenge(c: Context<AppEnv>, deps: Deps): Promise<Challenge> {
  const signIn = await findOwnSignIn(c, deps)
  const user = signIn.user_id ? await findUser(deps.db.kysely, signIn.user_id) : undefined
  const factors = user && (await loadSecondFactorGraphs(deps.db.kysely, [user.id])).get(user.id)
  if (!user || !factors || !hasSecondFactor(factors, deps.config))
    throw new FapiError('no_second_factors')
  if (signIn.status !== 'needs_second_factor' || signIn.first_factor_verified_at === null)
    throw new FapiError('client_state_invalid', { longMessage: 'This sign-in does not expect a second factor now.' })
  const endsAt = signIn.first_factor_verified_at + deps.config.secondFactors.challengeTtlSeconds * 1000
  if (deps.clock() >= endsAt)
    throw new FapiError('verification_expired', { longMessage: 'This sign-in waited too long for its second factor: sign in again.' })
  return { signIn, user, factors, endsAt }
}

/** The challenge's verification row, when one exists. */
export async function challengeVerification(deps: Deps, signIn: SignInRow): Promise<VerificationRow | undefined> {
  return signIn.second_factor_verification_id
    ? deps.db.kysely.selectFrom('verifications').selectAll().where('id', '=', signIn.second_factor_verification_id).executeTakeFirst()
    : undefined
}

function assertNotFailed(verification: VerificationRow | undefined): void {
  if (verification?.status === 'failed')
    throw new FapiError('verification_failed', { longMessage: 'Too many incorrect codes: sign in again.' })
}

/**
 * `…/prepare_second_factor` (fapi.md 2.2): `phone_code` texts a code to a number reserved for second
 * factor (`phone_number_id`, else the default one). A resend replaces the code but keeps the
 * challenge's count of wrong codes (MF-3) and its end (MF-4).
 */
export async function prepareSecondFactor(c: Context<AppEnv>, deps: Deps): Promise<Response> {
  const challenge = await openChallenge(c, deps)
  const { signIn, factors, endsAt } = challenge
  const form = c.get('form')
  const strategy = textField(form, 'strategy')
  if (!strategy)
    throw missingParam('strategy')
  if (strategy !== 'phone_code' || !supportedSecondFactors(factors, deps.config).some(factor => factor.strategy === 'phone_code'))
    throw new FapiError('strategy_for_user_invalid', { meta: { param_name: 'strategy' } })
  const wanted = textField(form, 'phone_number_id')
  const phone = wanted ? secondFactorPhones(factors).find(candidate => candidate.id === wanted) : defaultSecondFactorPhone(factors)
  if (!phone)
    throw new FapiError('form_param_value_invalid', { meta: { param_name: 'phone_number_id' } })
  assertNotFailed(await challengeVerification(deps, signIn))
  await deps.phoneCodes.send({
    verificationId: signIn.second_factor_verification_id,
    strategy,
    to: phone.phone_number,
    purpose: 'second_factor',
    keepAttempts: true,
    expireBy: endsAt,
    attach: (trx, verificationId) => trx.updateTable('sign_ins').set({ second_factor_verification_id: verificationId, updated_at: deps.clock() }).where('id', '=', signIn.id).execute().then(() => {}),
  })
  return respondSignIn(c, deps, signIn.id)
}

/**
 * `…/attempt_second_factor` (fapi.md 2.2): `totp`, `phone_code` (after a prepare) or `backup_code`.
 * The right code creates the session; a wrong one is `form_code_incorrect` (422, never 401, which would
 * make clerk-js sign out), and the last allowed one ends the challenge (`verification_failed`, MF-3).
 * Every wrong code also counts against the account lockout (TH-1).
 */
export async function attemptSecondFactor(c: Context<AppEnv>, deps: Deps): Promise<Response> {
  const challenge = await openChallenge(c, deps)
  const { signIn, factors, endsAt } = challenge
  const form = c.get('form')
  const strategy = textField(form, 'strategy')
  if (!strategy)
    throw missingParam('strategy')
  if (!supportedSecondFactors(factors, deps.config).some(factor => factor.strategy === strategy))
    throw new FapiError('strategy_for_user_invalid', { meta: { param_name: 'strategy' } })
  const code = field(form, 'code')
  if (!code)
    throw missingParam('code')

  let verification = await challengeVerification(deps, signIn)
  assertNotFailed(verification)
  if (strategy === 'phone_code' && (verification?.strategy !== 'phone_code' || verification.code_hash === null))
    throw new FapiError('verification_not_sent')
  if (!verification) {
    // totp and backup codes need no prepare: the challenge's row starts with the first attempt
    const now = deps.clock()
    const row: VerificationRow = { id: newId('ver'), strategy, status: 'unverified', code_hash: null, attempts: 0, expire_at: endsAt, sent_at: null, verified_at: null, target: null, created_at: now, updated_at: now }
    const attached = await deps.db.kysely.transaction().execute(async (trx) => {
      const claimed = await trx.updateTable('sign_ins').set({ second_factor_verification_id: row.id, updated_at: now }).where('id', '=', signIn.id).where('second_factor_verification_id', 'is', null).executeTakeFirst()
      if (Number(claimed.numUpdatedRows) !== 1)
        return false
      await trx.insertInto('verifications').values(row).execute()
      return true
    })
    // a parallel attempt started the challenge first: use its row
    verification = attached ? row : await challengeVerification(deps, (await findOwnSignIn(c, deps)))
    if (!verification)
      throw new FapiError('client_state_invalid', { longMessage: 'This sign-in changed during the attempt: try again.' })
  }
  await checkSecondFactor(c, deps, challenge, verification, strategy, code)
  await afterSessionCreated(c, deps)
  return respondSignIn(c, deps, signIn.id)
}
