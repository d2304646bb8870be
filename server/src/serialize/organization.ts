import type { PorticoConfig } from '../config'
import type { OrganizationJSONInput, PublicOrganizationDataJSON } from '../contract'
import type { OrganizationRow } from '../db/organizationRows'
import type { OrganizationView } from '../db/queries/organizations'
import { imageUrl } from '../services/images'
import { parseMetadata } from './metadata'

/** An organization (fapi.md 4.10); limits and the delete switch come from the configuration. */
export function serializeOrganization(view: OrganizationView, config: PorticoConfig): OrganizationJSONInput {
  const { row } = view
  return {
    object: 'organization',
    id: row.id,
    name: row.name,
    slug: row.slug,
    // without a logo the URL is empty and clients draw the initials
    image_url: imageUrl(config, row.image_id),
    has_image: row.image_id !== null,
    members_count: view.membersCount,
    pending_invitations_count: view.pendingInvitationsCount,
    max_allowed_memberships: config.organizations.maxAllowedMemberships,
    admin_delete_enabled: config.organizations.adminDelete,
    self_serve_sso_enabled: false,
    exclusive_membership: false,
    public_metadata: parseMetadata(row.public_metadata),
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}

/** The public face of an organization shown in invitations and suggestions (fapi.md 4.9). */
export function serializePublicOrganizationData(row: OrganizationRow, config: PorticoConfig): PublicOrganizationDataJSON {
  return { id: row.id, name: row.name, slug: row.slug, image_url: imageUrl(config, row.image_id), has_image: row.image_id !== null }
}
