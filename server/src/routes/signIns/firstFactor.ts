import type { Context } from 'hono'
import type { AppEnv } from '../../appEnv'
import type { SignInRow, UserRow } from '../../db/rows'
import type { Deps } from '../../deps'
import type { CodePurpose } from '../../services/codes'
import { isVerified, loadUserGraph } from '../../db/queries/userGraphs'
import { FapiError, missingParam } from '../../errors/fapiError'
import { checkPassword } from '../../services/passwordCheck'
import { field, textField } from '../../utils/formBody'
import { passFirstFactor } from './passFirstFactor'
import { PHONE_FIRST_FACTORS, preparePhoneFirstFactor } from './phoneFirstFactor'
import { afterSessionCreated, findOwnSignIn, respondSignIn } from './signInSupport'

const CODE_STRATEGIES: Record<string, CodePurpose> = {
  email_code: 'sign_in',
  reset_password_email_code: 'reset_password',
  // prepared by preparePhoneFirstFactor; attempted like the email codes
  phone_code: 'sign_in',
  reset_password_phone_code: 'reset_password',
}

async function signInUser(deps: Deps, signIn: SignInRow): Promise<UserRow> {
  if (signIn.status !== 'needs_first_factor')
    throw new FapiError('client_state_invalid', { longMessage: 'This sign-in does not expect a first factor now.' })
  const user = signIn.user_id ? await deps.db.kysely.selectFrom('users').selectAll().where('id', '=', signIn.user_id).executeTakeFirst() : undefined
  if (!user)
    throw new FapiError('client_state_invalid', { longMessage: 'This sign-in has no identifier yet.' })
  return user
}

/**
 * `…/prepare_first_factor`: `password` needs nothing; `email_code` and `reset_password_email_code` mail a
 * code to one of the user's verified addresses (`email_address_id`, else the primary one); the phone
 * strategies text one (preparePhoneFirstFactor).
 */
export async function prepareFirstFactor(c: Context<AppEnv>, deps: Deps): Promise<Response> {
  const signIn = await findOwnSignIn(c, deps)
  const user = await signInUser(deps, signIn)
  const form = c.get('form')
  const strategy = textField(form, 'strategy')
  if (!strategy)
    throw missingParam('strategy')
  if (strategy === 'password') {
    if (!user.password_hash)
      throw new FapiError('strategy_for_user_invalid', { meta: { param_name: 'strategy' } })
    return respondSignIn(c, deps, signIn.id)
  }
  if (PHONE_FIRST_FACTORS.has(strategy))
    return preparePhoneFirstFactor(c, deps, signIn, user, strategy)
  const purpose = CODE_STRATEGIES[strategy]
  if (!purpose || (purpose === 'reset_password' && deps.config.signUp.password === 'off'))
    throw new FapiError('strategy_for_user_invalid', { meta: { param_name: 'strategy' } })
  const graph = (await loadUserGraph(deps.db.kysely, user.id))!
  const wanted = textField(form, 'email_address_id') ?? user.primary_email_address_id
  const email = graph.emails.find(candidate => candidate.row.id === wanted && isVerified(candidate))
  if (!email)
    throw new FapiError('form_param_value_invalid', { meta: { param_name: 'email_address_id' } })
  const current = signIn.first_factor_verification_id
    ? await deps.db.kysely.selectFrom('verifications').select('strategy').where('id', '=', signIn.first_factor_verification_id).executeTakeFirst()
    : undefined
  await deps.codes.send({
    verificationId: current?.strategy === strategy ? signIn.first_factor_verification_id : null,
    strategy,
    to: email.row.email_address,
    purpose,
    attach: (trx, verificationId) => trx.updateTable('sign_ins').set({ first_factor_verification_id: verificationId, updated_at: deps.clock() }).where('id', '=', signIn.id).execute().then(() => {}),
  })
  return respondSignIn(c, deps, signIn.id)
}

/**
 * `…/attempt_first_factor`: a password (lockout rules apply) or a code. `password`, `email_code` and
 * `phone_code` complete the sign-in (or lead to the second factor); the reset strategies move it to
 * `needs_new_password`.
 */
export async function attemptFirstFactor(c: Context<AppEnv>, deps: Deps): Promise<Response> {
  const signIn = await findOwnSignIn(c, deps)
  const user = await signInUser(deps, signIn)
  const form = c.get('form')
  const strategy = textField(form, 'strategy')
  if (!strategy)
    throw missingParam('strategy')

  if (strategy === 'password') {
    const password = field(form, 'password')
    if (password === undefined)
      throw missingParam('password')
    await checkPassword(deps, user, password)
    if (await deps.db.kysely.transaction().execute(trx => passFirstFactor(trx, c, deps, signIn, user.id, 'password')))
      await afterSessionCreated(c, deps)
    return respondSignIn(c, deps, signIn.id)
  }

  if (!CODE_STRATEGIES[strategy])
    throw new FapiError('strategy_for_user_invalid', { meta: { param_name: 'strategy' } })
  const code = field(form, 'code')
  if (!code)
    throw missingParam('code')
  const verificationId = signIn.first_factor_verification_id
  const prepared = verificationId
    ? await deps.db.kysely.selectFrom('verifications').select('strategy').where('id', '=', verificationId).executeTakeFirst()
    : undefined
  if (!verificationId || prepared?.strategy !== strategy)
    throw new FapiError('verification_not_sent')
  // a locked account may still prove its email to reset the password: that is how it gets unlocked
  const signsIn = CODE_STRATEGIES[strategy] === 'sign_in'
  if (signsIn)
    deps.lockout.assertUnlocked(user)
  await deps.codes.check(verificationId, code)
  const now = deps.clock()
  const created = await deps.db.kysely.transaction().execute(async (trx) => {
    await deps.codes.consume(trx, verificationId)
    if (signsIn)
      return passFirstFactor(trx, c, deps, signIn, user.id, strategy)
    await trx.updateTable('sign_ins').set({ status: 'needs_new_password', updated_at: now }).where('id', '=', signIn.id).execute()
    return false
  })
  if (created)
    await afterSessionCreated(c, deps)
  return respondSignIn(c, deps, signIn.id)
}
