import type { AppEnv } from '../../appEnv'
import type { Deps } from '../../deps'
import { Hono } from 'hono'
import { createSignIn } from './createSignIn'
import { attemptFirstFactor, prepareFirstFactor } from './firstFactor'
import { resetPassword } from './resetPassword'
import { attemptSecondFactor, prepareSecondFactor } from './secondFactor'
import { findOwnSignIn, respondSignIn } from './signInSupport'

/**
 * Sign-ins (fapi.md 2.2): create (identifier alone, or identifier + password), get, first factors
 * (`password`, `email_code`, `phone_code`, `reset_password_email_code`, `reset_password_phone_code`),
 * `reset_password`, and second factors (`totp`, `phone_code`, `backup_code`) for users who have one.
 */
export function signInRoutes(deps: Deps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .post('/client/sign_ins', c => createSignIn(c, deps))
    .get('/client/sign_ins/:id', async c => respondSignIn(c, deps, (await findOwnSignIn(c, deps)).id))
    .post('/client/sign_ins/:id/prepare_first_factor', c => prepareFirstFactor(c, deps))
    .post('/client/sign_ins/:id/attempt_first_factor', c => attemptFirstFactor(c, deps))
    .post('/client/sign_ins/:id/reset_password', c => resetPassword(c, deps))
    .post('/client/sign_ins/:id/prepare_second_factor', c => prepareSecondFactor(c, deps))
    .post('/client/sign_ins/:id/attempt_second_factor', c => attemptSecondFactor(c, deps))
}
