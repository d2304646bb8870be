import * as z from 'zod'

/** Clerk's system permissions (fapi.md 6): every organization has them, no configuration declares them. */
export const SYSTEM_PERMISSION_KEYS = [
  'org:sys_profile:manage',
  'org:sys_profile:delete',
  'org:sys_memberships:read',
  'org:sys_memberships:manage',
  'org:sys_domains:read',
  'org:sys_domains:manage',
] as const

/** One of Clerk's system permissions. */
export type SystemPermissionKey = typeof SYSTEM_PERMISSION_KEYS[number]

/** The ways members arrive through a verified domain. */
export const ENROLLMENT_MODES = ['manual_invitation', 'automatic_invitation', 'automatic_suggestion'] as const

const ROLE_KEY = /^org:[a-z0-9_]{1,64}$/
// custom permissions are org:<feature>:<action>; the sys_ prefix belongs to the system ones
const CUSTOM_PERMISSION_KEY = /^org:(?!sys_)[a-z0-9_]{1,64}:[a-z0-9_]{1,64}$/

const permissionSchema = z.object({
  /** `org:<feature>:<action>`, e.g. `org:invoices:create`. */
  key: z.string().regex(CUSTOM_PERMISSION_KEY, 'a custom permission is org:<feature>:<action> (lower-case, not sys_)'),
  name: z.string().min(1),
  description: z.string().default(''),
})

const roleSchema = z.object({
  /** `org:<name>`; `org:admin` or `org:member` here replaces the built-in role. */
  key: z.string().regex(ROLE_KEY, 'a role key is org:<name> (lower-case letters, digits, _)'),
  name: z.string().min(1),
  description: z.string().default(''),
  /** System (`org:sys_*`) and custom permission keys. */
  permissions: z.array(z.string()).default([]),
})

const domainsSchema = z.object({
  /** Verified domains (`/organizations/:id/domains`) with automatic invitations or suggestions. */
  enabled: z.boolean().default(false),
  enrollmentModes: z.array(z.enum(ENROLLMENT_MODES)).min(1).default([...ENROLLMENT_MODES]),
  /** The role members who arrive through a domain get. */
  defaultRole: z.string().default('org:member'),
})

/** `config.organizations`: Clerk's organizations (fapi.md 2.6), roles and permissions. */
export const organizationsConfigSchema = z.object({
  enabled: z.boolean().default(true),
  /** Members (pending invitations included when inviting) per organization; 0 = unlimited. */
  maxAllowedMemberships: z.number().int().min(0).default(0),
  /** Users may create organizations (`user.create_organization_enabled`). */
  allowCreation: z.boolean().default(true),
  /** Organizations one user may create; 0 = unlimited. */
  creationLimit: z.number().int().min(0).default(0),
  /** Admins (`org:sys_profile:delete`) may delete their organization. */
  adminDelete: z.boolean().default(true),
  /** The role an organization's creator gets; it must be able to manage members. */
  creatorRole: z.string().default('org:admin'),
  /** The role offered first when inviting. */
  defaultRole: z.string().default('org:member'),
  /** Custom permissions, granted through roles. */
  permissions: z.array(permissionSchema).default([]),
  /** Custom roles, and replacements of `org:admin` / `org:member`. */
  roles: z.array(roleSchema).default([]),
  /** How long an invitation stays acceptable. */
  invitationTtlSeconds: z.number().int().min(3600).default(30 * 24 * 3600),
  /**
   * The page invitation emails link to (your app's sign-up or sign-in page).
   * @default the first allowed origin, else `publicUrl`
   */
  invitationUrl: z.url().optional(),
  /** Session-token format: 2 puts the `o` claim in (Clerk's current tokens), 1 the `org_*` claims. */
  tokenClaimsVersion: z.union([z.literal(1), z.literal(2)]).default(2),
  domains: domainsSchema.prefault({}),
}).superRefine((config, ctx) => {
  const declared = new Set<string>([...SYSTEM_PERMISSION_KEYS, ...config.permissions.map(permission => permission.key)])
  const roles = new Set(['org:admin', 'org:member', ...config.roles.map(role => role.key)])
  config.roles.forEach((role, index) => {
    for (const permission of role.permissions) {
      if (!declared.has(permission))
        ctx.addIssue({ code: 'custom', path: ['roles', index, 'permissions'], message: `unknown permission ${permission}: declare it in organizations.permissions` })
    }
  })
  for (const [name, key] of [['creatorRole', config.creatorRole], ['defaultRole', config.defaultRole]] as const) {
    if (!roles.has(key))
      ctx.addIssue({ code: 'custom', path: [name], message: `unknown role ${key}` })
  }
  const creator = config.roles.find(role => role.key === config.creatorRole)
  const creatorManages = creator ? creator.permissions.includes('org:sys_memberships:manage') : config.creatorRole === 'org:admin'
  if (roles.has(config.creatorRole) && !creatorManages)
    ctx.addIssue({ code: 'custom', path: ['creatorRole'], message: 'the creator role must hold org:sys_memberships:manage' })
  if (!roles.has(config.domains.defaultRole))
    ctx.addIssue({ code: 'custom', path: ['domains', 'defaultRole'], message: `unknown role ${config.domains.defaultRole}` })
})

/** The organizations configuration with its defaults filled in. */
export type OrganizationsConfig = z.output<typeof organizationsConfigSchema>
