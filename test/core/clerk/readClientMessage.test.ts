import { describe, expect, it } from 'vitest'
import { readClientMessage } from '../../../src/core/clerk/clientChannel'

const message = { type: 'client', lastActiveSessionId: 'sess_1', sessionIds: ['sess_1', 'sess_2'], updatedAt: 1_730_409_958_000 }

describe('readClientMessage', () => {
  it('reads a client-channel message, leaving unknown keys out', () => {
    expect(readClientMessage({ ...message, token: 'never sent' })).toEqual(message)
    expect(readClientMessage({ ...message, lastActiveSessionId: null, sessionIds: [], updatedAt: null })).toEqual({ ...message, lastActiveSessionId: null, sessionIds: [], updatedAt: null })
  })

  it.each([
    ['not an object', 'client'],
    ['another type', { ...message, type: 'token' }],
    ['a session id that is not a string', { ...message, lastActiveSessionId: 5 }],
    ['a missing session list', { ...message, sessionIds: undefined }],
    ['a session list with a number', { ...message, sessionIds: ['sess_1', 2] }],
    ['a time that is not a number', { ...message, updatedAt: '2024' }],
    ['a missing time', { type: 'client', lastActiveSessionId: null, sessionIds: [] }],
  ])('ignores %s', (_, data) => {
    expect(readClientMessage(data)).toBeUndefined()
  })
})
