/** A developer-facing misuse error: `[portico] <problem>. <fix>`, thrown where the mistake is made. */
export function porticoError(message: string): Error {
  return new Error(`[portico] ${message}`)
}
