import * as z from 'zod/mini'
import { permissionSchema } from './permission'
import { timestampSchema } from './primitives'

/** An organization role with its permissions, e.g. key `org:admin` (fapi.md 4.10). */
export const roleSchema = z.looseObject({
  object: z.literal('role'),
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  is_creator_eligible: z.optional(z.boolean()),
  permissions: z._default(z.array(permissionSchema), []),
  created_at: timestampSchema,
  updated_at: timestampSchema,
})

/** A role as parsed. */
export type RoleJSON = z.output<typeof roleSchema>
/** A role as the server may write it. */
export type RoleJSONInput = z.input<typeof roleSchema>
