// Web-standard base64 helpers (atob/btoa + TextEncoder/TextDecoder) so the contract runs in browsers and Node alike.

const BASE64URL = /^[\w-]*$/
const BASE64 = /^[A-Z0-9+/]*={0,2}$/i

/** Decodes standard or URL-safe base64 (padding optional) into UTF-8 text; throws on any invalid character. */
export function decodeBase64(input: string, alphabet: 'base64' | 'base64url'): string {
  if (!(alphabet === 'base64url' ? BASE64URL : BASE64).test(input))
    throw new Error(`not valid ${alphabet}`)
  const unpadded = input.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/')
  // a single leftover character can never encode a byte
  if (unpadded.length % 4 === 1)
    throw new Error(`not valid ${alphabet}`)
  const binary = atob(unpadded + '='.repeat((4 - (unpadded.length % 4)) % 4))
  const bytes = Uint8Array.from(binary, char => char.charCodeAt(0))
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
}

/** Encodes UTF-8 text as base64 (standard alphabet with padding, or URL-safe without). */
export function encodeBase64(text: string, alphabet: 'base64' | 'base64url'): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text))
    binary += String.fromCharCode(byte)
  const encoded = btoa(binary)
  return alphabet === 'base64' ? encoded : encoded.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
}
