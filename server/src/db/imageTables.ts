/** The uploaded images (m0004): organization logos and profile images. */
export interface ImageTables {
  images: ImageTable
}

/** One uploaded image, owned by a user or an organization (the other owner column is null). */
export interface ImageTable {
  id: string
  user_id: string | null
  organization_id: string | null
  /** The type its bytes showed (`image/png`, `image/jpeg`, `image/gif`, `image/webp`), never the sender's claim. */
  content_type: string
  bytes: Uint8Array
  byte_size: number
  /** Hex SHA-256 of the bytes: the ETag. */
  sha256: string
  created_at: number
}
