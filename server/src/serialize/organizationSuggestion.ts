import type { OrganizationSuggestionJSONInput } from '../contract'
import type { OrganizationRow } from '../db/organizationRows'

/** What a suggestion is made of: the organization, its state and when it appeared. */
export interface SuggestionView {
  id: string
  organization: OrganizationRow
  status: 'pending' | 'accepted'
  createdAt: number
  updatedAt: number
}

/** An organization suggested through a verified email domain (fapi.md 4.10). */
export function serializeSuggestion(view: SuggestionView): OrganizationSuggestionJSONInput {
  return {
    object: 'organization_suggestion',
    id: view.id,
    public_organization_data: { id: view.organization.id, name: view.organization.name, slug: view.organization.slug, image_url: '', has_image: false },
    status: view.status,
    created_at: view.createdAt,
    updated_at: view.updatedAt,
  }
}
