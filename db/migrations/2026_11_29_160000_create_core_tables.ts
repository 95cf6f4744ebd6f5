import type { Kysely } from "kysely";
import { idColumn } from "./id-column.ts";

/**
 * Programmes, institutions, tasks, task–institution links and the audit log.
 * Written with the schema builder only, so the same file serves SQLite and PostgreSQL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const id = idColumn(db);
  await db.schema
    .createTable("programmes")
    .addColumn("id", "integer", id)
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("source", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("institutions")
    .addColumn("id", "integer", id)
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("aliases", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("tasks")
    .addColumn("id", "integer", id)
    .addColumn("programme_id", "integer", (c) =>
      c.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("number", "text", (c) => c.notNull())
    .addColumn("parent_number", "text")
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("section", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("deadline_text", "text", (c) => c.notNull())
    .addColumn("due_date", "text")
    .addColumn("recurrence", "text")
    .addColumn("status", "text")
    .addColumn("indicator", "text")
    .addColumn("progress", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("tasks_programme_number_unique", ["programme_id", "number"])
    .execute();

  await db.schema
    .createTable("task_institutions")
    .addColumn("task_id", "integer", (c) => c.notNull().references("tasks.id").onDelete("cascade"))
    .addColumn("institution_id", "integer", (c) =>
      c.notNull().references("institutions.id").onDelete("restrict"),
    )
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("task_institutions_pk", ["task_id", "institution_id"])
    .execute();
  await db.schema
    .createIndex("task_institutions_institution_idx")
    .on("task_institutions")
    .column("institution_id")
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "integer", id)
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_key", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("field", "text")
    .addColumn("before", "text")
    .addColumn("after", "text")
    .execute();
  await db.schema
    .createIndex("audit_log_entity_idx")
    .on("audit_log")
    .columns(["entity", "entity_key"])
    .execute();
}

/** Drops what {@link up} created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["audit_log", "task_institutions", "tasks", "institutions", "programmes"]) {
    await db.schema.dropTable(table).execute();
  }
}
