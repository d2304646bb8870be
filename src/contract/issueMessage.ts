import type * as z from 'zod/mini'

function typeOf(value: unknown): string {
  if (value === null)
    return 'null'
  if (Array.isArray(value))
    return 'array'
  if (typeof value === 'number' && Number.isNaN(value))
    return 'nan'
  return typeof value
}

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value)
}

/**
 * Words a zod issue as `expected string, received null` and the like. zod/mini ships no message locale
 * (the point of using it), so the contract brings its own short one; pass it as `{ error: issueMessage }`.
 *
 * @example
 * schema.safeParse(json, { error: issueMessage })
 */
export const issueMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}, received ${typeOf(issue.input)}`
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${show(issue.values[0])}`
        : `Invalid option: expected one of ${issue.values.map(show).join('|')}`
    case 'too_small':
      return `expected ${issue.origin} ${issue.origin === 'string' || issue.origin === 'array' ? 'length ' : ''}${issue.inclusive ? '>=' : '>'}${issue.minimum}`
    case 'too_big':
      return `expected ${issue.origin} ${issue.origin === 'string' || issue.origin === 'array' ? 'length ' : ''}${issue.inclusive ? '<=' : '<'}${issue.maximum}`
    case 'invalid_format':
      return `expected a valid ${issue.format}`
    default:
      return undefined
  }
}
