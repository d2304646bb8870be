import type { RoleJSON } from '../../contract'
import type { ClerkPaginatedResponse, ClerkPaginationParams } from './pagination'
import type { Permission } from './Permission'
import type { ResourceContext } from './ResourceContext'
import { toPageQuery } from './pagination'
import { toPermission } from './Permission'

/** An organization role with its permissions (ClerkJS's `RoleResource`), e.g. key `org:admin`. */
export interface Role {
  id: string
  key: string
  name: string
  description: string
  /** Whether an organization's creator may be given this role. */
  isCreatorEligible: boolean
  permissions: Permission[]
  createdAt: Date
  updatedAt: Date
}

/** `organization.getRoles()`: a page of roles, plus Clerk's role-set migration flag. */
export interface GetRolesResponse extends ClerkPaginatedResponse<Role> {
  hasRoleSetMigration: boolean
}

/** Reads a role from its wire form. */
export function toRole(json: RoleJSON): Role {
  return {
    id: json.id,
    key: json.key,
    name: json.name,
    description: json.description,
    isCreatorEligible: json.is_creator_eligible ?? false,
    permissions: json.permissions.map(toPermission),
    createdAt: new Date(json.created_at),
    updatedAt: new Date(json.updated_at),
  }
}

/** Reads a page of roles (`GET /organizations/:id/roles`). */
export async function fetchRoles(ctx: ResourceContext, path: string, params: ClerkPaginationParams): Promise<GetRolesResponse> {
  const { response } = await ctx.request({ path, method: 'GET', query: toPageQuery(params), contract: 'role[page]' })
  return {
    data: response.data.map(toRole),
    totalCount: response.total_count,
    hasRoleSetMigration: response.has_role_set_migration === true,
  }
}
