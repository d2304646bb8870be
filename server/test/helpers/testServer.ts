import type { Hono } from 'hono'
import type { AppEnv } from '../../src/appEnv'
import type { PorticoConfig, PorticoConfigInput } from '../../src/config'
import type { Db } from '../../src/db/createDb'
import type { PasswordHasher } from '../../src/services/passwords'
import type { Logger } from '../../src/utils/logger'
import type { TestBrowserOptions } from './testBrowser'
import type { TestClock } from './testClock'
import { randomBytes } from 'node:crypto'
import { createApp } from '../../src/app'
import { defineConfig } from '../../src/config'
import { TestBrowser } from './testBrowser'
import { createTestClock } from './testClock'

/** An app under test with its clock, configuration and captured log lines. */
export interface TestServer {
  app: Hono<AppEnv>
  db: Db
  clock: TestClock
  config: PorticoConfig
  logs: string[]
  /** A fresh browser (its own cookie jar). */
  browser: (options?: TestBrowserOptions) => TestBrowser
  /** The latest code mailed to an address (from the dev inbox table). */
  latestCode: (email: string) => Promise<string>
}

/** Test seams passed on to `createApp`. */
export interface TestServerSeams {
  /** Replaces argon2id behind the hashing gate (see `createHeldHasher`). */
  passwordHasher?: PasswordHasher
}

/** Builds an app on the suite database with a test clock and a logger that records instead of printing. */
export function createTestServer(db: Db, config: PorticoConfigInput = {}, clock: TestClock = createTestClock(), seams: TestServerSeams = {}): TestServer {
  const logs: string[] = []
  const logger: Logger = {
    info: message => logs.push(message),
    warn: message => logs.push(message),
    error: (message, error) => logs.push(`${message} ${String(error ?? '')}`),
  }
  const resolved = defineConfig({ allowedOrigins: ['http://localhost:5173'], ...config })
  const app = createApp({ db, config: resolved, clock, logger, ...seams })
  return {
    app,
    db,
    clock,
    config: resolved,
    logs,
    browser: options => new TestBrowser(app, options),
    async latestCode(email) {
      const row = await db.kysely.selectFrom('dev_inbox').select('code').where('to_address', '=', email).orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst()
      if (!row?.code)
        throw new Error(`no code was mailed to ${email}`)
      return row.code
    },
  }
}

/** An email address no other test uses (suites share a database). */
export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}.${randomBytes(5).toString('hex')}@example.com`
}

/** A password that passes the rules (long, not in the common list). */
export const GOOD_PASSWORD = 'violet-harbor-lantern-42'
