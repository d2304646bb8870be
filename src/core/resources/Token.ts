import type { DecodedJwt } from '../../contract'
import { decodeJwt } from '../../contract'

/** A session token as ClerkJS's `Token`: the raw JWT plus its decoded header and claims (never verified here). */
export class Token {
  /** The decoded token; `claims.exp`/`claims.iat` are in seconds. */
  readonly jwt: DecodedJwt

  constructor(raw: string) {
    this.jwt = decodeJwt(raw)
  }

  /** The compact JWT, as sent in `Authorization: Bearer …`. */
  getRawString(): string {
    return this.jwt.raw
  }
}
