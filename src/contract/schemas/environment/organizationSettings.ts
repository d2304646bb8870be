import * as z from 'zod/mini'

/** `environment.organization_settings` (fapi.md 4.13). */
export const organizationSettingsSchema = z.looseObject({
  enabled: z.boolean(),
  max_allowed_memberships: z.optional(z.int().check(z.nonnegative())),
  force_organization_selection: z.optional(z.boolean()),
  actions: z.optional(z.looseObject({ admin_delete: z.boolean() })),
  domains: z.optional(z.looseObject({
    enabled: z.boolean(),
    enrollment_modes: z._default(z.array(z.string()), []),
    default_role: z.nullish(z.string()),
  })),
  slug: z.optional(z.looseObject({ disabled: z.boolean() })),
  organization_creation_defaults: z.optional(z.looseObject({ enabled: z.boolean() })),
  creator_role: z.optional(z.string()),
})

/** Organization settings as parsed. */
export type OrganizationSettingsJSON = z.output<typeof organizationSettingsSchema>
