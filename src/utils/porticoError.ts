/**
 * A developer-facing misuse error: `[portico] <problem>. <fix>`, thrown where the mistake is made.
 * Call sites pass the explanation in development builds and a short code in production ones
 * (`process.env.NODE_ENV !== 'production' ? '<problem>. <fix>' : '<code>'`, written out so that
 * bundlers drop the explanation); README "Error codes" lists the codes.
 */
export function porticoError(message: string): Error {
  return new Error(`[portico] ${message}`)
}
