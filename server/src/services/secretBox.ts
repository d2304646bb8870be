import type { PorticoConfig } from '../config'
import type { Db } from '../db/createDb'
import type { Clock } from '../utils/clock'
import type { Logger } from '../utils/logger'
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { FapiError } from '../errors/fapiError'

/** Seals small secrets (TOTP keys) with AES-256-GCM before they reach the database (MF-2). */
export interface SecretBox {
  /** Encrypts `plaintext`, bound to `context` (e.g. the row id) so a sealed value cannot be moved to another row. */
  seal: (plaintext: Uint8Array, context: string) => Promise<string>
  /** Decrypts what `seal` produced for the same context; throws when the key or the context differ. */
  open: (sealed: string, context: string) => Promise<Uint8Array>
}

const VERSION = 'v1'
const DEV_KEY_NAME = 'encryption_key'

/**
 * Reads a 32-byte key written as 64 hex characters or as base64/base64url (43-44 characters).
 * Throws on anything else, naming the setting.
 */
export function parseEncryptionKey(text: string): Buffer {
  const trimmed = text.trim()
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64url')
  if (key.length !== 32)
    throw new Error('[portico-server] encryptionKey (PORTICO_ENCRYPTION_KEY) must be 32 bytes: 64 hex characters or 43-44 base64 characters')
  return key
}

/** A short fingerprint of the key, stored with each value so a wrong key is reported as such. */
function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 8)
}

async function developmentKey(db: Db, clock: Clock): Promise<Buffer> {
  // insert-if-absent, then read: concurrent processes on one database agree on the first key written
  await db.kysely.insertInto('server_secrets')
    .values({ name: DEV_KEY_NAME, value: randomBytes(32).toString('base64url'), created_at: clock() })
    .onConflict(oc => oc.column('name').doNothing())
    .execute()
  const row = await db.kysely.selectFrom('server_secrets').select('value').where('name', '=', DEV_KEY_NAME).executeTakeFirstOrThrow()
  return parseEncryptionKey(row.value)
}

/**
 * The secret box of an app. The key is `config.encryptionKey`; a development instance without one
 * generates a key on first use and keeps it in the `server_secrets` table (convenient, but then the key
 * sits next to the data: configure one for anything real). A production instance without a key refuses
 * to seal or open (`503 service_unavailable`), and says why in the log.
 */
export function createSecretBox({ db, config, clock, logger }: { db: Db, config: PorticoConfig, clock: Clock, logger: Logger }): SecretBox {
  let key: Promise<Buffer> | undefined

  function currentKey(): Promise<Buffer> {
    if (config.encryptionKey)
      return key ??= Promise.resolve(parseEncryptionKey(config.encryptionKey))
    if (config.instanceType !== 'development') {
      logger.error('[portico-server] encryptionKey (PORTICO_ENCRYPTION_KEY) is not set: authenticator apps cannot be used on a production instance without it')
      throw new FapiError('service_unavailable', { longMessage: 'Authenticator apps are not available: the server has no encryption key configured.' })
    }
    key ??= developmentKey(db, clock).catch((error) => {
      key = undefined
      throw error
    })
    return key
  }

  return {
    async seal(plaintext, context) {
      const secret = await currentKey()
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', secret, iv)
      cipher.setAAD(Buffer.from(context, 'utf8'))
      const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()])
      return [VERSION, keyId(secret), iv.toString('base64url'), body.toString('base64url')].join('.')
    },
    async open(sealed, context) {
      const secret = await currentKey()
      const [version, id, iv, body] = sealed.split('.')
      if (version !== VERSION || !iv || !body)
        throw new Error('[portico-server] a sealed secret has an unknown format')
      if (id !== keyId(secret))
        throw new Error('[portico-server] a sealed secret was written with another encryption key')
      const data = Buffer.from(body, 'base64url')
      const decipher = createDecipheriv('aes-256-gcm', secret, Buffer.from(iv, 'base64url'))
      decipher.setAAD(Buffer.from(context, 'utf8'))
      decipher.setAuthTag(data.subarray(data.length - 16))
      return new Uint8Array(Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]))
    },
  }
}
