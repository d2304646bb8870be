import type { JWK } from 'jose'
import type { JsonWebKey } from 'node:crypto'
import type { Db } from '../db/createDb'
import type { Clock } from '../utils/clock'
import type { Rs256Signer } from './rs256Signer'
import { createPrivateKey } from 'node:crypto'
import { exportJWK, generateKeyPair } from 'jose'
import { newId } from '../utils/newId'
import { createRs256Signer } from './rs256Signer'

/** The key that signs session tokens, plus every public key verifiers may meet. */
export interface SigningKeys {
  kid: string
  /** Signs with the newest key (its `kid` in every header). */
  signer: Rs256Signer
  publicJwks: JWK[]
}

/**
 * Loads the signing keys from the database, creating the first RS256 key pair when there is none.
 * Keys live in the database so a restart (or another process on the same PostgreSQL) keeps
 * issued tokens verifiable (SE-9). Concurrent first starts converge on the oldest key.
 */
export async function loadSigningKeys(db: Db, clock: Clock): Promise<SigningKeys> {
  const read = () => db.kysely.selectFrom('signing_keys').selectAll().orderBy('created_at').orderBy('kid').execute()
  let rows = await read()
  if (rows.length === 0) {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true })
    // the kid doubles as the instance id, as in Clerk's `ins_…` key ids
    const kid = newId('ins')
    await db.kysely.insertInto('signing_keys').values({
      kid,
      algorithm: 'RS256',
      private_jwk: JSON.stringify(await exportJWK(privateKey)),
      public_jwk: JSON.stringify({ ...await exportJWK(publicKey), kid, alg: 'RS256', use: 'sig' }),
      created_at: clock(),
    }).execute()
    rows = await read()
  }
  const signer = rows[0]!
  const privateKey = createPrivateKey({ key: JSON.parse(signer.private_jwk) as JsonWebKey, format: 'jwk' })
  return { kid: signer.kid, signer: createRs256Signer(privateKey, signer.kid), publicJwks: rows.map(row => JSON.parse(row.public_jwk) as JWK) }
}
