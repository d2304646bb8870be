/** A real 1x1 PNG. */
export const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

/** A real 1x1 GIF. */
export const GIF_1X1 = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')

/** Bytes that start like a JPEG (the server reads only the signature), padded to `size`. */
export function jpegOfSize(size: number): Buffer {
  const bytes = Buffer.alloc(size, 0x20)
  Buffer.from([0xFF, 0xD8, 0xFF, 0xE0]).copy(bytes)
  return bytes
}

/** Bytes that start like a WebP (RIFF....WEBP). */
export const WEBP_HEADER = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1A, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(18)])

/** An SVG with a script: never an accepted image. */
export const SVG_WITH_SCRIPT = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>')

/** A multipart body with one `file` part. */
export function fileForm(bytes: Uint8Array, type = 'image/png', name = 'logo.png', field = 'file'): FormData {
  const form = new FormData()
  form.append(field, new Blob([new Uint8Array(bytes)], { type }), name)
  return form
}
