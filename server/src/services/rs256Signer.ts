import type { KeyObject } from 'node:crypto'
import { sign } from 'node:crypto'

/** Signs JWT claim sets as compact RS256 JWS with one fixed key. */
export interface Rs256Signer {
  /** The compact JWT (`header.payload.signature`) of `claims`, with the header `{ alg, kid, typ }`. */
  sign: (claims: Record<string, unknown>) => Promise<string>
}

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url')

/**
 * An RS256 JWT signer over node:crypto's callback `sign`, which runs the RSA operation on libuv's thread
 * pool (so it uses every core, as WebCrypto does) without WebCrypto's per-call algorithm normalisation
 * and promise jobs. The header never changes for a key, so its segment is encoded once.
 */
export function createRs256Signer(privateKey: KeyObject, kid: string): Rs256Signer {
  const header = base64url(JSON.stringify({ alg: 'RS256', kid, typ: 'JWT' }))
  return {
    sign(claims) {
      const input = `${header}.${base64url(JSON.stringify(claims))}`
      return new Promise((resolve, reject) => {
        sign('sha256', Buffer.from(input, 'latin1'), privateKey, (error, signature) => {
          if (error)
            reject(error)
          else
            resolve(`${input}.${signature.toString('base64url')}`)
        })
      })
    },
  }
}
