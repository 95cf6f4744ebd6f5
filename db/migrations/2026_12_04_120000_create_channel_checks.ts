import type { Kysely } from "kysely";

/**
 * What Slack last said about a channel reminders go to (`conversations.info`, asked by
 * `/institution set` and re-asked by `/cutoff plan` for a channel last found unreachable):
 * `state` is "ok", "not_found", "not_member" or "archived"; `checked_at` a UTC ISO instant.
 * Keyed by channel: reachability belongs to the channel, whichever institution it serves.
 * Schema builder only (SQLite and PostgreSQL).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("channel_checks")
    .addColumn("channel_id", "text", (c) => c.primaryKey())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("checked_at", "text", (c) => c.notNull())
    .execute();
}

/** Drops what {@link up} created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("channel_checks").execute();
}
