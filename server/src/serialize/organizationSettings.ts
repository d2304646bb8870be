import type { PorticoConfig } from '../config'
import type { OrganizationSettingsJSON } from '../contract'

/** `environment.organization_settings` (fapi.md 4.13) from `config.organizations`. */
export function serializeOrganizationSettings(config: PorticoConfig): OrganizationSettingsJSON {
  const organizations = config.organizations
  return {
    enabled: organizations.enabled,
    max_allowed_memberships: organizations.maxAllowedMemberships,
    force_organization_selection: false,
    actions: { admin_delete: organizations.adminDelete },
    domains: {
      enabled: organizations.enabled && organizations.domains.enabled,
      enrollment_modes: organizations.domains.enrollmentModes,
      default_role: organizations.domains.defaultRole,
    },
    slug: { disabled: false },
    organization_creation_defaults: { enabled: false },
    creator_role: organizations.creatorRole,
  }
}
