import type { PublicUserDataJSON } from '../../contract'

/** The public face of a session's user (ClerkJS's `PublicUserData`), camelCased. */
export interface PublicUserData {
  firstName: string | null
  lastName: string | null
  imageUrl: string
  hasImage: boolean
  /** The primary email, phone number or username. */
  identifier: string
  userId: string | null
  username: string | null
}

/** Reads public user data from its wire form. */
export function toPublicUserData(json: PublicUserDataJSON): PublicUserData {
  return {
    firstName: json.first_name,
    lastName: json.last_name,
    imageUrl: json.image_url,
    hasImage: json.has_image,
    identifier: json.identifier,
    userId: json.user_id ?? null,
    username: json.username ?? null,
  }
}
