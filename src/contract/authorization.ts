import type { EntryScope } from './scopedEntry'
import { withOrgPrefix } from './orgPrefix'
import { parseScopedEntry } from './scopedEntry'

/** The factor levels a reverification can ask for. */
export type ReverificationLevel = 'first_factor' | 'second_factor' | 'multi_factor'

/** A named reverification preset, or an explicit level with a maximum age in minutes. */
export type ReverificationConfig
  = | 'strict_mfa'
    | 'strict'
    | 'moderate'
    | 'lax'
    | { level: ReverificationLevel, afterMinutes: number }

/** What `has()` can be asked; every dimension given must pass. */
export interface CheckAuthorizationParams {
  /** `admin` or `org:admin`: the active organization role. */
  role?: string
  /** `invoices:create` or `org:invoices:create`: a permission in the active organization. */
  permission?: string
  /** `o:x`, `u:x` or `x` (any scope): an entry of the `fea` claim. */
  feature?: string
  /** `o:x`, `u:x` or `x` (any scope): an entry of the `pla` claim. */
  plan?: string
  /** How recently the user must have verified their factors. */
  reverification?: ReverificationConfig
}

/** What `has()` checks against: the session's user, active organization, entitlements and factor ages. */
export interface CheckAuthorizationInput {
  userId: string | null | undefined
  orgId?: string | null
  orgRole?: string | null
  /** `org:`-prefixed permissions of the active organization membership. */
  orgPermissions?: readonly string[] | null
  /** Raw `fea` entries, e.g. `o:impersonation` (see `parseSessionClaims`). */
  features?: readonly string[] | null
  /** Raw `pla` entries, e.g. `u:free`. */
  plans?: readonly string[] | null
  /** `[firstFactorMinutes, secondFactorMinutes]`, -1 meaning the factor is not enrolled. */
  factorVerificationAge?: readonly [number, number] | readonly number[] | null
}

/** The `has()` function `createCheckAuthorization` returns. */
export type CheckAuthorization = (params: CheckAuthorizationParams) => boolean

type Outcome = 'pass' | 'fail' | 'skip'

const PRESETS: Record<string, { level: ReverificationLevel, afterMinutes: number }> = {
  strict_mfa: { level: 'multi_factor', afterMinutes: 10 },
  strict: { level: 'second_factor', afterMinutes: 10 },
  moderate: { level: 'second_factor', afterMinutes: 60 },
  lax: { level: 'second_factor', afterMinutes: 1440 },
}
const LEVELS = new Set<unknown>(['first_factor', 'second_factor', 'multi_factor'])
const PARAM_SCOPES: Record<string, EntryScope> = { o: 'o', org: 'o', organization: 'o', u: 'u', user: 'u' }

function checkOrganization(params: CheckAuthorizationParams, input: CheckAuthorizationInput): Outcome {
  const { role, permission } = params
  if (role === undefined && permission === undefined)
    return 'skip'
  if (!input.orgId)
    return 'fail'
  if (role !== undefined) {
    if (typeof role !== 'string' || !role || !input.orgRole || withOrgPrefix(input.orgRole) !== withOrgPrefix(role))
      return 'fail'
  }
  if (permission !== undefined) {
    if (typeof permission !== 'string' || !permission || !input.orgPermissions?.includes(withOrgPrefix(permission)))
      return 'fail'
  }
  return 'pass'
}

/** Looks up `x`, `o:x` or `u:x` in a list of scoped claim entries; unknown scopes never match. */
function hasEntry(entries: readonly string[] | null | undefined, asked: unknown): boolean {
  if (typeof asked !== 'string' || !asked || !entries)
    return false
  const colon = asked.indexOf(':')
  const scope = colon === -1 ? undefined : PARAM_SCOPES[asked.slice(0, colon)]
  if (colon !== -1 && !scope)
    return false
  const name = colon === -1 ? asked : asked.slice(colon + 1)
  return entries.some((raw) => {
    const entry = parseScopedEntry(raw)
    return entry !== null && entry.name === name && (scope === undefined || entry.scopes.has(scope))
  })
}

function checkBilling(params: CheckAuthorizationParams, input: CheckAuthorizationInput): Outcome {
  const { feature, plan } = params
  if (feature === undefined && plan === undefined)
    return 'skip'
  if (feature !== undefined && !hasEntry(input.features, feature))
    return 'fail'
  if (plan !== undefined && !hasEntry(input.plans, plan))
    return 'fail'
  return 'pass'
}

function resolveReverification(config: unknown): { level: ReverificationLevel, afterMinutes: number } | null {
  if (typeof config === 'string')
    return PRESETS[config] ?? null
  if (typeof config !== 'object' || config === null)
    return null
  const { level, afterMinutes } = config as { level?: unknown, afterMinutes?: unknown }
  if (!LEVELS.has(level) || typeof afterMinutes !== 'number' || !Number.isFinite(afterMinutes) || afterMinutes <= 0)
    return null
  return { level: level as ReverificationLevel, afterMinutes }
}

function isFactorAge(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= -1
}

function checkReverification(params: CheckAuthorizationParams, input: CheckAuthorizationInput): Outcome {
  if (params.reverification === undefined)
    return 'skip'
  const config = resolveReverification(params.reverification)
  const ages = input.factorVerificationAge
  if (!config || !ages || ages.length !== 2 || !isFactorAge(ages[0]) || !isFactorAge(ages[1]))
    return 'fail'
  const [first, second] = ages
  // a factor is fresh when it was verified strictly less than `afterMinutes` ago; -1 is never fresh
  const firstFresh = first !== -1 && first < config.afterMinutes
  const secondFresh = second !== -1 && second < config.afterMinutes
  switch (config.level) {
    case 'first_factor':
      return firstFresh ? 'pass' : 'fail'
    case 'second_factor':
      // without an enrolled second factor, the first one is the strongest proof available
      return (second === -1 ? firstFresh : secondFresh) ? 'pass' : 'fail'
    case 'multi_factor':
      return (second === -1 ? firstFresh : firstFresh && secondFresh) ? 'pass' : 'fail'
  }
}

/**
 * Builds `has()` for one session (fapi.md 6): each asked dimension (organization role/permission,
 * feature/plan, reverification) must pass, at least one must be asked, and missing data fails closed.
 *
 * @example
 * const has = createCheckAuthorization({ userId, orgId, orgRole: 'org:admin', orgPermissions })
 * has({ role: 'admin' }) // true
 * has({ permission: 'org:invoices:create', reverification: 'strict' })
 */
export function createCheckAuthorization(input: CheckAuthorizationInput): CheckAuthorization {
  return (params) => {
    if (!input.userId || typeof params !== 'object' || params === null)
      return false
    const outcomes = [checkOrganization(params, input), checkBilling(params, input), checkReverification(params, input)]
    return outcomes.includes('pass') && !outcomes.includes('fail')
  }
}
