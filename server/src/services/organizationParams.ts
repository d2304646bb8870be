import type { Context } from 'hono'
import type { AppEnv } from '../appEnv'
import type { PorticoConfig } from '../config'
import type { PageRequest } from '../db/queries/organizationMemberships'
import { FapiError, missingParam } from '../errors/fapiError'
import { randomAlphanumeric } from '../utils/newId'
import { parseName } from './nameParam'
import { organizationRoles } from './organizationRoles'

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const MAX_SLUG_LENGTH = 64
const DEFAULT_LIMIT = 10
const MAX_LIMIT = 500

/** An organization name: trimmed, 1 to 256 characters, no control characters (`form_param_*` otherwise). */
export function parseOrganizationName(value: string | undefined): string {
  if (value === undefined)
    throw missingParam('name')
  const name = parseName(value, 'name')
  if (name === null)
    throw new FapiError('form_param_nil', { meta: { param_name: 'name' } })
  return name
}

/** A slug as given: lower-case letters and digits in hyphen-separated groups, at most 64 characters. */
export function parseSlug(value: string): string {
  const slug = value.trim()
  if (!slug)
    throw new FapiError('form_param_nil', { meta: { param_name: 'slug' } })
  if (slug.length > MAX_SLUG_LENGTH)
    throw new FapiError('form_param_max_length_exceeded', { meta: { param_name: 'slug' } })
  if (!SLUG.test(slug))
    throw new FapiError('form_param_format_invalid', { longMessage: 'A slug contains only lower-case letters, digits and hyphens.', meta: { param_name: 'slug' } })
  return slug
}

/** A slug made from a name (`Acme Inc.` -> `acme-inc`); `unique` adds a random tail for a retry after a clash. */
export function slugFromName(name: string, unique = false): string {
  const base = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48).replace(/-+$/, '') || 'organization'
  return unique ? `${base}-${randomAlphanumeric(6).toLowerCase()}` : base
}

/** `form_identifier_exists` on `slug`: another organization has it. */
export function slugTaken(): FapiError {
  return new FapiError('form_identifier_exists', { longMessage: 'This slug is already taken. Please try another.', meta: { param_name: 'slug' } })
}

/**
 * A role parameter: required, and one of the configured role keys exactly (AZ-2: `ADMIN`, `admin,owner`,
 * repeated values or unknown keys are `422 form_param_value_invalid`).
 */
export function parseRole(config: PorticoConfig, form: Record<string, string | string[]>, name = 'role'): string {
  const raw = Object.hasOwn(form, name) ? form[name] : undefined
  if (raw === undefined)
    throw missingParam(name)
  if (Array.isArray(raw) || !organizationRoles(config).role(raw))
    throw new FapiError('form_param_value_invalid', { longMessage: 'This role does not exist.', meta: { param_name: name } })
  return raw
}

/** `limit` (1..500, default 10) and `offset` (default 0) from the query string; garbage is a 422. */
export function pageRequest(c: Context<AppEnv>): PageRequest {
  const read = (name: string, fallback: number, min: number, max: number): number => {
    const value = c.req.query(name)
    if (value === undefined || value === '')
      return fallback
    if (!/^\d{1,9}$/.test(value) || Number(value) < min || Number(value) > max)
      throw new FapiError('form_param_format_invalid', { meta: { param_name: name } })
    return Number(value)
  }
  return { limit: read('limit', DEFAULT_LIMIT, 1, MAX_LIMIT), offset: read('offset', 0, 0, 1_000_000_000) }
}

/** A repeated (or comma-separated) query parameter, e.g. `status=pending&status=accepted`. */
export function queryList(c: Context<AppEnv>, name: string): string[] {
  return (c.req.queries(name) ?? []).flatMap(value => value.split(',')).map(value => value.trim()).filter(Boolean)
}
