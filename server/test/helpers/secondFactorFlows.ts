import type { TestBrowser } from './testBrowser'
import type { TestServer } from './testServer'
import { Secret, TOTP } from 'otpauth'
import { expect } from 'vitest'

/** The code an authenticator app shows for `secret` (base32) at `at` ms, computed independently of the server. */
export function totpCode(secret: string, at: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30, timestamp: at })
}

/** Moves the test clock to the middle of its current 30-second step, so ±offsets land in predictable steps. */
export function toMidStep(server: TestServer): void {
  const now = server.clock()
  server.clock.set(now - (now % 30_000) + 15_000)
}

/** Moves the test clock into the next 30-second step (so a fresh TOTP code is not a replay of the last one). */
export function nextStep(server: TestServer): void {
  server.clock.advance(30_000)
}

/** What enrolling an authenticator app produced. */
export interface EnrolledTotp {
  id: string
  secret: string
  uri: string
  backupCodes: string[]
}

/** Enrols an authenticator app for the browser's signed-in user: create, then verify a code of the current step. */
export async function enrollTotp(server: TestServer, browser: TestBrowser): Promise<EnrolledTotp> {
  const created = await browser.post('/v1/me/totp')
  expect(created.status, JSON.stringify(created.body)).toBe(200)
  const { id, secret, uri } = created.body.response
  const verified = await browser.post('/v1/me/totp/attempt_verification', { code: totpCode(secret, server.clock()) })
  expect(verified.status, JSON.stringify(verified.body)).toBe(200)
  expect(verified.body.response.verified).toBe(true)
  // the enrolment code's step is spent: later codes must come from a later step
  nextStep(server)
  return { id, secret, uri, backupCodes: verified.body.response.backup_codes ?? [] }
}

/** Adds a phone number for the browser's signed-in user and verifies it with the SMS code from the dev inbox. */
export async function addVerifiedPhone(server: TestServer, browser: TestBrowser, phoneNumber: string): Promise<string> {
  const created = await browser.post('/v1/me/phone_numbers/', { phone_number: phoneNumber })
  expect(created.status, JSON.stringify(created.body)).toBe(200)
  const id = created.body.response.id as string
  const prepared = await browser.post(`/v1/me/phone_numbers/${id}/prepare_verification`, { strategy: 'phone_code' })
  expect(prepared.status, JSON.stringify(prepared.body)).toBe(200)
  const attempted = await browser.post(`/v1/me/phone_numbers/${id}/attempt_verification`, { code: await server.latestCode(created.body.response.phone_number) })
  expect(attempted.status, JSON.stringify(attempted.body)).toBe(200)
  expect(attempted.body.response.verification.status).toBe('verified')
  return id
}

let phoneSequence = 0

/** A valid US number no other test of the file uses (outside Clerk's 555-01xx test range, so a real SMS goes to the dev inbox). */
export function uniquePhone(): string {
  phoneSequence += 1
  // N11 exchanges (211, 311, ...) are service codes, not valid numbers
  let exchange = 230 + (phoneSequence % 600)
  if (exchange % 100 === 11)
    exchange += 1
  const line = String(1000 + Math.floor(Math.random() * 9000))
  return `+1415${exchange}${line}`
}
