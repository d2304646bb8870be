import type { ImageJSON } from '../../contract'

/** An uploaded image (ClerkJS's `ImageResource`): what `user.setProfileImage` answers. */
export interface ImageResource {
  id: string
  /** The uploaded file's name, when it had one. */
  name: string | null
  /** Where the image is served; `<img src>` takes it as it is. */
  publicUrl: string
}

/** An image from its wire form. */
export function toImageResource(json: ImageJSON): ImageResource {
  return { id: json.id, name: json.name ?? null, publicUrl: json.public_url }
}
