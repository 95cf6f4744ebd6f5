import type { Kysely } from "kysely";
import { idColumn } from "./id-column.ts";

/**
 * Working-group sessions, stored digests and where each digest was posted (so a retried job
 * continues where it stopped). Schema builder only (SQLite and PostgreSQL).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const id = idColumn(db);
  await db.schema
    .createTable("sessions")
    .addColumn("id", "integer", id)
    .addColumn("programme_id", "integer", (c) =>
      c.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("removed_at", "text")
    .execute();
  await db.schema.createIndex("sessions_at_idx").on("sessions").column("at").execute();

  await db.schema
    .createTable("digests")
    .addColumn("id", "integer", id)
    .addColumn("programme_id", "integer", (c) =>
      c.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("request_key", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("since", "text", (c) => c.notNull())
    .addColumn("built_at", "text", (c) => c.notNull())
    .addColumn("requested_by", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("session_id", "integer", (c) => c.references("sessions.id").onDelete("set null"))
    .addColumn("cutoff_id", "integer", (c) => c.references("cutoffs.id").onDelete("set null"))
    .addColumn("content", "text", (c) => c.notNull())
    .addColumn("posted_at", "text")
    .execute();

  await db.schema
    .createTable("digest_posts")
    .addColumn("id", "integer", id)
    .addColumn("digest_id", "integer", (c) =>
      c.notNull().references("digests.id").onDelete("cascade"),
    )
    .addColumn("channel_id", "text", (c) => c.notNull())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("parent_ts", "text")
    .addColumn("parts_done", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("files_done", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("posted_at", "text")
    .addUniqueConstraint("digest_posts_digest_channel_unique", ["digest_id", "channel_id"])
    .execute();
}

/** Drops what {@link up} created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["digest_posts", "digests", "sessions"]) {
    await db.schema.dropTable(table).execute();
  }
}
