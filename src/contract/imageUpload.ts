/**
 * What an uploaded image (an organization logo, a profile image) may be: the SDK checks a file before
 * sending it, the server checks its bytes again. SVG is not among the types: it can carry scripts.
 */
export const IMAGE_UPLOAD_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const

/** One of the accepted image types. */
export type ImageUploadType = typeof IMAGE_UPLOAD_TYPES[number]

/** The largest image accepted, in bytes (2 MiB): images are stored in the database and served as they are. */
export const IMAGE_UPLOAD_MAX_BYTES = 2 * 1024 * 1024

/** True for one of `IMAGE_UPLOAD_TYPES` (a file's declared `type`, parameters ignored). */
export function isImageUploadType(type: string): boolean {
  const bare = type.split(';')[0]!.trim().toLowerCase()
  return (IMAGE_UPLOAD_TYPES as readonly string[]).includes(bare)
}
