import type { SessionStatus } from '../contract'
import type { SessionRow } from '../db/rows'

/** A session's status now: stored states, plus `expired` / `abandoned` once its time windows pass. */
export function sessionStatus(row: Pick<SessionRow, 'status' | 'expire_at' | 'abandon_at'>, now: number): SessionStatus {
  if (row.status !== 'active')
    return row.status as SessionStatus
  if (now >= row.expire_at)
    return 'expired'
  if (now >= row.abandon_at)
    return 'abandoned'
  return 'active'
}

/** True while a session is signed in. */
export function isSessionActive(row: Pick<SessionRow, 'status' | 'expire_at' | 'abandon_at'>, now: number): boolean {
  return sessionStatus(row, now) === 'active'
}

/** Whole minutes since the first factor was verified (the first `fva` number). */
export function firstFactorAge(row: Pick<SessionRow, 'first_factor_verified_at'>, now: number): number {
  return Math.max(0, Math.floor((now - row.first_factor_verified_at) / 60_000))
}

/** Whole minutes since the session proved a second factor, or -1 when it never did (the user has none). */
export function secondFactorAge(row: Pick<SessionRow, 'second_factor_verified_at'>, now: number): number {
  return row.second_factor_verified_at === null ? -1 : Math.max(0, Math.floor((now - row.second_factor_verified_at) / 60_000))
}
