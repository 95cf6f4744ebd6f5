import { type Kysely, sql } from "kysely";
import { type OutlineTask, widenedScope } from "../scope-headings.ts";

/**
 * Cut-offs still ahead that name a heading get its sub-tasks instead, as `/cutoff add --tasks`
 * stores them since it learnt to (a heading — the report's row 13 over 13.1–13.4 — has no
 * institutions, so a cut-off stored naming it, before that or by a path that did not expand,
 * reminded nobody about its sub-tasks). Only live cut-offs whose instant is after the moment
 * the migration runs: a passed one keeps the scope it was reminded and answered under, so its
 * history, response rate and overdue reminders stay what happened (expanding those too, at
 * read time, is what d095f7e did and 98e5018 reverted). Each change is audited (entity
 * `cutoff`, field `task_numbers`, before → after, actor {@link ACTOR}). The reminders of the
 * widened cut-offs are planned by the app's re-plan from the store, which `serve` runs at
 * every start after migrating (a CLI run's change waits for that start or the next re-plan).
 *
 * Runs inside the migration's transaction, so several processes starting at once apply it
 * once (see `migrateToLatest`). Unlike the other migrations it imports one module of the app:
 * the pure rule db/scope-headings.ts (no store access, no imports but types), so a stored
 * scope means what `/cutoff add` and the importer make it mean; the reads and writes here are
 * this migration's own SQL on the tables as they are at this point.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await widenCutoffsAheadOf(db, new Date().toISOString());
}

/**
 * Undoes {@link up}: each cut-off this migration widened gets the list it stored before, while
 * it still holds the list this migration wrote (one changed since is left as it is), and the
 * migration's audit entries go.
 */
export async function down(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ id: number; entity_key: string; before: string; after: string }>`
    select id, entity_key, before, after from audit_log
    where actor = ${ACTOR} and entity = 'cutoff' and field = 'task_numbers' order by id desc`.execute(
    db,
  );
  for (const r of rows) {
    await sql`update cutoffs set task_numbers = ${r.before}
      where id = ${Number(r.entity_key)} and task_numbers = ${r.after}`.execute(db);
    await sql`delete from audit_log where id = ${r.id}`.execute(db);
  }
}

/** The audit log's actor for this migration's changes. */
export const ACTOR = "migration:2026_12_05_090000_expand_cutoff_headings";

/**
 * {@link up}'s work at the instant `now` (UTC ISO; `up` passes the wall clock, tests a fixed
 * one): widens every live cut-off with `at` after `now` whose list names a heading of its
 * programme now (`widenedScope`), compare-and-set, audited at `now`. Returns the ids widened,
 * in order of id.
 */
export async function widenCutoffsAheadOf(db: Kysely<unknown>, now: string): Promise<number[]> {
  const { rows: cutoffs } = await sql<{ id: number; programme_id: number; task_numbers: string }>`
    select id, programme_id, task_numbers from cutoffs
    where removed_at is null and task_numbers is not null and at > ${now}
    order by id`.execute(db);
  const outlines = new Map<number, OutlineTask[]>();
  const widened: number[] = [];
  for (const c of cutoffs) {
    const programme = Number(c.programme_id);
    let tasks = outlines.get(programme);
    if (!tasks) {
      tasks = await outlineOf(db, programme);
      outlines.set(programme, tasks);
    }
    const before = JSON.parse(c.task_numbers) as string[];
    const scope = widenedScope(tasks, before);
    if (!scope) continue;
    const after = JSON.stringify(scope.numbers);
    const updated = await sql`update cutoffs set task_numbers = ${after}
      where id = ${c.id} and task_numbers = ${c.task_numbers}`.execute(db);
    if (Number(updated.numAffectedRows ?? 0) === 0) continue;
    await sql`insert into audit_log (at, actor, entity, entity_key, action, field, before, after)
      values (${now}, ${ACTOR}, 'cutoff', ${String(c.id)}, 'update', 'task_numbers',
        ${JSON.stringify(before)}, ${after})`.execute(db);
    widened.push(Number(c.id));
  }
  return widened;
}

/** A programme's tasks in the report's order, as the rule reads them. */
async function outlineOf(db: Kysely<unknown>, programmeId: number): Promise<OutlineTask[]> {
  const { rows } = await sql<{
    number: string;
    parent_number: string | null;
    status: string | null;
  }>`
    select number, parent_number, status from tasks where programme_id = ${programmeId}
    order by position`.execute(db);
  return rows.map((r) => ({
    number: r.number,
    parentNumber: r.parent_number,
    status: r.status as OutlineTask["status"],
  }));
}
