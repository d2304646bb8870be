import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import { ClerkContractError, formatIssuePath, isClerkContractError, parseContract } from '../../src/contract'

const schema = z.looseObject({ id: z.string(), items: z.array(z.looseObject({ n: z.number() })) })

function failure(data: unknown): ClerkContractError {
  try {
    parseContract(schema, data, 'thing')
  }
  catch (error) {
    return error as ClerkContractError
  }
  throw new Error('expected the parse to fail')
}

describe('parseContract', () => {
  it('returns the parsed value with unknown keys kept', () => {
    expect(parseContract(schema, { id: 'a', items: [], extra: 1 }, 'thing')).toEqual({ id: 'a', items: [], extra: 1 })
  })

  it('throws a ClerkContractError carrying the object name and the issues', () => {
    const error = failure({ id: 'a', items: [{ n: 'x' }] })
    expect(error).toBeInstanceOf(ClerkContractError)
    expect(error.name).toBe('ClerkContractError')
    expect(error.object).toBe('thing')
    expect(error.issues[0]?.path).toEqual(['items', 0, 'n'])
  })

  it('puts the object name and the field path in the message', () => {
    expect(failure({ id: 'a', items: [{ n: 'x' }] }).message).toBe('Invalid FAPI response for thing: items[0].n: expected number, received string')
  })

  it('counts the further issues in the message', () => {
    expect(failure({ items: [{}] }).message).toBe('Invalid FAPI response for thing: id: expected string, received undefined (and 1 more issue)')
  })

  it('describes a wrong root type without a path', () => {
    expect(failure(null).message).toBe('Invalid FAPI response for thing: expected object, received null')
  })

  it('is recognised by isClerkContractError', () => {
    expect(isClerkContractError(failure(null))).toBe(true)
  })

  it('does not mistake other errors for contract errors', () => {
    expect(isClerkContractError(new Error('x'))).toBe(false)
  })
})

describe('formatIssuePath', () => {
  it.each([
    [['sessions', 0, 'user', 'id'], 'sessions[0].user.id'],
    [[2, 'a'], '[2].a'],
    [['attributes', 'email-address'], 'attributes["email-address"]'],
    [[], ''],
  ])('formats %j as %s', (path, expected) => {
    expect(formatIssuePath(path)).toBe(expected)
  })
})
