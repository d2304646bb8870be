import * as z from 'zod/mini'

/**
 * A page of results `{data, total_count}` (fapi.md 3.1); extra keys such as `has_role_set_migration` pass through.
 *
 * @example
 * const page = parseContract(envelopeSchema(paginatedSchema(organizationMembershipSchema)), json, 'memberships')
 */
export function paginatedSchema<T extends z.core.$ZodType>(inner: T) {
  return z.looseObject({
    data: z.array(inner),
    total_count: z.int().check(z.nonnegative()),
  })
}

/** A page of `T`, as parsed. */
export type PaginatedJSON<T> = z.output<ReturnType<typeof paginatedSchema<z.core.$ZodType<T>>>>
