import type { Context } from 'hono'
import type { AppEnv } from '../../appEnv'
import type { SignInRow, UserRow } from '../../db/rows'
import type { Deps } from '../../deps'
import { loadSecondFactorGraphs } from '../../db/queries/secondFactorGraphs'
import { FapiError } from '../../errors/fapiError'
import { isPhoneVerified, primaryPhoneId } from '../../services/secondFactorState'
import { textField } from '../../utils/formBody'
import { respondSignIn } from './signInSupport'

/** The first-factor strategies that text a code to one of the user's verified numbers. */
export const PHONE_FIRST_FACTORS = new Set(['phone_code', 'reset_password_phone_code'])

/**
 * `…/prepare_first_factor` with `phone_code` or `reset_password_phone_code` (when `phoneNumbers.signIn`
 * is on): texts a code to one of the user's verified numbers (`phone_number_id`, else the primary one).
 * The attempt then goes through the same code checks as email codes.
 */
export async function preparePhoneFirstFactor(c: Context<AppEnv>, deps: Deps, signIn: SignInRow, user: UserRow, strategy: string): Promise<Response> {
  const { config } = deps
  const reset = strategy === 'reset_password_phone_code'
  const factors = (await loadSecondFactorGraphs(deps.db.kysely, [user.id])).get(user.id)
  const verified = factors?.phones.filter(isPhoneVerified) ?? []
  if (!config.phoneNumbers.enabled || !config.phoneNumbers.signIn || verified.length === 0 || (reset && config.signUp.password === 'off'))
    throw new FapiError('strategy_for_user_invalid', { meta: { param_name: 'strategy' } })
  const wanted = textField(c.get('form'), 'phone_number_id') ?? primaryPhoneId(factors!)
  const phone = verified.find(candidate => candidate.row.id === wanted)
  if (!phone)
    throw new FapiError('form_param_value_invalid', { meta: { param_name: 'phone_number_id' } })
  const current = signIn.first_factor_verification_id
    ? await deps.db.kysely.selectFrom('verifications').select('strategy').where('id', '=', signIn.first_factor_verification_id).executeTakeFirst()
    : undefined
  await deps.phoneCodes.send({
    verificationId: current?.strategy === strategy ? signIn.first_factor_verification_id : null,
    strategy,
    to: phone.row.phone_number,
    purpose: reset ? 'reset_password' : 'sign_in',
    attach: (trx, verificationId) => trx.updateTable('sign_ins').set({ first_factor_verification_id: verificationId, updated_at: deps.clock() }).where('id', '=', signIn.id).execute().then(() => {}),
  })
  return respondSignIn(c, deps, signIn.id)
}
