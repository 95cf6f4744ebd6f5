import type { Kysely } from "kysely";

/**
 * Per-user settings a person chooses in the app: for now `locale` ("lv" | "en"), the language
 * that wins over the one Slack reports (Slack has no Latvian interface, so its locale would put
 * nearly every member of a Latvian working group into English). One row per Slack user id.
 * Schema builder only (SQLite and PostgreSQL).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("user_settings")
    .addColumn("user_id", "text", (c) => c.primaryKey())
    .addColumn("locale", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}

/** Drops what {@link up} created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("user_settings").execute();
}
