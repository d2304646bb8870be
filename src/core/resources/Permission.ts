import type { PermissionJSON } from '../../contract'

/** An organization permission (ClerkJS's `PermissionResource`), e.g. key `org:invoices:create`. */
export interface Permission {
  id: string
  /** `org:<feature>:<action>`; system permissions start with `org:sys_`. */
  key: string
  name: string
  description: string
  /** `system` for Clerk's built-in permissions, `user` for custom ones. */
  type: 'system' | 'user'
  createdAt: Date
  updatedAt: Date
}

/** Reads a permission from its wire form. */
export function toPermission(json: PermissionJSON): Permission {
  return {
    id: json.id,
    key: json.key,
    name: json.name,
    description: json.description,
    type: json.type,
    createdAt: new Date(json.created_at),
    updatedAt: new Date(json.updated_at),
  }
}
