import * as z from 'zod/mini'
import { decodeJwt } from '../sessionClaims'

function isDecodableJwt(jwt: string): boolean {
  try {
    decodeJwt(jwt)
    return true
  }
  catch {
    return false
  }
}

/** A session token, `{object: "token", jwt}` (fapi.md 4.3); clerk-js decodes the JWT, so it must be decodable. */
export const tokenSchema = z.looseObject({
  object: z.literal('token'),
  jwt: z.string().check(z.refine(isDecodableJwt, 'expected a decodable JWT (header.payload.signature)')),
})

/** A token as parsed. */
export type TokenJSON = z.output<typeof tokenSchema>
/** A token as the server may write it. */
export type TokenJSONInput = z.input<typeof tokenSchema>
