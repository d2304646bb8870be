import type { Kysely } from 'kysely'

/**
 * Phone numbers, authenticator apps (TOTP), backup codes and the server's own secrets; plus the columns
 * sign-ins, sessions and sign-ups need for a second factor and a phone number.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('phone_numbers')
    .addColumn('id', 'text', col => col.primaryKey())
    .addColumn('user_id', 'text', col => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('phone_number', 'text', col => col.notNull().unique())
    .addColumn('verification_id', 'text')
    .addColumn('reserved_for_second_factor_at', 'bigint')
    .addColumn('default_second_factor_at', 'bigint')
    .addColumn('created_at', 'bigint', col => col.notNull())
    .addColumn('updated_at', 'bigint', col => col.notNull())
    .execute()
  await db.schema.createIndex('phone_numbers_user_id').on('phone_numbers').column('user_id').execute()

  await db.schema.createTable('totps')
    .addColumn('id', 'text', col => col.primaryKey())
    .addColumn('user_id', 'text', col => col.notNull().unique().references('users.id').onDelete('cascade'))
    .addColumn('secret_sealed', 'text', col => col.notNull())
    .addColumn('verified_at', 'bigint')
    .addColumn('last_used_step', 'bigint')
    .addColumn('attempts', 'integer', col => col.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', col => col.notNull())
    .addColumn('updated_at', 'bigint', col => col.notNull())
    .execute()

  await db.schema.createTable('backup_codes')
    .addColumn('id', 'text', col => col.primaryKey())
    .addColumn('user_id', 'text', col => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('set_id', 'text', col => col.notNull())
    .addColumn('code_hash', 'text', col => col.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('created_at', 'bigint', col => col.notNull())
    .execute()
  await db.schema.createIndex('backup_codes_user_id').on('backup_codes').column('user_id').execute()

  await db.schema.createTable('server_secrets')
    .addColumn('name', 'text', col => col.primaryKey())
    .addColumn('value', 'text', col => col.notNull())
    .addColumn('created_at', 'bigint', col => col.notNull())
    .execute()

  // a sign-in between its factors: which first factor passed and when, and the second-factor challenge
  await db.schema.alterTable('sign_ins').addColumn('first_factor_strategy', 'text').execute()
  await db.schema.alterTable('sign_ins').addColumn('first_factor_verified_at', 'bigint').execute()
  await db.schema.alterTable('sign_ins').addColumn('second_factor_verification_id', 'text').execute()
  // the second number of `fva`: null = no second factor verified in this session
  await db.schema.alterTable('sessions').addColumn('second_factor_verified_at', 'bigint').execute()
  await db.schema.alterTable('sign_ups').addColumn('phone_number', 'text').execute()
  await db.schema.alterTable('sign_ups').addColumn('phone_verification_id', 'text').execute()
}

/** Drops what `up` added, columns last. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['server_secrets', 'backup_codes', 'totps', 'phone_numbers'])
    await db.schema.dropTable(table).ifExists().execute()
  for (const [table, column] of [['sign_ups', 'phone_verification_id'], ['sign_ups', 'phone_number'], ['sessions', 'second_factor_verified_at'], ['sign_ins', 'second_factor_verification_id'], ['sign_ins', 'first_factor_verified_at'], ['sign_ins', 'first_factor_strategy']] as const)
    await db.schema.alterTable(table).dropColumn(column).execute()
}
