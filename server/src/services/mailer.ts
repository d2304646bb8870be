import type { PorticoConfig } from '../config'
import type { Db } from '../db/createDb'
import type { Clock } from '../utils/clock'
import type { Logger } from '../utils/logger'
import { newId } from '../utils/newId'

/** One email (or, later, SMS) to deliver. */
export interface OutgoingMessage {
  channel?: 'email' | 'sms'
  to: string
  subject: string
  text: string
  /** The one-time code inside, kept apart so the dev inbox can show it. */
  code?: string
}

/** Delivers messages; `createApp` picks SMTP or the dev inbox, tests may pass their own. */
export interface Mailer {
  send: (message: OutgoingMessage) => Promise<void>
}

/** True when mail is kept in the database and shown at `/dev/inbox`: asked for, or a development instance without SMTP. */
export function devInboxEnabled(config: PorticoConfig): boolean {
  // never on by default for production: /dev/inbox would hand sign-in codes to anyone
  return config.devInbox ?? (config.instanceType === 'development' && !config.smtpUrl)
}

let sequence = 0

/** Stores messages in the `dev_inbox` table and prints one console line with the code (development mail). */
export function createDevInboxMailer({ db, clock, logger }: { db: Db, clock: Clock, logger: Logger }): Mailer {
  return {
    async send(message) {
      const now = clock()
      // ids sort in sending order, even for two messages in the same millisecond
      sequence = (sequence + 1) % 1_000_000
      await db.kysely.insertInto('dev_inbox').values({
        id: `msg_${String(now).padStart(15, '0')}${String(sequence).padStart(6, '0')}${newId('').slice(1, 9)}`,
        channel: message.channel ?? 'email',
        to_address: message.to,
        subject: message.subject,
        body: message.text,
        code: message.code ?? null,
        created_at: now,
      }).execute()
      // the dev inbox exists to show codes: this line is its console view, nothing else logs codes
      logger.info(`[dev inbox] ${message.channel ?? 'email'} to ${JSON.stringify(message.to)}: ${message.subject}${message.code ? ` (code ${message.code})` : ''}`)
    },
  }
}

/** Sends through nodemailer to `config.smtpUrl`; also keeps a copy in the dev inbox when that is on. */
export function createSmtpMailer(config: PorticoConfig, copy?: Mailer): Mailer {
  let transport: Promise<{ sendMail: (mail: object) => Promise<unknown> }> | undefined
  return {
    async send(message) {
      transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(config.smtpUrl!))
      await (await transport).sendMail({ from: config.mailFrom, to: message.to, subject: message.subject, text: message.text })
      await copy?.send(message)
    },
  }
}
