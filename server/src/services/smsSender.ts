import type { Logger } from '../utils/logger'
import type { Mailer } from './mailer'

/** One text message to deliver. */
export interface SmsMessage {
  /** E.164 phone number. */
  to: string
  text: string
  /** The one-time code inside, kept apart so the dev inbox can show it. */
  code?: string
}

/**
 * Delivers text messages. Plug a provider in with `createApp({ smsSender })`; without one, development
 * SMS goes to the dev inbox and anything else is dropped with a warning.
 */
export interface SmsSender {
  send: (message: SmsMessage) => Promise<void>
}

/** Keeps SMS in the dev inbox (channel `sms`), next to development mail. */
export function createInboxSmsSender(inbox: Mailer): SmsSender {
  return {
    send: ({ to, text, code }) => inbox.send({ channel: 'sms', to, subject: text.split('\n')[0]!, text, ...(code ? { code } : {}) }),
  }
}

/** The sender of last resort: says in the log that a message could not go anywhere (never the code). */
export function createDroppingSmsSender(logger: Logger): SmsSender {
  return {
    send: async () => logger.warn('[portico-server] no SMS sender is configured and the dev inbox is off: a text message was dropped'),
  }
}
