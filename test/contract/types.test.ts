import type {
  ClerkErrorCode,
  ClientJSON,
  ClientJSONInput,
  EnvelopeJSON,
  PaginatedJSON,
  SessionStatus,
  SignInJSON,
  UserJSON,
  UserJSONInput,
} from '../../src/contract'
import { describe, expectTypeOf, it } from 'vitest'
import { clerkError, envelopeSchema, paginatedSchema, parseContract, roleSchema, signInSchema } from '../../src/contract'

// These assertions are checked by vue-tsc (`npx vue-tsc --noEmit`); at runtime they are no-ops.
describe('contract types', () => {
  it('infers the parsed shape of a wrapped response', () => {
    const _parse = (json: unknown) => parseContract(envelopeSchema(signInSchema), json, 'sign_in')
    expectTypeOf<ReturnType<typeof _parse>['response']>().toEqualTypeOf<SignInJSON>()
    expectTypeOf<EnvelopeJSON<SignInJSON>['response']>().toEqualTypeOf<SignInJSON>()
    expectTypeOf<EnvelopeJSON<SignInJSON>['client']>().toEqualTypeOf<ClientJSON | null | undefined>()
  })

  it('infers pages', () => {
    const _parse = (json: unknown) => parseContract(paginatedSchema(roleSchema), json, 'roles')
    expectTypeOf<ReturnType<typeof _parse>['total_count']>().toEqualTypeOf<number>()
    expectTypeOf<PaginatedJSON<SignInJSON>['data']>().toEqualTypeOf<SignInJSON[]>()
  })

  it('fills defaults in parsed types and leaves them optional in input types', () => {
    expectTypeOf<UserJSON['passkeys']>().toBeArray()
    expectTypeOf<UserJSONInput['passkeys']>().toExtend<unknown[] | undefined>()
    expectTypeOf<ClientJSONInput['sessions']>().toBeArray()
  })

  it('types statuses as unions and error codes as the catalogue keys', () => {
    expectTypeOf<'active'>().toExtend<SessionStatus>()
    expectTypeOf<'dozing'>().not.toExtend<SessionStatus>()
    expectTypeOf(clerkError('form_code_incorrect').code).toEqualTypeOf<'form_code_incorrect'>()
    expectTypeOf<'form_code_incorrect'>().toExtend<ClerkErrorCode>()
  })
})
