import type { AppEnv } from './appEnv'
import type { PorticoConfig } from './config'
import type { Db } from './db/createDb'
import type { Deps } from './deps'
import type { Mailer } from './services/mailer'
import type { PasswordHasher } from './services/passwords'
import type { SmsSender } from './services/smsSender'
import type { Clock } from './utils/clock'
import type { Logger } from './utils/logger'
import { Hono } from 'hono'
import { azp } from './middleware/azp'
import { clientIdentity } from './middleware/clientIdentity'
import { cors } from './middleware/cors'
import { withMethodOverride } from './middleware/methodOverride'
import { migrated } from './middleware/migrated'
import { normalizedPath } from './middleware/normalizePath'
import { notFound, onError } from './middleware/onError'
import { originCheck } from './middleware/originCheck'
import { parseBody } from './middleware/parseBody'
import { securityHeaders } from './middleware/securityHeaders'
import { clientRoutes } from './routes/client'
import { devBrowserRoutes } from './routes/devBrowser'
import { devInboxRoutes } from './routes/devInbox'
import { environmentRoutes } from './routes/environment'
import { healthRoutes } from './routes/health'
import { imageRoutes } from './routes/images'
import { meRoutes } from './routes/me/index'
import { meBackupCodeRoutes } from './routes/meBackupCodes'
import { meOrganizationRoutes } from './routes/meOrganizations/index'
import { mePhoneNumberRoutes } from './routes/mePhoneNumbers'
import { meTotpRoutes } from './routes/meTotp'
import { organizationRoutes } from './routes/organizations/index'
import { sessionRoutes } from './routes/sessions'
import { signInRoutes } from './routes/signIns/index'
import { signUpRoutes } from './routes/signUps'
import { wellKnownRoutes } from './routes/wellKnown'
import { createBackupCodes } from './services/backupCodes'
import { createCodes } from './services/codes'
import { createLockout } from './services/lockout'
import { createDevInboxMailer, createSmtpMailer, devInboxEnabled } from './services/mailer'
import { createPasswords } from './services/passwords'
import { createPhoneCodes } from './services/phoneCodes'
import { createSecretBox } from './services/secretBox'
import { createDroppingSmsSender, createInboxSmsSender } from './services/smsSender'
import { createTokens } from './services/tokens'
import { systemClock } from './utils/clock'
import { consoleLogger } from './utils/logger'
import { createOriginPolicy } from './utils/originPolicy'

/** What `createApp` needs: a database and a configuration, plus optional test seams. */
export interface CreateAppOptions {
  db: Db
  config: PorticoConfig
  /**
   * The source of "now" in ms (tests move it to expire codes, sessions and locks).
   * @default Date.now
   */
  clock?: Clock
  /**
   * Where the few log lines go.
   * @default the console
   */
  logger?: Logger
  /**
   * Delivers codes.
   * @default SMTP when `config.smtpUrl` is set, plus the dev inbox when it is on
   */
  mailer?: Mailer
  /**
   * Delivers SMS codes (plug a provider in here).
   * @default the dev inbox when it is on, else nothing (a warning per dropped message)
   */
  smsSender?: SmsSender
  /**
   * The password hash function behind the hashing gate (tests wrap the real one to watch or hold it).
   * @default argon2id, m = 19 MiB, t = 2, p = 1
   */
  passwordHasher?: PasswordHasher
}

/**
 * Builds the Frontend API as a Hono app: `app.fetch` serves it, `app.request()` tests it. Migrations
 * run before the first request if the caller has not run them.
 *
 * @example
 * const db = await createDb({ url: 'sqlite::memory:' })
 * const app = createApp({ db, config: defineConfig({ allowedOrigins: ['http://localhost:5173'] }) })
 * const res = await app.request('/v1/environment')
 */
export function createApp(options: CreateAppOptions): Hono<AppEnv> {
  return assembleApp(options).app
}

/** `createApp`, with the `Deps` the app is built on (the Node listener's token fast path shares them). */
export function assembleApp({ db, config, clock = systemClock, logger = consoleLogger, mailer, smsSender, passwordHasher }: CreateAppOptions): { app: Hono<AppEnv>, deps: Deps } {
  const inbox = devInboxEnabled(config) ? createDevInboxMailer({ db, clock, logger }) : undefined
  const delivery = mailer ?? (config.smtpUrl
    ? createSmtpMailer(config, inbox)
    : inbox ?? { send: async () => logger.warn('[portico-server] no SMTP_URL and the dev inbox is off: a code email was dropped') })
  const origins = createOriginPolicy(config)
  const sms = smsSender ?? (inbox ? createInboxSmsSender(inbox) : createDroppingSmsSender(logger))
  const passwords = createPasswords(config, passwordHasher)
  const deps: Deps = {
    db,
    config,
    clock,
    logger,
    mailer: delivery,
    origins,
    passwords,
    tokens: createTokens({ db, config, clock }),
    codes: createCodes({ db, config, clock, mailer: delivery }),
    lockout: createLockout({ db, config, clock }),
    sms,
    phoneCodes: createPhoneCodes({ db, config, clock, sms }),
    secretBox: createSecretBox({ db, config, clock, logger }),
    backupCodes: createBackupCodes({ db, clock, passwords }),
  }

  const app = new Hono<AppEnv>({ getPath: normalizedPath })
  app.onError(onError(logger))
  app.notFound(notFound())
  app.use('*', securityHeaders(), cors(origins), migrated(db), azp(origins), originCheck(origins), parseBody(), clientIdentity(config))

  app.route('/v1', healthRoutes(deps))
  app.route('/v1', imageRoutes(deps))
  app.route('/v1', environmentRoutes(deps))
  app.route('/v1', devBrowserRoutes(deps))
  app.route('/v1', clientRoutes(deps))
  app.route('/v1', signUpRoutes(deps))
  app.route('/v1', signInRoutes(deps))
  app.route('/v1', sessionRoutes(deps))
  app.route('/v1', meRoutes(deps))
  app.route('/v1', mePhoneNumberRoutes(deps))
  app.route('/v1', meTotpRoutes(deps))
  app.route('/v1', meBackupCodeRoutes(deps))
  app.route('/v1', meOrganizationRoutes(deps))
  app.route('/v1', organizationRoutes(deps))
  app.route('/.well-known', wellKnownRoutes(deps))
  if (inbox)
    app.route('/dev', devInboxRoutes(deps))

  // method override must happen before routing, which reads `request.method`
  const dispatch = app.fetch
  app.fetch = (request, env, executionCtx) => dispatch(withMethodOverride(request), env, executionCtx)
  return { app, deps }
}
