import type { Kysely } from "kysely";
import { idColumn } from "./id-column.ts";

/**
 * Slack mappings, roles, reporting cut-offs, reminder threads, reminders (the send intent
 * log) and replies with their edit history. Schema builder only (SQLite and PostgreSQL).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const id = idColumn(db);
  await db.schema.alterTable("institutions").addColumn("slack_channel_id", "text").execute();

  await db.schema
    .createTable("institution_contacts")
    .addColumn("institution_id", "integer", (c) =>
      c.notNull().references("institutions.id").onDelete("cascade"),
    )
    .addColumn("slack_user_id", "text", (c) => c.notNull())
    .addColumn("away_until", "text")
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("added_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("institution_contacts_pk", ["institution_id", "slack_user_id"])
    .execute();
  await db.schema
    .createIndex("institution_contacts_user_idx")
    .on("institution_contacts")
    .column("slack_user_id")
    .execute();

  await db.schema
    .createTable("roles")
    .addColumn("slack_user_id", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("granted_by", "text", (c) => c.notNull())
    .addColumn("granted_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("roles_pk", ["slack_user_id", "role"])
    .execute();

  await db.schema
    .createTable("cutoffs")
    .addColumn("id", "integer", id)
    .addColumn("programme_id", "integer", (c) =>
      c.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("task_numbers", "text")
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("removed_at", "text")
    .execute();

  await db.schema
    .createTable("reminder_threads")
    .addColumn("id", "integer", id)
    .addColumn("cutoff_id", "integer", (c) =>
      c.notNull().references("cutoffs.id").onDelete("cascade"),
    )
    .addColumn("institution_id", "integer", (c) =>
      c.notNull().references("institutions.id").onDelete("cascade"),
    )
    .addColumn("channel_id", "text", (c) => c.notNull())
    .addColumn("thread_ts", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("collected_at", "text")
    .addUniqueConstraint("reminder_threads_cutoff_institution_unique", [
      "cutoff_id",
      "institution_id",
    ])
    .execute();
  await db.schema
    .createIndex("reminder_threads_channel_ts_idx")
    .on("reminder_threads")
    .columns(["channel_id", "thread_ts"])
    .execute();

  await db.schema
    .createTable("reminders")
    .addColumn("id", "integer", id)
    .addColumn("cutoff_id", "integer", (c) =>
      c.notNull().references("cutoffs.id").onDelete("cascade"),
    )
    .addColumn("institution_id", "integer", (c) =>
      c.notNull().references("institutions.id").onDelete("cascade"),
    )
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("scheduled_at", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("channel_id", "text")
    .addColumn("message_ts", "text")
    .addColumn("sent_at", "text")
    .addColumn("detail", "text")
    .addUniqueConstraint("reminders_cutoff_institution_kind_unique", [
      "cutoff_id",
      "institution_id",
      "kind",
    ])
    .execute();

  await db.schema
    .createTable("replies")
    .addColumn("id", "integer", id)
    .addColumn("cutoff_id", "integer", (c) =>
      c.notNull().references("cutoffs.id").onDelete("cascade"),
    )
    .addColumn("institution_id", "integer", (c) =>
      c.notNull().references("institutions.id").onDelete("cascade"),
    )
    .addColumn("task_id", "integer", (c) => c.references("tasks.id").onDelete("set null"))
    .addColumn("channel_id", "text", (c) => c.notNull())
    .addColumn("ts", "text", (c) => c.notNull())
    .addColumn("thread_ts", "text")
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("files", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("status_claim", "text")
    .addColumn("verified", "integer", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("edited_at", "text")
    .addColumn("withdrawn_at", "text")
    .addUniqueConstraint("replies_channel_ts_unique", ["channel_id", "ts"])
    .execute();
  await db.schema
    .createIndex("replies_cutoff_institution_idx")
    .on("replies")
    .columns(["cutoff_id", "institution_id"])
    .execute();
  await db.schema.createIndex("replies_task_idx").on("replies").column("task_id").execute();

  await db.schema
    .createTable("reply_edits")
    .addColumn("id", "integer", id)
    .addColumn("reply_id", "integer", (c) =>
      c.notNull().references("replies.id").onDelete("cascade"),
    )
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
}

/** Drops what {@link up} created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "reply_edits",
    "replies",
    "reminders",
    "reminder_threads",
    "cutoffs",
    "roles",
    "institution_contacts",
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable("institutions").dropColumn("slack_channel_id").execute();
}
