import type { FapiContract, FapiContractName } from './fapiContract'
import { ClerkContractError } from '../../contract'
import { splitContract } from './fapiContract'

/** Dotted paths into an object (`verifications.email_address.supported_strategies`) and the value that goes there when absent. */
type Defaults = Readonly<Record<string, unknown>>

const signInDefaults: Defaults = { supported_identifiers: [] }
const signUpDefaults: Defaults = {
  'required_fields': [],
  'optional_fields': [],
  'missing_fields': [],
  'unverified_fields': [],
  'verifications.email_address.supported_strategies': [],
  'verifications.phone_number.supported_strategies': [],
  'verifications.web3_wallet.supported_strategies': [],
  'verifications.external_account.supported_strategies': [],
  'unsafe_metadata': {},
  'public_metadata': {},
}

/**
 * What the contract schemas fill in when an answer leaves it out, for every object that names
 * itself with `object`, wherever it sits in an answer. Kept equal to the `_default`s of
 * src/contract by test/core/fapi/contractShapes.test.ts.
 */
export const DEFAULTS_BY_OBJECT: Readonly<Record<string, Defaults>> = {
  email_address: { linked_to: [] },
  external_account: { public_metadata: {} },
  organization: { public_metadata: {} },
  organization_invitation: { public_metadata: {} },
  organization_membership: { permissions: [], public_metadata: {} },
  phone_number: { reserved_for_second_factor: false, default_second_factor: false, linked_to: [] },
  role: { permissions: [] },
  sign_in: signInDefaults,
  sign_in_attempt: signInDefaults,
  sign_up: signUpDefaults,
  sign_up_attempt: signUpDefaults,
  user: {
    web3_wallets: [],
    passkeys: [],
    external_accounts: [],
    enterprise_accounts: [],
    organization_memberships: [],
    public_metadata: {},
    unsafe_metadata: {},
  },
}

/** The defaults of answers whose top level does not name itself. */
export const ROOT_DEFAULTS: Readonly<Partial<Record<FapiContractName, Defaults>>> = {
  environment: { 'user_settings.social': {}, 'organization_settings.domains.enrollment_modes': [] },
}

/** The `object` an answer's top level must carry, for the contracts whose schema requires one. */
export const ROOT_OBJECTS: Readonly<Partial<Record<FapiContractName, readonly string[]>>> = {
  backupCodes: ['backup_code'],
  client: ['client'],
  emailAddress: ['email_address'],
  image: ['image'],
  organization: ['organization'],
  organizationInvitation: ['organization_invitation'],
  organizationMembership: ['organization_membership'],
  organizationMembershipRequest: ['organization_membership_request'],
  organizationSuggestion: ['organization_suggestion'],
  phoneNumber: ['phone_number'],
  role: ['role'],
  session: ['session'],
  sessionWithActivities: ['session'],
  signIn: ['sign_in', 'sign_in_attempt'],
  signUp: ['sign_up', 'sign_up_attempt'],
  token: ['token'],
  totp: ['totp'],
  user: ['user'],
}

/** The contracts whose top level has no required string `id`. */
export const ROOTS_WITHOUT_ID: readonly FapiContractName[] = ['clerkErrorEnvelope', 'deletedObject', 'environment', 'token']

type JsonObject = Record<string, unknown>
type Path = (string | number)[]

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value
}

/** Throws the `ClerkContractError` of a value that is not of the `expected` kind (`object`, `array`, `string`, ...). */
function expectKind(expected: string, value: unknown, path: Path, name: string): void {
  if (kindOf(value) !== expected)
    throw new ClerkContractError(name, [{ code: 'invalid_type', expected: expected as 'object', input: value, path, message: `expected ${expected}, received ${kindOf(value)}` }])
}

/** The checks on one top-level object: it is an object, with the `object` and `id` its schema requires. */
function checkRoot(contract: FapiContractName, value: unknown, path: Path, name: string): void {
  expectKind('object', value, path, name)
  const { object, id, errors } = value as JsonObject
  const names = ROOT_OBJECTS[contract]
  if (names && !names.includes(object as string)) {
    const message = `expected ${names.map(n => `"${n}"`).join(' or ')}, received ${typeof object === 'string' ? `"${object}"` : kindOf(object)}`
    throw new ClerkContractError(name, [{ code: 'invalid_value', values: [...names], input: object, path: [...path, 'object'], message }])
  }
  if (!ROOTS_WITHOUT_ID.includes(contract))
    expectKind('string', id, [...path, 'id'], name)
  if (contract === 'clerkErrorEnvelope') {
    expectKind('array', errors, [...path, 'errors'], name)
    ;(errors as unknown[]).forEach((error, index) => {
      expectKind('object', error, [...path, 'errors', index], name)
      expectKind('string', (error as JsonObject).code, [...path, 'errors', index, 'code'], name)
      expectKind('string', (error as JsonObject).message, [...path, 'errors', index, 'message'], name)
    })
  }
}

// a fresh copy of a default, so no two objects share one array
function copyOf(value: unknown): unknown {
  return Array.isArray(value) ? [] : isObject(value) ? {} : value
}

function applyDefaults(target: JsonObject, defaults: Defaults): void {
  for (const [path, value] of Object.entries(defaults)) {
    const keys = path.split('.')
    const last = keys.pop()!
    let parent: unknown = target
    for (const key of keys)
      parent = isObject(parent) ? parent[key] : undefined
    if (isObject(parent) && parent[last] === undefined)
      parent[last] = copyOf(value)
  }
}

/** Fills the defaults of every self-naming object in `value`, at any depth (metadata bags are the user's and left alone). */
function fillDefaults(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(fillDefaults)
  }
  else if (isObject(value)) {
    const defaults = typeof value.object === 'string' ? DEFAULTS_BY_OBJECT[value.object] : undefined
    if (defaults)
      applyDefaults(value, defaults)
    for (const key in value) {
      if (!key.endsWith('_metadata'))
        fillDefaults(value[key])
    }
  }
}

/**
 * The production build's stand-in for parsing an answer with its contract schema: checks the outer
 * shape (an object where one is expected, with the `object` and `id` its schema requires; an array;
 * a page; nothing for `none`), so that a wrong or garbled answer (a proxy's HTML page, another
 * endpoint's object) still ends in a `ClerkContractError` naming the field, and fills in, in place,
 * the values the schemas default. Field-by-field checks are the development build's (`readContract`).
 */
export function checkContractShape(contract: FapiContract, value: unknown, name: string): unknown {
  if (contract === 'none')
    expectKind('undefined', value, [], name)
  if (contract === 'unknown' || contract === 'none')
    return value
  const { name: root, form } = splitContract(contract) as { name: FapiContractName, form: string }
  if (form === 'nullable' && value === null)
    return value
  let items = [value]
  if (form === 'page') {
    expectKind('object', value, [], name)
    expectKind('array', (value as JsonObject).data, ['data'], name)
    expectKind('number', (value as JsonObject).total_count, ['total_count'], name)
    items = (value as JsonObject).data as unknown[]
  }
  else if (form === 'list') {
    expectKind('array', value, [], name)
    items = value as unknown[]
  }
  items.forEach((item, index) => {
    checkRoot(root, item, form === 'page' ? ['data', index] : form === 'list' ? [index] : [], name)
    applyDefaults(item as JsonObject, ROOT_DEFAULTS[root] ?? {})
  })
  fillDefaults(value)
  return value
}
