import { performance } from 'node:perf_hooks'
import { FapiError } from '../errors/fapiError'
import { createSemaphore } from '../utils/semaphore'

/** Admission to argon2id work: a fixed number of slots, a bounded FIFO queue, `503` beyond it (PW-6). */
export interface PasswordHashGate {
  /**
   * Runs `work` once a slot is free, in arrival order. When `maxQueued` calls are already waiting it
   * throws `503 service_unavailable` with `Retry-After` at once, before `work` starts, so a refused
   * request has done nothing. `hashes` says how many hashes `work` makes (a set of backup codes makes
   * ten), so the pace behind `Retry-After` stays the time of one hash.
   */
  run: <T>(work: () => Promise<T>, hashes?: number) => Promise<T>
}

/** How many hashes may run at once and how many may wait. */
export interface PasswordHashGateOptions {
  /** Hashes in flight at most (each holds 19 MiB while it runs). */
  concurrency: number
  /** Calls that may wait for a slot; one more is refused. */
  maxQueued: number
}

// a first guess of one slot's duration (argon2id m = 19 MiB, t = 2 on one core), refined as slots finish
const INITIAL_SLOT_MS = 50
const MAX_RETRY_AFTER_SECONDS = 30

/**
 * The gate every password hash and verification goes through: at most `concurrency` at once, so memory
 * stays at 19 MiB x concurrency and the hashes do not fight over the cores; `Retry-After` is the time the
 * full queue needs to drain at the measured pace.
 */
export function createPasswordHashGate({ concurrency, maxQueued }: PasswordHashGateOptions): PasswordHashGate {
  const slots = createSemaphore(concurrency, maxQueued)
  let slotMs = INITIAL_SLOT_MS

  const busy = (): never => {
    const drainSeconds = Math.ceil((maxQueued / concurrency + 1) * slotMs / 1000)
    const retryAfter = Math.min(Math.max(drainSeconds, 1), MAX_RETRY_AFTER_SECONDS)
    throw new FapiError('service_unavailable', {
      longMessage: 'The server is busy checking other passwords. Please retry shortly.',
      headers: { 'Retry-After': String(retryAfter) },
    })
  }

  return {
    run(work, hashes = 1) {
      return slots.run(async () => {
        const started = performance.now()
        try {
          return await work()
        }
        finally {
          // a moving average of one hash's time over the last few slots
          slotMs += ((performance.now() - started) / Math.max(1, hashes) - slotMs) / 8
        }
      }, busy)
    },
  }
}
