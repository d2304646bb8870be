import type { PorticoConfigInput } from '../../server/src/config'
import type { Clerk } from '../../src/core'
import type { TestServer } from './createTestClerk'
import { Secret, TOTP } from 'otpauth'
import { createTestServer } from './createTestClerk'
import { signUpTestUser } from './signUpTestUser'

/** A fixed 256-bit key: a production-mode server seals TOTP secrets with it (and refuses TOTP without one). */
export const TEST_ENCRYPTION_KEY = '6f'.repeat(32)

/** The server config second-factor tests need on top of `config`: a sealing key, and phone numbers on. */
export function secondFactorConfig(config: PorticoConfigInput = {}): PorticoConfigInput {
  return { encryptionKey: TEST_ENCRYPTION_KEY, ...config, phoneNumbers: { enabled: true, ...config.phoneNumbers } }
}

/** A test server (see `createTestServer`) that can seal authenticator secrets. */
export function createSecondFactorServer(config: PorticoConfigInput = {}): Promise<TestServer> {
  return createTestServer(secondFactorConfig(config))
}

/** The code an authenticator app shows for `secret` (base32) at `at` ms, computed apart from the server. */
export function totpCode(secret: string, at: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30, timestamp: at })
}

/** The server's clock as a test sees it: `advance` moves it (and `now` follows), nothing sleeps. */
export interface ServerClock {
  now: () => number
  advance: (ms: number) => void
  /** Moves into the next 30-second TOTP step, so a fresh code is not a replay of the last one. */
  nextStep: () => void
}

/** Tracks the offset given to `server.advance`, so codes can be computed for the server's "now". */
export function serverClock(server: TestServer): ServerClock {
  let offset = 0
  const advance = (ms: number): void => {
    offset += ms
    server.advance(ms)
  }
  return { now: () => Date.now() + offset, advance, nextStep: () => advance(30_000) }
}

/** What enrolling an authenticator app through the SDK gave the test. */
export interface EnrolledAuthenticator {
  secret: string
  uri: string
  backupCodes: string[]
}

/** Enrols an authenticator app for `clerk`'s signed-in user through the SDK, then steps the clock past the code used. */
export async function enrollAuthenticator(clerk: Clerk, clock: ServerClock): Promise<EnrolledAuthenticator> {
  const created = await clerk.user!.createTOTP()
  const verified = await clerk.user!.verifyTOTP({ code: totpCode(created.secret!, clock.now()) })
  clock.nextStep()
  return { secret: created.secret!, uri: created.uri!, backupCodes: verified.backupCodes ?? [] }
}

let sequence = 0

/** A valid US number (San Francisco, exchange 230+) no other test of the run uses. */
export function uniquePhone(): string {
  sequence += 1
  const line = String(1000 + ((sequence * 7919 + Math.floor(Math.random() * 1000)) % 9000))
  // N11 exchanges (311, 411, ...) are service codes, not numbers
  let exchange = 230 + (sequence % 500)
  if (exchange % 100 === 11)
    exchange += 1
  return `+1415${exchange}${line}`
}

/** What `signUpWithSecondFactors` set up. */
export interface SecondFactorUser extends EnrolledAuthenticator {
  email: string
  /** The number reserved for second factor, when one was asked for. */
  phoneNumber: string | undefined
}

/**
 * Signs `email` up through the SDK, enrols an authenticator app (and, with `phone`, verifies and
 * reserves a phone number for SMS codes), then signs that browser out: the user now needs a second factor.
 */
export async function signUpWithSecondFactors(server: TestServer, clock: ServerClock, email: string, options: { phone?: boolean } = {}): Promise<SecondFactorUser> {
  const owner = await signUpTestUser(server, email)
  const authenticator = await enrollAuthenticator(owner.clerk, clock)
  let phoneNumber: string | undefined
  if (options.phone) {
    phoneNumber = uniquePhone()
    const phone = await owner.clerk.user!.createPhoneNumber({ phoneNumber })
    await phone.prepareVerification()
    await phone.attemptVerification({ code: await server.latestCode(phoneNumber) })
    await phone.setReservedForSecondFactor({ reserved: true })
  }
  await owner.clerk.signOut()
  return { email, phoneNumber, ...authenticator }
}
