import { type Kysely, sql } from "kysely";

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
 * once (see `migrateToLatest`). Like every migration it imports no app code: the rule it
 * applies ({@link widenedScope}) is a frozen copy, below, of db/scope-headings.ts's as it was
 * written, so a stored scope means what `/cutoff add` and the importer made it mean then; the
 * reads and writes are this migration's own SQL on the tables as they are at this point.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await widenCutoffsAheadOf(db, new Date().toISOString());
}

/**
 * Undoes {@link up}: each cut-off this migration widened gets the list it stored before, while
 * it still holds the list this migration wrote, and that change's audit entry goes. A cut-off
 * changed since is left as it is, and so is the entry, which the history after it builds on.
 * Reminders are not touched: those planned for the sub-tasks' institutions stay until the next
 * re-plan (`serve`'s start, or `/cutoff plan <id>`), which drops the ones a narrowed scope no
 * longer asks for.
 */
export async function down(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ id: number; entity_key: string; before: string; after: string }>`
    select id, entity_key, before, after from audit_log
    where actor = ${ACTOR} and entity = 'cutoff' and field = 'task_numbers' order by id desc`.execute(
    db,
  );
  for (const r of rows) {
    const restored = await sql`update cutoffs set task_numbers = ${r.before}
      where id = ${Number(r.entity_key)} and task_numbers = ${r.after}`.execute(db);
    if (Number(restored.numAffectedRows ?? 0) === 0) continue;
    await sql`delete from audit_log where id = ${r.id}`.execute(db);
  }
}

/** The audit log's actor for this migration's changes. */
export const ACTOR = "migration:2026_12_05_090000_expand_cutoff_headings";

/**
 * {@link up}'s work at the instant `now` (UTC ISO; `up` passes the wall clock, tests a fixed
 * one): widens every live cut-off with `at` after `now` whose list names a heading of its
 * programme now (`widenedScope`), compare-and-set (still live, still after `now`, still the
 * list read, as db/scope-ahead.ts's `widenCutoffsAhead` writes), audited at `now`. Returns the
 * ids widened, in order of id.
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
    // Compare and set, on all the select checked: a cut-off removed, moved to before `now` or
    // re-scoped by a change committed since (PostgreSQL runs others meanwhile) is left to it.
    const updated = await sql`update cutoffs set task_numbers = ${after}
      where id = ${c.id} and task_numbers = ${c.task_numbers}
        and removed_at is null and at > ${now}`.execute(db);
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
    status: r.status,
  }));
}

// Frozen copy of the rule, below. Migrations never import app code (STYLE.md, Store): one must
// do what it did when it was written, whatever the app's modules become, and must not break
// when they move. So the two functions of db/scope-headings.ts it applies are copied here,
// verbatim but for the types (a status is any text here; the app's TaskStatus is app code).
// Do not make them follow the app: change the app's rule, never this copy.

/** A heading and the sub-tasks it stands for (frozen copy of db/scope-headings.ts's type). */
interface HeadingExpansion {
  heading: string;
  subTasks: string[];
}

/** A task as the frozen rule reads it (frozen copy of db/scope-headings.ts's `OutlineTask`). */
interface OutlineTask {
  number: string;
  parentNumber: string | null;
  status: string | null;
}

/**
 * Frozen copy of `expandHeadingNumbers` in db/scope-headings.ts as of the commit that inlined
 * it here (the same as c3c7239's, which added this migration): copied, not imported, because a
 * migration never imports app code and must keep doing what it did as the app changes.
 * A heading (a task with sub-tasks and no status of its own) stands for every reported
 * sub-task under it, a sub-heading in turn for its own; other numbers are kept. `tasks`: the
 * programme's tasks in the report's order; `wanted`: numbers that exist among them. Returns
 * the numbers in the report's order without repeats, and each heading expanded. Pure.
 */
function expandHeadingNumbers(
  tasks: readonly OutlineTask[],
  wanted: readonly string[],
): { numbers: string[]; expanded: HeadingExpansion[] } {
  const children = new Map<string, string[]>();
  for (const t of tasks) {
    if (t.parentNumber === null) continue;
    const list = children.get(t.parentNumber) ?? [];
    list.push(t.number);
    children.set(t.parentNumber, list);
  }
  const statusOf = new Map(tasks.map((t) => [t.number, t.status]));
  const isHeading = (n: string) => statusOf.get(n) === null && children.has(n);
  const reported = (n: string): string[] =>
    isHeading(n) ? (children.get(n) ?? []).flatMap(reported) : [n];
  const chosen = new Set<string>();
  const expanded: HeadingExpansion[] = [];
  const order = new Map(tasks.map((t, i) => [t.number, i]));
  const byOrder = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  for (const n of [...wanted].sort(byOrder)) {
    const subTasks = reported(n);
    if (isHeading(n)) expanded.push({ heading: n, subTasks: [...subTasks].sort(byOrder) });
    for (const s of subTasks) chosen.add(s);
  }
  return { numbers: [...chosen].sort(byOrder), expanded };
}

/**
 * Frozen copy of `widenedScope` in db/scope-headings.ts as of the commit that inlined it here
 * (the same as c3c7239's), for the reason {@link expandHeadingNumbers} gives. `stored` with
 * every number that is a heading now replaced by its sub-tasks; numbers the programme no
 * longer has are kept as stored, after the others. Returns null when no stored number is a
 * heading, so a scope that needs nothing is never rewritten (its order either). Pure.
 */
function widenedScope(
  tasks: readonly OutlineTask[],
  stored: readonly string[],
): { numbers: string[]; expanded: HeadingExpansion[] } | null {
  const known = new Set(tasks.map((t) => t.number));
  const outline = expandHeadingNumbers(
    tasks,
    stored.filter((n) => known.has(n)),
  );
  if (outline.expanded.length === 0) return null;
  const gone = [...new Set(stored.filter((n) => !known.has(n)))];
  return { numbers: [...outline.numbers, ...gone], expanded: outline.expanded };
}
