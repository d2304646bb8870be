import type { PorticoConfig } from '../config'
import type { OrganizationSuggestionJSONInput } from '../contract'
import type { OrganizationRow } from '../db/organizationRows'
import { serializePublicOrganizationData } from './organization'

/** What a suggestion is made of: the organization, its state and when it appeared. */
export interface SuggestionView {
  id: string
  organization: OrganizationRow
  status: 'pending' | 'accepted'
  createdAt: number
  updatedAt: number
}

/** An organization suggested through a verified email domain (fapi.md 4.10). */
export function serializeSuggestion(view: SuggestionView, config: PorticoConfig): OrganizationSuggestionJSONInput {
  return {
    object: 'organization_suggestion',
    id: view.id,
    public_organization_data: serializePublicOrganizationData(view.organization, config),
    status: view.status,
    created_at: view.createdAt,
    updated_at: view.updatedAt,
  }
}
