import type { PorticoConfig } from './config'
import type { Db } from './db/createDb'
import type { BackupCodes } from './services/backupCodes'
import type { Codes } from './services/codes'
import type { Lockout } from './services/lockout'
import type { Mailer } from './services/mailer'
import type { Passwords } from './services/passwords'
import type { PhoneCodes } from './services/phoneCodes'
import type { SecretBox } from './services/secretBox'
import type { SmsSender } from './services/smsSender'
import type { Tokens } from './services/tokens'
import type { Clock } from './utils/clock'
import type { Logger } from './utils/logger'
import type { OriginPolicy } from './utils/originPolicy'

/** Everything routes need, built once per app by `createApp`. */
export interface Deps {
  db: Db
  config: PorticoConfig
  clock: Clock
  logger: Logger
  mailer: Mailer
  origins: OriginPolicy
  passwords: Passwords
  tokens: Tokens
  codes: Codes
  lockout: Lockout
  sms: SmsSender
  phoneCodes: PhoneCodes
  secretBox: SecretBox
  backupCodes: BackupCodes
}
