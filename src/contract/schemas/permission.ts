import * as z from 'zod/mini'
import { timestampSchema } from './primitives'

/** An organization permission, e.g. key `org:invoices:create` (fapi.md 4.10). */
export const permissionSchema = z.looseObject({
  object: z.literal('permission'),
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  type: z.enum(['system', 'user']),
  created_at: timestampSchema,
  updated_at: timestampSchema,
})

/** A permission as parsed. */
export type PermissionJSON = z.output<typeof permissionSchema>
/** A permission as the server may write it. */
export type PermissionJSONInput = z.input<typeof permissionSchema>
