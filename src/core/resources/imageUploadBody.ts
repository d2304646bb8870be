/**
 * An image to upload, as ClerkJS takes it: a `Blob` or `File` (from an `<input type="file">`), or a
 * string holding the image as base64 or as a `data:` URL. `null` removes the image.
 */
export type ImageUploadFile = Blob | File | string | null

/**
 * The multipart body of an image upload: one `file` part. A base64 string is decoded into a `Blob` first,
 * so every upload travels the same way (the server also takes clerk-js's raw base64 bodies).
 */
export function imageUploadBody(file: Blob | string): FormData {
  const body = new FormData()
  if (typeof file === 'string') {
    const dataUrl = /^data:([^;,]*)(?:;[^,]*)?;base64,(.*)$/is.exec(file.trim())
    const binary = atob((dataUrl ? dataUrl[2]! : file).replace(/\s+/g, ''))
    const bytes = Uint8Array.from(binary, char => char.charCodeAt(0))
    body.append('file', new Blob([bytes], { type: dataUrl?.[1] || 'application/octet-stream' }), 'image')
  }
  else {
    // a File keeps its name; a bare Blob gets one so that it travels as a file part
    body.append('file', file, 'name' in file && typeof file.name === 'string' && file.name ? file.name : 'image')
  }
  return body
}
