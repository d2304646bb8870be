import type { DeletedObject } from './DeletedObject'
import type { ResourceContext } from './ResourceContext'
import { BackupCode } from './BackupCode'
import { toDeletedObject } from './DeletedObject'
import { PhoneNumber } from './PhoneNumber'
import { TOTP } from './TOTP'

/** Options of `User.createPhoneNumber`. */
export interface CreatePhoneNumberParams {
  /** E.164 (`+15555550100`), or national when the server has a default country. */
  phoneNumber: string
}

/** Options of `User.verifyTOTP`. */
export interface VerifyTOTPParams {
  /** The 6-digit code the authenticator app shows now. */
  code: string
}

// NOTE: the trailing slashes are part of the routes clerk-js calls (fapi.md 2.5)

/** Adds an unverified phone number (`POST /me/phone_numbers/`). */
export async function createPhoneNumber(ctx: ResourceContext, params: CreatePhoneNumberParams): Promise<PhoneNumber> {
  const { response } = await ctx.request({ path: '/me/phone_numbers/', method: 'POST', body: { phoneNumber: params.phoneNumber }, contract: 'phoneNumber' })
  return new PhoneNumber(response, ctx)
}

/** Starts (or restarts, while unverified) an authenticator-app enrolment (`POST /me/totp`). */
export async function createTOTP(ctx: ResourceContext): Promise<TOTP> {
  const { response } = await ctx.request({ path: '/me/totp', method: 'POST', contract: 'totp' })
  return new TOTP(response)
}

/** Proves the enrolment with a first code (`POST /me/totp/attempt_verification`). */
export async function verifyTOTP(ctx: ResourceContext, params: VerifyTOTPParams): Promise<TOTP> {
  const { response } = await ctx.request({ path: '/me/totp/attempt_verification', method: 'POST', body: { code: params.code }, contract: 'totp' })
  return new TOTP(response)
}

/** Removes the authenticator app (`DELETE /me/totp`). */
export async function disableTOTP(ctx: ResourceContext): Promise<DeletedObject> {
  const { response } = await ctx.request({ path: '/me/totp', method: 'DELETE', contract: 'deletedObject' })
  return toDeletedObject(response)
}

/** Replaces the user's backup codes with a new set (`POST /me/backup_codes/`). */
export async function createBackupCode(ctx: ResourceContext): Promise<BackupCode> {
  const { response } = await ctx.request({ path: '/me/backup_codes/', method: 'POST', contract: 'backupCodes' })
  return new BackupCode(response)
}
