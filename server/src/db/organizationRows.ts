import type { Selectable } from 'kysely'
import type { OrganizationDomainTable, OrganizationInvitationTable, OrganizationMembershipRequestTable, OrganizationMembershipTable, OrganizationTable } from './organizationTables'

/** An `organizations` row as read. */
export type OrganizationRow = Selectable<OrganizationTable>
/** An `organization_memberships` row as read. */
export type OrganizationMembershipRow = Selectable<OrganizationMembershipTable>
/** An `organization_invitations` row as read. */
export type OrganizationInvitationRow = Selectable<OrganizationInvitationTable>
/** An `organization_membership_requests` row as read. */
export type OrganizationMembershipRequestRow = Selectable<OrganizationMembershipRequestTable>
/** An `organization_domains` row as read. */
export type OrganizationDomainRow = Selectable<OrganizationDomainTable>
