import { type Kysely, PostgresAdapter, sql } from "kysely";

/**
 * Replies get `stored_at` (UTC ISO text): when the app stored the row, beside `received_at`,
 * the Slack message's own post time. The digest's "new replies" are chosen by `stored_at`:
 * a reply the app stores late (a number-only message refused and later edited into a reply,
 * or one the collection job picks up after downtime) keeps its post time, so choosing by
 * `received_at` skipped it when a digest had already covered that time. Existing rows get
 * `received_at` (the best the store knows). Indexed: each digest reads by it.
 *
 * Added NOT NULL with a default '' (SQLite adds a NOT NULL column only with a default), then
 * filled; PostgreSQL drops the default again, SQLite cannot (the app always writes the column).
 * The migration never imports app code.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("replies")
    .addColumn("stored_at", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await sql`update replies set stored_at = received_at`.execute(db);
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    await sql`alter table replies alter column stored_at drop default`.execute(db);
  await db.schema.createIndex(INDEX).on("replies").column("stored_at").execute();
}

/** Undoes {@link up}: the index, then the column (SQLite 3.35+ drops a column). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex(INDEX).execute();
  await db.schema.alterTable("replies").dropColumn("stored_at").execute();
}

const INDEX = "replies_stored_at_idx";
