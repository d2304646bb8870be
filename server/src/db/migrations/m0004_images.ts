import type { Kysely } from 'kysely'
import { PostgresAdapter } from 'kysely'

/**
 * Uploaded images (organization logos, profile images), kept in the database so that several server
 * processes share them. An image belongs to one user or one organization and goes when its owner does;
 * `users.image_id` and `organizations.image_id` name the current one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob'
  await db.schema.createTable('images')
    .addColumn('id', 'text', col => col.primaryKey())
    .addColumn('user_id', 'text', col => col.references('users.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', col => col.references('organizations.id').onDelete('cascade'))
    .addColumn('content_type', 'text', col => col.notNull())
    .addColumn('bytes', binary, col => col.notNull())
    .addColumn('byte_size', 'integer', col => col.notNull())
    .addColumn('sha256', 'text', col => col.notNull())
    .addColumn('created_at', 'bigint', col => col.notNull())
    .execute()
  await db.schema.createIndex('images_user_id').on('images').column('user_id').execute()
  await db.schema.createIndex('images_organization_id').on('images').column('organization_id').execute()
  await db.schema.alterTable('users').addColumn('image_id', 'text').execute()
  await db.schema.alterTable('organizations').addColumn('image_id', 'text').execute()
}

/** Drops what `up` added. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('organizations').dropColumn('image_id').execute()
  await db.schema.alterTable('users').dropColumn('image_id').execute()
  await db.schema.dropTable('images').ifExists().execute()
}
