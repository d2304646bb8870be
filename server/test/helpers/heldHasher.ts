import type { PasswordHasher } from '../../src/services/passwords'
import { argon2idHasher } from '../../src/services/passwords'

/** One call that reached the hash function. */
export interface HasherCall {
  kind: 'hash' | 'verify'
  password: string
}

/**
 * The real argon2id hasher, watched: it records every call that reaches it and how many run at once,
 * and while `holding` each call waits for `release()` before hashing, so a test decides when hashes end.
 */
export interface HeldHasher extends PasswordHasher {
  /** Calls that reached the hash function, in the order they started. */
  readonly calls: HasherCall[]
  /** Calls started and not finished. */
  readonly inFlight: number
  /** The most calls ever in flight at once. */
  readonly peak: number
  /** While true, new calls wait for `release()`. */
  holding: boolean
  /** Lets the `count` oldest waiting calls hash (the real argon2id); resolves when they have finished. */
  release: (count?: number) => Promise<void>
  /** Resolves once `count` calls in all have reached the hash function. */
  started: (count: number) => Promise<void>
}

export function createHeldHasher(): HeldHasher {
  const calls: HasherCall[] = []
  const held: (() => Promise<void>)[] = []
  const watchers: { count: number, resolve: () => void }[] = []
  let inFlight = 0
  let peak = 0
  let holding = false

  function watch<T>(call: HasherCall, run: () => Promise<T>): Promise<T> {
    calls.push(call)
    inFlight++
    peak = Math.max(peak, inFlight)
    for (const watcher of watchers.filter(w => calls.length >= w.count))
      watcher.resolve()
    const finish = async () => {
      try {
        return await run()
      }
      finally {
        inFlight--
      }
    }
    if (!holding)
      return finish()
    return new Promise<T>((resolve, reject) => {
      held.push(() => finish().then(resolve, reject).then(() => undefined))
    })
  }

  const hasher: HeldHasher = {
    calls,
    get inFlight() {
      return inFlight
    },
    get peak() {
      return peak
    },
    get holding() {
      return holding
    },
    set holding(value) {
      holding = value
    },
    hash: password => watch({ kind: 'hash', password }, () => argon2idHasher.hash(password)),
    verify: (stored, password) => watch({ kind: 'verify', password }, () => argon2idHasher.verify(stored, password)),
    async release(count = 1) {
      await Promise.all(held.splice(0, count).map(run => run()))
    },
    started(count) {
      if (calls.length >= count)
        return Promise.resolve()
      return new Promise(resolve => watchers.push({ count, resolve }))
    },
  }
  return hasher
}
