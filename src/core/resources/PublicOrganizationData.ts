import type { PublicOrganizationDataJSON } from '../../contract'

/** The public face of an organization, shown in invitations and suggestions (ClerkJS's `publicOrganizationData`). */
export interface PublicOrganizationData {
  id: string
  name: string
  slug: string | null
  imageUrl: string
  hasImage: boolean
}

/** Reads public organization data from its wire form. */
export function toPublicOrganizationData(json: PublicOrganizationDataJSON): PublicOrganizationData {
  return { id: json.id, name: json.name, slug: json.slug, imageUrl: json.image_url, hasImage: json.has_image }
}
