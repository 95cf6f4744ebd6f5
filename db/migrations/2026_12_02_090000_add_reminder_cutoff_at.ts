import { type Kysely, PostgresAdapter, sql } from "kysely";
import { idColumn } from "./id-column.ts";

/**
 * Reminders remember the cut-off time they were planned for (`cutoff_at`, UTC ISO), and the
 * unique key becomes (cut-off, institution, kind, cutoff_at). When a cut-off moves, the rows
 * sent for its old time stay as history and the new time gets fresh rows of the same kinds;
 * with the old key a sent "before-PT60S" row blocked the new one, so a moved cut-off had no
 * reminders. Existing rows get their cut-off's present time.
 *
 * PostgreSQL drops and adds the constraint; SQLite cannot drop a table constraint, so the
 * table is rebuilt (copied, ids and AUTOINCREMENT counter kept: job ids contain reminder ids).
 * Nothing references `reminders`, so the rebuild is safe with foreign keys on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await db.schema.alterTable("reminders").addColumn("cutoff_at", "text").execute();
    await sql`update reminders set cutoff_at = (select at from cutoffs where cutoffs.id = reminders.cutoff_id)`.execute(
      db,
    );
    await sql`alter table reminders alter column cutoff_at set not null`.execute(db);
    await sql`alter table reminders drop constraint reminders_cutoff_institution_kind_unique`.execute(
      db,
    );
    await db.schema
      .alterTable("reminders")
      .addUniqueConstraint(KEY_WITH_AT, [...KEY, "cutoff_at"])
      .execute();
    return;
  }
  await rebuildSqlite(db, true);
}

/** Undoes {@link up}: the history rows of earlier cut-off times are deleted first (old key). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from reminders where cutoff_at <> (select at from cutoffs where cutoffs.id = reminders.cutoff_id)`.execute(
    db,
  );
  if (isPostgres(db)) {
    await sql`alter table reminders drop constraint reminders_cutoff_institution_kind_at_unique`.execute(
      db,
    );
    await db.schema.alterTable("reminders").dropColumn("cutoff_at").execute();
    await db.schema
      .alterTable("reminders")
      .addUniqueConstraint(KEY_NAME, [...KEY])
      .execute();
    return;
  }
  await rebuildSqlite(db, false);
}

const KEY = ["cutoff_id", "institution_id", "kind"] as const;
const KEY_NAME = "reminders_cutoff_institution_kind_unique";
const KEY_WITH_AT = "reminders_cutoff_institution_kind_at_unique";
const COLUMNS = [
  "id",
  "cutoff_id",
  "institution_id",
  "kind",
  "scheduled_at",
  "state",
  "attempts",
  "channel_id",
  "message_ts",
  "sent_at",
  "detail",
];

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** SQLite: the reminders table again, with (`withAt`) or without `cutoff_at`, rows copied. */
async function rebuildSqlite(db: Kysely<unknown>, withAt: boolean): Promise<void> {
  let table = db.schema
    .createTable("reminders_new")
    .addColumn("id", "integer", idColumn(db))
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
    .addColumn("detail", "text");
  table = withAt
    ? table
        .addColumn("cutoff_at", "text", (c) => c.notNull())
        .addUniqueConstraint(KEY_WITH_AT, [...KEY, "cutoff_at"])
    : table.addUniqueConstraint(KEY_NAME, [...KEY]);
  await table.execute();
  const columns = sql.join(COLUMNS.map((c) => sql.ref(c)));
  const from = sql.join(COLUMNS.map((c) => sql.ref(`reminders.${c}`)));
  if (withAt)
    await sql`insert into reminders_new (${columns}, cutoff_at) select ${from}, cutoffs.at from reminders join cutoffs on cutoffs.id = reminders.cutoff_id`.execute(
      db,
    );
  else await sql`insert into reminders_new (${columns}) select ${from} from reminders`.execute(db);
  // Ids are never reused (a reminder's job id contains its id): carry the counter over.
  await sql`delete from sqlite_sequence where name = 'reminders_new'`.execute(db);
  await sql`insert into sqlite_sequence (name, seq) select 'reminders_new', seq from sqlite_sequence where name = 'reminders'`.execute(
    db,
  );
  await db.schema.dropTable("reminders").execute();
  await sql`alter table reminders_new rename to reminders`.execute(db);
}
