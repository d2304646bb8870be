/** The two readable parts of a JWT; the signature is left to the server that verifies it. */
export interface DecodedJwt {
  header: Record<string, unknown>
  claims: Record<string, unknown>
}

function decodePart(part: string): Record<string, unknown> {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=')
  const bytes = Uint8Array.from(atob(base64), char => char.charCodeAt(0))
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>
}

/** Reads a JWT's header and claims without verifying it (display only). */
export function decodeJwt(jwt: string): DecodedJwt {
  const [header = '', claims = ''] = jwt.split('.')
  return { header: decodePart(header), claims: decodePart(claims) }
}
