import type { OrganizationResource } from '../../types'
import type { Appearance } from '../appearance'

/** Where to go after an organization was picked: a URL, or a function of the organization. */
export type OrganizationUrl = string | ((organization: OrganizationResource) => string)

/** Props of `<CreateOrganization>` (Clerk's names). */
export interface CreateOrganizationProps {
  /** Where to go once the organization exists (and is active). @default stay and show a confirmation */
  afterCreateOrganizationUrl?: OrganizationUrl
  /** Hide the slug field (the server derives the slug from the name). @default the instance's setting */
  hideSlug?: boolean
  /** Theme of this component, layered over the plugin's `appearance`. */
  appearance?: Appearance
}

/** Props of `<OrganizationSwitcher>` (Clerk's names). */
export interface OrganizationSwitcherProps {
  /** Offer only organizations, not the personal account. @default false */
  hidePersonal?: boolean
  /** Open the menu when the switcher first renders. @default false */
  defaultOpen?: boolean
  /** Where "Create organization" leads. @default the environment's create-organization URL, else '/create-organization' */
  createOrganizationUrl?: string
  /** Where "Manage organization" leads. @default the environment's organization profile URL, else '/organization' */
  organizationProfileUrl?: string
  /** Where to go after switching to an organization. @default stay on the page */
  afterSelectOrganizationUrl?: OrganizationUrl
  /** Where to go after switching to the personal account. @default stay on the page */
  afterSelectPersonalUrl?: string
  /** Theme of this component, layered over the plugin's `appearance`. */
  appearance?: Appearance
}

/** Props of `<OrganizationList>` (Clerk's names). */
export interface OrganizationListProps {
  /** Offer only organizations, not the personal account. @default false */
  hidePersonal?: boolean
  /** Where to go after picking an organization. @default stay on the page */
  afterSelectOrganizationUrl?: OrganizationUrl
  /** Where to go after picking the personal account. @default stay on the page */
  afterSelectPersonalUrl?: string
  /** Where to go after creating an organization. @default as `afterSelectOrganizationUrl` */
  afterCreateOrganizationUrl?: OrganizationUrl
  /** Theme of this component, layered over the plugin's `appearance`. */
  appearance?: Appearance
}

/** Props of `<OrganizationProfile>` (Clerk's names). */
export interface OrganizationProfileProps {
  /** Where to go after leaving the organization. @default the environment's after-leave URL, else stay */
  afterLeaveOrganizationUrl?: string
  /** Where to go after deleting the organization. @default as `afterLeaveOrganizationUrl` */
  afterDeleteOrganizationUrl?: string
  /** Theme of this component, layered over the plugin's `appearance`. */
  appearance?: Appearance
}

/** Resolves an `OrganizationUrl` for `organization`. */
export function organizationUrl(url: OrganizationUrl | undefined, organization: OrganizationResource): string | undefined {
  return typeof url === 'function' ? url(organization) : url
}
