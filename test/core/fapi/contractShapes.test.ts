// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as contract from '../../../src/contract'
import { ClerkContractError } from '../../../src/contract'
import {
  checkContractShape,
  DEFAULTS_BY_OBJECT,
  ROOT_DEFAULTS,
  ROOT_OBJECTS,
  ROOTS_WITHOUT_ID,
} from '../../../src/core/fapi/checkContractShape'
import { CONTRACT_SCHEMAS, contractSchema } from '../../../src/core/fapi/contractSchema'
import { readContract } from '../../../src/core/fapi/readContract'
import { environmentJSON } from '../../contract/fixtures/environment'
import { clientJSON, emailAddressJSON, organizationJSON, phoneNumberJSON, signUpJSON, userJSON } from '../../contract/fixtures/identity'
import { invitationJSON, membershipRequestJSON, roleJSON, suggestionJSON } from '../../contract/fixtures/organization'
import { deriveContractShapes } from './deriveContractShapes'

function nonEmpty<T extends object>(table: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(table).filter(([, spec]) => Object.keys(spec).length > 0))
}

describe('the production tables follow the contract schemas', () => {
  const derived = deriveContractShapes()

  it('names every contract after its schema in src/contract', () => {
    for (const [name, schema] of Object.entries(CONTRACT_SCHEMAS))
      expect(schema, name).toBe((contract as Record<string, unknown>)[`${name}Schema`])
  })

  it('fills the defaults the schemas give self-naming objects', () => {
    expect(DEFAULTS_BY_OBJECT).toEqual(nonEmpty(derived.byObject))
  })

  it('fills the defaults of answers whose top level names nothing', () => {
    expect(ROOT_DEFAULTS).toEqual(nonEmpty(Object.fromEntries(Object.entries(derived.roots).map(([name, root]) => [name, root.defaults]))))
  })

  it('checks the object and id every contract requires', () => {
    const objects = Object.fromEntries(Object.entries(derived.roots).filter(([, root]) => root.objects).map(([name, root]) => [name, root.objects]))
    expect(Object.fromEntries(Object.entries(ROOT_OBJECTS).map(([name, names]) => [name, [...names!].sort()]))).toEqual(objects)
    expect([...ROOTS_WITHOUT_ID].sort()).toEqual(Object.entries(derived.roots).filter(([, root]) => !root.id).map(([name]) => name).sort())
  })

  it('only has defaults it can copy fresh (empty arrays and objects, or primitives)', () => {
    const values = [...Object.values(DEFAULTS_BY_OBJECT), ...Object.values(ROOT_DEFAULTS)].flatMap(spec => Object.values(spec!))
    for (const value of values)
      expect(value === null || typeof value !== 'object' || Object.keys(value).length === 0, JSON.stringify(value)).toBe(true)
  })
})

// every key a schema defaults, at any depth: what a terse server (or real Clerk) may leave out
const DEFAULTED_KEYS = new Set(
  [...Object.values(DEFAULTS_BY_OBJECT), ...Object.values(ROOT_DEFAULTS)].flatMap(spec => Object.keys(spec!).map(path => path.split('.').at(-1)!)),
)

function withoutDefaultedKeys(value: unknown): unknown {
  if (Array.isArray(value))
    return value.map(withoutDefaultedKeys)
  if (typeof value !== 'object' || value === null)
    return value
  return Object.fromEntries(Object.entries(value)
    .filter(([key]) => !DEFAULTED_KEYS.has(key))
    .map(([key, item]) => [key, key.endsWith('_metadata') ? item : withoutDefaultedKeys(item)]))
}

describe('checkContractShape (production builds)', () => {
  // without memberships (a default-able list) no organization can be active
  const client = clientJSON()
  const fixtures = [
    ['client', { ...client, sessions: client.sessions.map(session => ({ ...session, last_active_organization_id: null })) }],
    ['user', userJSON()],
    ['emailAddress', emailAddressJSON()],
    ['phoneNumber', phoneNumberJSON()],
    ['organization', organizationJSON()],
    ['signUp', signUpJSON()],
    ['environment', environmentJSON()],
    ['organizationInvitation', invitationJSON()],
    ['organizationSuggestion', suggestionJSON()],
    ['organizationMembershipRequest', membershipRequestJSON()],
    ['role', roleJSON()],
  ] as const

  it.each(fixtures)('reads a terse %s exactly as the zod schema does', (name, json) => {
    const terse = withoutDefaultedKeys(json)
    const parsed = contract.parseContract(contractSchema(name), structuredClone(terse), name)
    expect(checkContractShape(name, structuredClone(terse), name)).toEqual(parsed)
  })

  it('fills the defaults through lists and pages', () => {
    const terse = withoutDefaultedKeys([userJSON(), userJSON()])
    expect(checkContractShape('user[]', structuredClone(terse), 'users')).toEqual(contract.parseContract(contractSchema('user[]'), terse, 'users'))
    const page = { data: withoutDefaultedKeys([roleJSON()]), total_count: 1 }
    expect(checkContractShape('role[page]', structuredClone(page), 'roles')).toEqual(contract.parseContract(contractSchema('role[page]'), page, 'roles'))
  })

  it('gives every object its own default list', () => {
    const users = checkContractShape('user[]', withoutDefaultedKeys([userJSON(), userJSON()]), 'users') as { passkeys: unknown[] }[]
    expect(users[0]!.passkeys).not.toBe(users[1]!.passkeys)
  })

  it('keeps what the answer says over a default', () => {
    const user = checkContractShape('user', { ...userJSON(), passkeys: [{ object: 'passkey', id: 'pk_1' }] }, 'user') as { passkeys: unknown[] }
    expect(user.passkeys).toEqual([{ object: 'passkey', id: 'pk_1' }])
  })

  it('leaves metadata bags alone, whatever they hold', () => {
    const metadata = { nested: { object: 'user' } }
    const user = checkContractShape('user', { ...userJSON(), public_metadata: metadata }, 'user') as { public_metadata: unknown }
    expect(user.public_metadata).toEqual({ nested: { object: 'user' } })
  })

  function failure(run: () => unknown): ClerkContractError {
    try {
      run()
    }
    catch (error) {
      if (error instanceof ClerkContractError)
        return error
      throw error
    }
    throw new Error('expected a ClerkContractError')
  }

  it.each([
    ['a proxy\'s HTML page', 'signIn', '<html>502</html>', 'Invalid FAPI response for answer: expected object, received string'],
    ['nothing', 'client', undefined, 'Invalid FAPI response for answer: expected object, received undefined'],
    ['another endpoint\'s object', 'signIn', { object: 'sign_up_attempt', id: 'sua_1' }, 'Invalid FAPI response for answer: object: expected "sign_in" or "sign_in_attempt", received "sign_up_attempt"'],
    ['an object without its id', 'user', { object: 'user' }, 'Invalid FAPI response for answer: id: expected string, received undefined'],
    ['an object where a list belongs', 'sessionWithActivities[]', { object: 'session', id: 'sess_1' }, 'Invalid FAPI response for answer: expected array, received object'],
    ['a bad item of a list', 'organizationInvitation[]', [invitationJSON(), { object: 'role', id: 'role_1' }], 'Invalid FAPI response for answer: [1].object: expected "organization_invitation", received "role"'],
    ['a page without data', 'role[page]', { total_count: 1 }, 'Invalid FAPI response for answer: data: expected array, received undefined'],
    ['a page without its total', 'role[page]', { data: [] }, 'Invalid FAPI response for answer: total_count: expected number, received undefined'],
    ['a body where none belongs', 'none', { object: 'client' }, 'Invalid FAPI response for answer: expected undefined, received object'],
    ['an error without a code', 'clerkErrorEnvelope', { errors: [{ message: 'x' }] }, 'Invalid FAPI response for answer: errors[0].code: expected string, received undefined'],
    ['errors that are not a list', 'clerkErrorEnvelope', { errors: 'boom' }, 'Invalid FAPI response for answer: errors: expected array, received string'],
  ] as const)('throws ClerkContractError for %s', (_, name, value, message) => {
    expect(failure(() => checkContractShape(name, value, 'answer')).message).toBe(message)
  })

  it('accepts null for a nullable contract and anything for unknown', () => {
    expect([checkContractShape('client?', null, 'client'), checkContractShape('unknown', 'ok', 'x'), checkContractShape('none', undefined, 'x')]).toEqual([null, 'ok', undefined])
  })
})

describe('readContract', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('checks every field with zod outside production builds', () => {
    const user = { ...userJSON(), first_name: 42 }
    expect(() => readContract('user', user, 'user')).toThrow('Invalid FAPI response for user: first_name: expected string, received number')
  })

  it('checks only the outer shape in production builds, and still fills the defaults', () => {
    vi.stubEnv('NODE_ENV', 'production')
    const user = readContract('user', withoutDefaultedKeys({ ...userJSON(), first_name: 42 }), 'user')
    expect([user.first_name, user.passkeys]).toEqual([42, []])
    expect(() => readContract('user', '<html></html>', 'user')).toThrow('Invalid FAPI response for user: expected object, received string')
  })
})
