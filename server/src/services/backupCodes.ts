import type { Kysely } from 'kysely'
import type { Db } from '../db/createDb'
import type { Database } from '../db/schema'
import type { Clock } from '../utils/clock'
import type { Passwords } from './passwords'
import { randomInt } from 'node:crypto'
import { newId } from '../utils/newId'

// MF-5: 10 codes of 10 base32 characters (50 bits each)
const CODE_COUNT = 10
const CODE_LENGTH = 10
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567'
const CODE_PATTERN = /^[a-z2-7]{10}$/

/** A freshly generated set: the plaintext codes exist only in this value (shown once). */
export interface BackupCodeSet {
  id: string
  codes: string[]
  createdAt: number
}

/** Single-use backup codes, stored as argon2id hashes (below 112 bits, so a slow hash, MF-5). */
export interface BackupCodes {
  /** Hashes a new set; `store` then replaces the user's codes with it inside the caller's transaction. */
  generate: () => Promise<{ set: BackupCodeSet, store: (trx: Kysely<Database>, userId: string) => Promise<void> }>
  /**
   * The id of the user's unused code that `code` is, or null (no hashing for a malformed code).
   * `beforeCheck` runs first in any case: inside the hashing slot, before the hashes.
   */
  match: (userId: string, code: string, beforeCheck?: () => Promise<void>) => Promise<string | null>
  /** Marks a matched code used inside the caller's transaction; false when a parallel request spent it first. */
  spend: (trx: Kysely<Database>, codeId: string) => Promise<boolean>
}

/** What users type: case, spaces and hyphens do not matter. */
export function normalizeBackupCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]+/g, '')
}

function randomCode(): string {
  let code = ''
  for (let i = 0; i < CODE_LENGTH; i++)
    code += ALPHABET[randomInt(ALPHABET.length)]
  return code
}

/** Backup codes backed by the `backup_codes` table and the password hasher (its concurrency limit included). */
export function createBackupCodes({ db, clock, passwords }: { db: Db, clock: Clock, passwords: Passwords }): BackupCodes {
  return {
    async generate() {
      const codes = Array.from({ length: CODE_COUNT }, randomCode)
      const hashes = await passwords.hashAll(codes)
      const set: BackupCodeSet = { id: newId('bcd'), codes, createdAt: clock() }
      return {
        set,
        async store(trx, userId) {
          await trx.deleteFrom('backup_codes').where('user_id', '=', userId).execute()
          await trx.insertInto('backup_codes').values(hashes.map(hash => ({
            id: newId('bc'),
            user_id: userId,
            set_id: set.id,
            code_hash: hash,
            used_at: null,
            created_at: set.createdAt,
          }))).execute()
        },
      }
    },

    async match(userId, code, beforeCheck) {
      const candidate = normalizeBackupCode(code)
      if (!CODE_PATTERN.test(candidate)) {
        await beforeCheck?.()
        return null
      }
      const unused = await db.kysely.selectFrom('backup_codes').select(['id', 'code_hash']).where('user_id', '=', userId).where('used_at', 'is', null).execute()
      const index = await passwords.findMatch(unused.map(row => row.code_hash), candidate, { beforeHash: beforeCheck })
      return unused[index]?.id ?? null
    },

    async spend(trx, codeId) {
      const spent = await trx.updateTable('backup_codes').set({ used_at: clock() }).where('id', '=', codeId).where('used_at', 'is', null).executeTakeFirst()
      return Number(spent.numUpdatedRows) === 1
    },
  }
}
