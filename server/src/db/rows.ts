import type { Selectable } from 'kysely'
import type { ClientTable, DevInboxTable, EmailAddressTable, SessionTable, SignInTable, SignUpTable, UserTable, VerificationTable } from './schema'

/** A `clients` row as read. */
export type ClientRow = Selectable<ClientTable>
/** A `users` row as read. */
export type UserRow = Selectable<UserTable>
/** An `email_addresses` row as read. */
export type EmailAddressRow = Selectable<EmailAddressTable>
/** A `verifications` row as read. */
export type VerificationRow = Selectable<VerificationTable>
/** A `sessions` row as read. */
export type SessionRow = Selectable<SessionTable>
/** A `sign_ins` row as read. */
export type SignInRow = Selectable<SignInTable>
/** A `sign_ups` row as read. */
export type SignUpRow = Selectable<SignUpTable>
/** A `dev_inbox` row as read. */
export type DevInboxRow = Selectable<DevInboxTable>
