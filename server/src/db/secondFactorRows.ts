import type { Selectable } from 'kysely'
import type { BackupCodeTable, PhoneNumberTable, TotpTable } from './secondFactorTables'

/** A `phone_numbers` row as read. */
export type PhoneNumberRow = Selectable<PhoneNumberTable>
/** A `totps` row as read. */
export type TotpRow = Selectable<TotpTable>
/** A `backup_codes` row as read. */
export type BackupCodeRow = Selectable<BackupCodeTable>
