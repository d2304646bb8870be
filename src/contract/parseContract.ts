import * as z from 'zod/mini'
import { issueMessage } from './issueMessage'

/** The issues zod reported, as kept on a {@link ClerkContractError}. */
export type ContractIssue = z.core.$ZodIssue

const IDENTIFIER = /^[A-Z_$][\w$]*$/i

/** Formats an issue path the way a JS expression would read it: `sessions[0].user.id`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number')
      out += `[${key}]`
    else if (typeof key === 'string' && IDENTIFIER.test(key))
      out += out ? `.${key}` : key
    else
      out += `[${JSON.stringify(String(key))}]`
  }
  return out
}

function describeIssue(issue: ContractIssue): string {
  return issue.path.length > 0 ? `${formatIssuePath(issue.path)}: ${issue.message}` : issue.message
}

/** Thrown when a FAPI body does not match the contract; names the object and the first offending field. */
export class ClerkContractError extends Error {
  override readonly name = 'ClerkContractError'
  /** The object that failed to parse, as named by the caller (e.g. `client`). */
  readonly object: string
  /** Every issue zod found. */
  readonly issues: ContractIssue[]

  constructor(object: string, issues: ContractIssue[]) {
    const [first] = issues
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? 's' : ''})` : ''
    super(`Invalid FAPI response for ${object}: ${first ? describeIssue(first) : 'unknown issue'}${more}`)
    this.object = object
    this.issues = issues
  }
}

/**
 * Parses a FAPI body against its contract schema and returns the parsed value (unknown keys kept).
 *
 * @throws {ClerkContractError} when the body does not match, with the object name and field path in the message.
 * @example
 * const client = parseContract(clientSchema, json, 'client')
 */
export function parseContract<S extends z.core.$ZodType>(schema: S, data: unknown, name: string): z.output<S> {
  const result = z.safeParse(schema, data, { error: issueMessage })
  if (!result.success)
    throw new ClerkContractError(name, result.error.issues)
  return result.data
}

/** True for a {@link ClerkContractError}, also across bundle copies (checks the name, not the prototype). */
export function isClerkContractError(error: unknown): error is ClerkContractError {
  return error instanceof Error && error.name === 'ClerkContractError'
}
