import type { ExpressionBuilder } from "kysely";
import { inScope } from "../src/domain/scope.ts";
import type { Deadline, InstitutionRole, Recurrence, TaskStatus } from "../src/domain/types.ts";
import type { Db } from "./client.ts";
import { compiled } from "./compiled.ts";
import type { Database } from "./schema.ts";
import { expandHeadingNumbers, type HeadingExpansion, type OutlineTask } from "./scope-headings.ts";

/**
 * Selects `has_children`: whether any task of the same programme has this task as parent
 * (indexed; 1/0 on SQLite, true/false on PostgreSQL). Also `/task N`'s (db/tasks.ts).
 */
export function hasChildren(eb: ExpressionBuilder<Database, "tasks">) {
  return eb
    .exists(
      eb
        .selectFrom("tasks as child")
        .select("child.id")
        .whereRef("child.programme_id", "=", "tasks.programme_id")
        .whereRef("child.parent_number", "=", "tasks.number"),
    )
    .as("has_children");
}

/** A task in a cut-off's scope with the institutions that report on it. */
export interface ScopedTask {
  taskId: number;
  number: string;
  title: string;
  deadline: Deadline;
  status: TaskStatus | null;
  institutions: Array<{ institutionId: number; code: string; role: InstitutionRole }>;
}

/**
 * The tasks a cut-off asks about (see `inScope`: explicit numbers, or every task not done plus
 * recurring/annual ones), in the report's order, each with its institutions in printed order.
 */
export async function scopeOfCutoff(
  db: Db,
  cutoff: { programmeId: number; taskNumbers: string[] | null },
): Promise<ScopedTask[]> {
  const tasks = await db
    .selectFrom("tasks")
    .select([
      "id",
      "number",
      "parent_number",
      "title",
      "deadline_text",
      "due_date",
      "recurrence",
      "status",
    ])
    .where("programme_id", "=", cutoff.programmeId)
    .orderBy("position")
    .execute();
  const parents = new Set(tasks.map((t) => t.parent_number).filter((p): p is string => p !== null));
  // An explicit list is a set look-up per task (inScope's `includes` would cost tasks × list).
  const wanted = cutoff.taskNumbers ? new Set(cutoff.taskNumbers) : null;
  const scoped = tasks.filter((t) =>
    wanted
      ? wanted.has(t.number)
      : inScope(
          {
            number: t.number,
            status: t.status as TaskStatus | null,
            recurrence: t.recurrence as Recurrence | null,
            hasChildren: parents.has(t.number),
          },
          cutoff.taskNumbers,
        ),
  );
  if (scoped.length === 0) return [];
  const links = await db
    .selectFrom("task_institutions")
    .innerJoin("institutions", "institutions.id", "task_institutions.institution_id")
    .select([
      "task_institutions.task_id",
      "institutions.id",
      "institutions.code",
      "task_institutions.role",
    ])
    .where(
      "task_institutions.task_id",
      "in",
      scoped.map((t) => t.id),
    )
    .orderBy("task_institutions.position")
    .execute();
  // Grouped once: filtering the links per task would cost tasks × links (10,000² for a big programme).
  const byTask = new Map<number, ScopedTask["institutions"]>();
  for (const l of links) {
    const list = byTask.get(l.task_id) ?? [];
    list.push({ institutionId: l.id, code: l.code, role: l.role as InstitutionRole });
    byTask.set(l.task_id, list);
  }
  return scoped.map((t) => ({
    taskId: t.id,
    number: t.number,
    title: t.title,
    deadline: {
      text: t.deadline_text,
      due: t.due_date,
      recurrence: t.recurrence as Recurrence | null,
    },
    status: t.status as TaskStatus | null,
    institutions: byTask.get(t.id) ?? [],
  }));
}

/** The scope grouped by institution id: the tasks each institution reports on. */
export function tasksByInstitution(scope: ScopedTask[]): Map<number, ScopedTask[]> {
  const byInstitution = new Map<number, ScopedTask[]>();
  for (const task of scope) {
    for (const inst of task.institutions) {
      const list = byInstitution.get(inst.institutionId) ?? [];
      list.push(task);
      byInstitution.set(inst.institutionId, list);
    }
  }
  return byInstitution;
}

/** A task in a cut-off's scope as one institution reports on it: the task and that institution's role. */
export type InstitutionTask = Omit<ScopedTask, "institutions"> & { role: InstitutionRole };

/**
 * One institution's tasks in a cut-off's scope, as {@link scopeOfCutoff} lists them (same
 * order, same headings and explicit-number rules) but without the other institutions: one
 * indexed query (the institution's links, each task by id, an index probe for sub-tasks), so
 * its cost follows the institution's tasks, not the programme's size or the number of
 * institutions.
 */
export async function institutionScope(
  db: Db,
  cutoff: { programmeId: number; taskNumbers: string[] | null },
  institutionId: number,
): Promise<InstitutionTask[]> {
  const rows = await linkedTasks(db, institutionId, cutoff.programmeId);
  const wanted = cutoff.taskNumbers ? new Set(cutoff.taskNumbers) : null;
  const out: InstitutionTask[] = [];
  for (const t of rows) {
    const status = t.status as TaskStatus | null;
    const recurrence = t.recurrence as Recurrence | null;
    const scoped = wanted
      ? wanted.has(t.number)
      : // SQLite answers 0/1, PostgreSQL false/true.
        inScope(
          { number: t.number, status, recurrence, hasChildren: Boolean(t.has_children) },
          null,
        );
    if (!scoped) continue;
    out.push({
      taskId: t.id,
      number: t.number,
      title: t.title,
      deadline: { text: t.deadline_text, due: t.due_date, recurrence },
      status,
      role: t.role as InstitutionRole,
    });
  }
  return out;
}

// CROSS JOIN keeps the institution's links as SQLite's outer loop (SQLite does not reorder
// it: https://www.sqlite.org/optoverview.html#crossjoin); an inner join let it scan the
// programme's tasks instead. PostgreSQL plans it as the inner join it is. Read for every
// reminder sent: compiled once (see `compiled`).
const linkedTasks = compiled((db, institutionId: number, programmeId: number) =>
  db
    .selectFrom("task_institutions")
    .crossJoin("tasks")
    .whereRef("tasks.id", "=", "task_institutions.task_id")
    .select([
      "tasks.id",
      "tasks.number",
      "tasks.title",
      "tasks.deadline_text",
      "tasks.due_date",
      "tasks.recurrence",
      "tasks.status",
      "task_institutions.role",
      hasChildren,
    ])
    .where("task_institutions.institution_id", "=", institutionId)
    .where("tasks.programme_id", "=", programmeId)
    .orderBy("tasks.position"),
);

// The pure rule lives in scope-headings.ts (no store, no app imports), shared with
// scope-ahead.ts; re-exported for the callers that read it here.
export {
  expandHeadingNumbers,
  expansionLines,
  type HeadingExpansion,
  type OutlineTask,
} from "./scope-headings.ts";

/**
 * {@link expandHeadingNumbers} on the programme's tasks as stored (`/cutoff add --tasks`, the
 * CLI's `cutoff add --tasks` too). `wanted` must name tasks of the programme.
 */
export async function expandHeadings(
  db: Db,
  programmeId: number,
  wanted: readonly string[],
): Promise<{ numbers: string[]; expanded: HeadingExpansion[] }> {
  return expandHeadingNumbers(await programmeOutline(db, programmeId), wanted);
}

/**
 * Programme `programmeId`'s tasks as the heading rule reads them ({@link OutlineTask}), in the
 * report's order (`position`); empty for a programme with no tasks. Read by
 * {@link expandHeadings} and by a re-import widening cut-offs ahead (db/scope-ahead.ts).
 */
export async function programmeOutline(db: Db, programmeId: number): Promise<OutlineTask[]> {
  const rows = await db
    .selectFrom("tasks")
    .select(["number", "parent_number", "status"])
    .where("programme_id", "=", programmeId)
    .orderBy("position")
    .execute();
  return rows.map((r) => ({
    number: r.number,
    parentNumber: r.parent_number,
    status: r.status as TaskStatus | null,
  }));
}
