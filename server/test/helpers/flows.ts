import type { TestBrowser } from './testBrowser'
import type { TestServer } from './testServer'
import { expect } from 'vitest'
import { GOOD_PASSWORD } from './testServer'

/** The ids a completed sign-up produced. */
export interface SignedUp {
  userId: string
  sessionId: string
  email: string
  password: string
}

/** Signs up through the public API: create, prepare the email code, read it from the dev inbox, attempt it. */
export async function signUp(server: TestServer, browser: TestBrowser, email: string, password = GOOD_PASSWORD, extra: Record<string, string> = {}): Promise<SignedUp> {
  const created = await browser.post('/v1/client/sign_ups', { email_address: email, password, ...extra })
  expect(created.status, JSON.stringify(created.body)).toBe(200)
  const id = created.body.response.id as string
  const prepared = await browser.post(`/v1/client/sign_ups/${id}/prepare_verification`, { strategy: 'email_code' })
  expect(prepared.status, JSON.stringify(prepared.body)).toBe(200)
  const code = await server.latestCode(email)
  const attempted = await browser.post(`/v1/client/sign_ups/${id}/attempt_verification`, { strategy: 'email_code', code })
  expect(attempted.status, JSON.stringify(attempted.body)).toBe(200)
  expect(attempted.body.response.status).toBe('complete')
  return { userId: attempted.body.response.created_user_id, sessionId: attempted.body.response.created_session_id, email, password }
}

/** Someone with an account who is signed out: signs up in a browser of their own, then signs that browser out. */
export async function signedOutAccount(server: TestServer, email: string, password = GOOD_PASSWORD): Promise<SignedUp> {
  const owner = server.browser()
  const account = await signUp(server, owner, email, password)
  await owner.delete('/v1/client/sessions')
  return account
}

/** Signs in with identifier + password in one call; returns the new session id. */
export async function signInWithPassword(browser: TestBrowser, email: string, password = GOOD_PASSWORD): Promise<string> {
  const res = await browser.post('/v1/client/sign_ins', { identifier: email, password })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  expect(res.body.response.status).toBe('complete')
  return res.body.response.created_session_id
}
