import type { Kysely } from "kysely";

/**
 * What the annex export and programme maintenance need: each task's number as the annex
 * printed it ("15. 14."), the sections' titles per programme, and app settings (the current
 * programme). Schema builder only (SQLite and PostgreSQL).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("tasks").addColumn("printed_number", "text").execute();

  await db.schema
    .createTable("programme_sections")
    .addColumn("programme_id", "integer", (c) =>
      c.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("section", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("programme_sections_pk", ["programme_id", "section"])
    .execute();

  await db.schema
    .createTable("app_settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}

/** Drops what {@link up} created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("app_settings").execute();
  await db.schema.dropTable("programme_sections").execute();
  await db.schema.alterTable("tasks").dropColumn("printed_number").execute();
}
