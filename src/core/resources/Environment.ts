import type { AuthConfigJSON, DisplayConfigJSON, EnvironmentJSON, OrganizationSettingsJSON, UserSettingsJSON } from '../../contract'
import type { CamelCased } from '../utils/camelize'
import { camelize } from '../utils/camelize'

/** `environment.auth_config`, camelCased (`singleSessionMode`, `reverification`, ...). */
export type AuthConfig = CamelCased<AuthConfigJSON>
/** `environment.display_config`, camelCased (`applicationName`, `signInUrl`, `afterSignOutAllUrl`, ...). */
export type DisplayConfig = CamelCased<DisplayConfigJSON>
/** `environment.user_settings`, camelCased; the keys of `attributes` and `social` stay as on the wire (`email_address`). */
export type UserSettings = CamelCased<UserSettingsJSON>
/** `environment.organization_settings`, camelCased. */
export type OrganizationSettings = CamelCased<OrganizationSettingsJSON>

// maps keyed by data (attribute names, providers, channels) rather than by field names
const DATA_KEYED = new Set(['attributes', 'social', 'restrictions', 'preferred_channels'])

/** The instance's configuration (`GET /v1/environment`), as ClerkJS's `Environment`. */
export class Environment {
  id: string | null
  authConfig: AuthConfig
  displayConfig: DisplayConfig
  userSettings: UserSettings
  organizationSettings: OrganizationSettings
  maintenanceMode: boolean

  constructor(json: EnvironmentJSON) {
    this.id = json.id ?? null
    this.authConfig = camelize(json.auth_config, DATA_KEYED)
    this.displayConfig = camelize(json.display_config, DATA_KEYED)
    this.userSettings = camelize(json.user_settings, DATA_KEYED)
    this.organizationSettings = camelize(json.organization_settings, DATA_KEYED)
    this.maintenanceMode = json.maintenance_mode ?? false
  }

  /** True when a browser holds at most one session (signing in again replaces it). */
  isSingleSession(): boolean {
    return this.authConfig.singleSessionMode
  }

  /** True for a production instance. */
  isProduction(): boolean {
    return this.displayConfig.instanceEnvironmentType === 'production'
  }

  /** True for a development or staging instance. */
  isDevelopmentOrStaging(): boolean {
    return !this.isProduction()
  }
}
