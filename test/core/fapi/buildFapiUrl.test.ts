import type { BuildFapiUrlOptions } from '../../../src/core/fapi/buildFapiUrl'
import { describe, expect, it } from 'vitest'
import { buildFapiUrl } from '../../../src/core/fapi/buildFapiUrl'

const base: BuildFapiUrlOptions = {
  baseUrl: 'https://clerk.example.com/v1',
  path: '/client',
  apiVersion: '2026-08-20',
  clerkJsVersion: '6.40.0',
}

function params(options: Partial<BuildFapiUrlOptions>): URLSearchParams {
  return new URL(buildFapiUrl({ ...base, ...options })).searchParams
}

describe('buildFapiUrl', () => {
  it('joins the base URL and the path', () => {
    expect(buildFapiUrl({ ...base, path: '/client/sign_ins' }).split('?')[0]).toBe('https://clerk.example.com/v1/client/sign_ins')
  })

  it('adds a missing leading slash to the path', () => {
    expect(new URL(buildFapiUrl({ ...base, path: 'environment' })).pathname).toBe('/v1/environment')
  })

  it('puts the caller query first, then the fixed params', () => {
    expect([...params({ query: { limit: 5 } }).keys()]).toEqual(['limit', '__clerk_api_version', '_clerk_js_version'])
  })

  it.each(['PATCH', 'PUT', 'DELETE'] as const)('sends %s as _method', (method) => {
    expect(params({ method }).get('_method')).toBe(method)
  })

  it.each(['GET', 'POST'] as const)('sends no _method for %s', (method) => {
    expect(params({ method }).has('_method')).toBe(false)
  })

  it.each([
    ['/me', true],
    ['/organizations/org_1', true],
    ['/client/sessions/sess_1/touch', false],
    ['/client', false],
    ['/waitlist', false],
  ])('session id on %s: %s', (path, sent) => {
    expect(params({ path, sessionId: 'sess_1' }).get('_clerk_session_id')).toBe(sent ? 'sess_1' : null)
  })

  it('sends array query values as repeated keys', () => {
    expect(params({ query: { status: ['pending', 'accepted'] } }).getAll('status')).toEqual(['pending', 'accepted'])
  })

  it('adds the retry attempt and the dev-browser token when given', () => {
    const search = params({ retryAttempt: 2, devBrowserToken: 'dvb_1' })
    expect([search.get('_clerk_retry_attempt'), search.get('__clerk_db_jwt')]).toEqual(['2', 'dvb_1'])
  })
})
