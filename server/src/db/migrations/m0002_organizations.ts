import type { Kysely } from 'kysely'
import { sql } from 'kysely'

/**
 * Organizations, memberships, invitations, membership requests and domains. The unique indexes decide
 * races (RL-2): one slug, one membership per user and organization, one pending invitation per address,
 * one pending request per user, one organization per domain.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('organizations')
    .addColumn('id', 'text', col => col.primaryKey())
    .addColumn('name', 'text', col => col.notNull())
    .addColumn('slug', 'text', col => col.notNull().unique())
    .addColumn('public_metadata', 'text', col => col.notNull().defaultTo('{}'))
    .addColumn('private_metadata', 'text', col => col.notNull().defaultTo('{}'))
    .addColumn('created_by', 'text', col => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', col => col.notNull())
    .addColumn('updated_at', 'bigint', col => col.notNull())
    .execute()
  await db.schema.createIndex('organizations_created_by').on('organizations').column('created_by').execute()

  await db.schema.createTable('organization_memberships')
    .addColumn('id', 'text', col => col.primaryKey())
    .addColumn('organization_id', 'text', col => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('user_id', 'text', col => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', col => col.notNull())
    .addColumn('public_metadata', 'text', col => col.notNull().defaultTo('{}'))
    .addColumn('created_at', 'bigint', col => col.notNull())
    .addColumn('updated_at', 'bigint', col => col.notNull())
    .execute()
  await db.schema.createIndex('organization_memberships_org_user').on('organization_memberships').columns(['organization_id', 'user_id']).unique().execute()
  await db.schema.createIndex('organization_memberships_user_id').on('organization_memberships').column('user_id').execute()

  await db.schema.createTable('organization_invitations')
    .addColumn('id', 'text', col => col.primaryKey())
    .addColumn('organization_id', 'text', col => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('email_address', 'text', col => col.notNull())
    .addColumn('email_normalized', 'text', col => col.notNull())
    .addColumn('role', 'text', col => col.notNull())
    .addColumn('status', 'text', col => col.notNull())
    .addColumn('public_metadata', 'text', col => col.notNull().defaultTo('{}'))
    .addColumn('expires_at', 'bigint', col => col.notNull())
    .addColumn('invited_by', 'text', col => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'bigint', col => col.notNull())
    .addColumn('updated_at', 'bigint', col => col.notNull())
    .execute()
  await db.schema.createIndex('organization_invitations_pending').on('organization_invitations').columns(['organization_id', 'email_normalized']).unique().where(sql.ref('status'), '=', 'pending').execute()
  await db.schema.createIndex('organization_invitations_org_status').on('organization_invitations').columns(['organization_id', 'status']).execute()
  await db.schema.createIndex('organization_invitations_email').on('organization_invitations').column('email_normalized').execute()

  await db.schema.createTable('organization_membership_requests')
    .addColumn('id', 'text', col => col.primaryKey())
    .addColumn('organization_id', 'text', col => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('user_id', 'text', col => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('status', 'text', col => col.notNull())
    .addColumn('created_at', 'bigint', col => col.notNull())
    .addColumn('updated_at', 'bigint', col => col.notNull())
    .execute()
  await db.schema.createIndex('organization_membership_requests_pending').on('organization_membership_requests').columns(['organization_id', 'user_id']).unique().where(sql.ref('status'), '=', 'pending').execute()
  await db.schema.createIndex('organization_membership_requests_user_id').on('organization_membership_requests').column('user_id').execute()

  await db.schema.createTable('organization_domains')
    .addColumn('id', 'text', col => col.primaryKey())
    .addColumn('organization_id', 'text', col => col.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('name', 'text', col => col.notNull().unique())
    .addColumn('enrollment_mode', 'text', col => col.notNull())
    .addColumn('affiliation_email_address', 'text')
    .addColumn('affiliation_verification_id', 'text')
    .addColumn('created_at', 'bigint', col => col.notNull())
    .addColumn('updated_at', 'bigint', col => col.notNull())
    .execute()
  await db.schema.createIndex('organization_domains_organization_id').on('organization_domains').column('organization_id').execute()
}

/** Drops everything `up` created, children first. */
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['organization_domains', 'organization_membership_requests', 'organization_invitations', 'organization_memberships', 'organizations'])
    await db.schema.dropTable(table).ifExists().execute()
}
