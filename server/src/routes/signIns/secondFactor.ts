import type { Context } from 'hono'
import type { AppEnv } from '../../appEnv'
import type { Deps } from '../../deps'
import { FapiError } from '../../errors/fapiError'
import { findOwnSignIn } from './signInSupport'

/** Second-factor prepare/attempt: no sign-in ever needs one yet, so both explain that plainly. */
export async function secondFactorUnavailable(c: Context<AppEnv>, deps: Deps): Promise<Response> {
  await findOwnSignIn(c, deps)
  throw new FapiError('no_second_factors', { longMessage: 'Second factors (MFA) are not supported by this server yet; no sign-in needs one.' })
}
