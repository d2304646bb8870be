import * as z from 'zod'

/** `environment.organization_settings` (fapi.md 4.13). */
export const organizationSettingsSchema = z.looseObject({
  enabled: z.boolean(),
  max_allowed_memberships: z.number().int().nonnegative().optional(),
  force_organization_selection: z.boolean().optional(),
  actions: z.looseObject({ admin_delete: z.boolean() }).optional(),
  domains: z.looseObject({
    enabled: z.boolean(),
    enrollment_modes: z.array(z.string()).default([]),
    default_role: z.string().nullable().optional(),
  }).optional(),
  slug: z.looseObject({ disabled: z.boolean() }).optional(),
  organization_creation_defaults: z.looseObject({ enabled: z.boolean() }).optional(),
  creator_role: z.string().optional(),
})

/** Organization settings as parsed. */
export type OrganizationSettingsJSON = z.output<typeof organizationSettingsSchema>
