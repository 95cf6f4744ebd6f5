import type {
  InstitutionRole,
  Recurrence,
  Section,
  TaskDetail,
  TaskInstitution,
  TaskStatus,
  TaskSummary,
} from "../src/domain/types.ts";
import type { Db } from "./client.ts";
import { compiled, objectList } from "./compiled.ts";
import type { TasksTable } from "./schema.ts";
import { hasChildren } from "./scope.ts";

type TaskRow = Omit<TasksTable, "id"> & { id: number };

/** The columns {@link toSummary} reads. */
const SUMMARY_COLUMNS = [
  "number",
  "parent_number",
  "section",
  "title",
  "deadline_text",
  "due_date",
  "recurrence",
  "status",
] as const;

function toSummary(row: Pick<TaskRow, (typeof SUMMARY_COLUMNS)[number]>): TaskSummary {
  return {
    number: row.number,
    parent: row.parent_number,
    section: row.section as Section,
    title: row.title,
    deadline: {
      text: row.deadline_text,
      due: row.due_date,
      recurrence: row.recurrence as Recurrence | null,
    },
    status: row.status as TaskStatus | null,
  };
}

/** Every task of a programme in the report's order. */
export async function listTasks(db: Db, programmeId: number): Promise<TaskSummary[]> {
  const rows = await db
    .selectFrom("tasks")
    .selectAll()
    .where("programme_id", "=", programmeId)
    .orderBy("position")
    .execute();
  return rows.map(toSummary);
}

/** Every task number of a programme in the report's order (for "did you mean"). */
export async function listTaskNumbers(db: Db, programmeId: number): Promise<string[]> {
  const rows = await db
    .selectFrom("tasks")
    .select("number")
    .where("programme_id", "=", programmeId)
    .orderBy("position")
    .execute();
  return rows.map((r) => r.number);
}

/** A task as {@link findTaskDetail} reads it: the detail plus the store's ids it refers to. */
export interface StoredTaskDetail extends TaskDetail {
  taskId: number;
  programmeId: number;
  /** `channelId`: the institution's Slack channel for reminders, or null (none set). */
  institutions: Array<
    TaskDetail["institutions"][number] & { institutionId: number; channelId: string | null }
  >;
}

/**
 * One task with its institutions (printed order, names), direct sub-tasks and every task under
 * it (`descendants`, for a heading's status roll-up), or undefined.
 * Indexed lookups whatever the programme's size: two for a task without sub-tasks (the task's
 * row says whether it has any), one more for a heading, and one more for each task under it
 * that has sub-tasks of its own (see `descendantsOf`).
 */
export async function findTaskDetail(
  db: Db,
  programmeId: number,
  number: string,
): Promise<StoredTaskDetail | undefined> {
  const row = (await taskWithProgramme(db, programmeId, number))[0];
  if (!row) return undefined;
  const [institutions, below] = await Promise.all([
    institutionsOfTask(db, row.id),
    // Most tasks have none: one statement fewer (each costs a few µs of SQLite in `serve`).
    row.has_children ? descendantsOf(db, programmeId, number) : [],
  ]);
  // The lists are `objectList`s (see compiled.ts): one hidden class whether empty or not, so
  // the code reading them is not optimised again when the other kind of task comes.
  // In the report's order, sorted here: SQLite's ORDER BY built a sorter of its own for the few
  // rows. Positions are distinct within a programme.
  const descendants = objectList<TaskSummary>();
  for (const b of below.sort(byPosition)) descendants.push(toSummary(b));
  const children = objectList<TaskSummary>();
  for (const d of descendants) if (d.parent === row.number) children.push(d);
  // In printed order, sorted here: SQLite's ORDER BY built a sorter of its own for the few
  // rows (~2 µs of each `/task N` in serve). Positions are distinct within a task.
  const shown = objectList<StoredTaskDetail["institutions"][number]>();
  for (const i of institutions.sort(byPosition))
    shown.push({
      code: i.code,
      name: i.name,
      role: i.role as InstitutionRole,
      institutionId: i.id,
      channelId: i.slack_channel_id,
    });
  // Written out, not `...toSummary(row)`: adding fields to a spread copy went through V8's
  // runtime on every call (seen in CPU profiles of `/task N` with no answer reused).
  const summary = toSummary(row);
  return {
    number: summary.number,
    parent: summary.parent,
    section: summary.section,
    title: summary.title,
    deadline: summary.deadline,
    status: summary.status,
    taskId: row.id,
    programmeId,
    programme: { code: row.programme_code, title: row.programme_title },
    institutions: shown,
    indicator: row.indicator,
    progress: row.progress,
    children,
    descendants,
    updatedAt: row.updated_at,
  };
}

function byPosition(a: { position: number }, b: { position: number }): number {
  return a.position - b.position;
}

// The look-ups of `/task N`, compiled once (see compiled.ts). `has_children`: whether
// `childrenOf` would find any (the same condition; 1/0 on SQLite, true/false on PostgreSQL).
const taskWithProgramme = compiled((db, programmeId: number, number: string) =>
  db
    .selectFrom("tasks")
    .innerJoin("programmes", "programmes.id", "tasks.programme_id")
    .selectAll("tasks")
    .select(["programmes.code as programme_code", "programmes.title as programme_title"])
    .select(hasChildren)
    .where("tasks.programme_id", "=", programmeId)
    .where("tasks.number", "=", number),
);
const institutionsOfTask = compiled((db, taskId: number) =>
  db
    .selectFrom("task_institutions")
    .innerJoin("institutions", "institutions.id", "task_institutions.institution_id")
    .select([
      "institutions.id",
      "institutions.code",
      "institutions.name",
      "task_institutions.role",
      "task_institutions.position",
      "institutions.slack_channel_id",
    ])
    .where("task_institutions.task_id", "=", taskId),
);
/**
 * Every task under task `number` (a heading's roll-up counts its sub-tasks' own), in no
 * particular order: walked down the tree by `parent_number`, one indexed statement per task
 * found to have sub-tasks (`has_children`, as the task's own row says it), so the usual
 * heading, whose sub-tasks have none of their own, costs one statement. Each task is taken once
 * (`seen`): a parent loop in imported data ends instead of being walked for ever, and the
 * result is the set the recursive `UNION` it replaces gave (which cost ~20 µs a heading of
 * four sub-tasks in SQLite, mostly its de-duplication, against ~5 µs for this; measured on the
 * bench's 10,000-row store). Never `number LIKE 'N.%'`: SQLite's LIKE optimisation needs a
 * NOCASE index or case_sensitive_like, so that read the whole programme (10,000 rows made
 * `/task` with no answer reused 3× slower).
 */
async function descendantsOf(db: Db, programmeId: number, number: string): Promise<BelowRow[]> {
  const out: BelowRow[] = [];
  const seen = new Set<string>();
  let parents = [number];
  while (parents.length > 0) {
    const next: string[] = [];
    for (const parent of parents) {
      for (const row of await childrenOf(db, programmeId, parent)) {
        if (seen.has(row.number)) continue;
        seen.add(row.number);
        out.push(row);
        if (row.has_children) next.push(row.number);
      }
    }
    parents = next;
  }
  return out;
}

type BelowRow = Pick<TaskRow, (typeof SUMMARY_COLUMNS)[number] | "position"> & {
  has_children: unknown;
};

// A task's direct sub-tasks, on the index tasks(programme_id, parent_number), each with whether
// it has sub-tasks of its own (the same test as `taskWithProgramme`'s). Only what a summary
// shows: a sub-task's narratives can run to thousands of characters.
const childrenOf = compiled((db, programmeId: number, number: string) =>
  db
    .selectFrom("tasks")
    .select([...SUMMARY_COLUMNS, "position"])
    .select(hasChildren)
    .where("tasks.programme_id", "=", programmeId)
    .where("tasks.parent_number", "=", number),
);

/** Tasks of a programme in which the institution takes part, with its role, in report order. */
export async function listTasksOfInstitution(
  db: Db,
  programmeId: number,
  institutionId: number,
): Promise<Array<TaskSummary & { role: InstitutionRole }>> {
  const rows = await db
    .selectFrom("tasks")
    .innerJoin("task_institutions", "task_institutions.task_id", "tasks.id")
    .selectAll("tasks")
    .select("task_institutions.role")
    .where("tasks.programme_id", "=", programmeId)
    .where("task_institutions.institution_id", "=", institutionId)
    .orderBy("tasks.position")
    .execute();
  return rows.map((r) => ({ ...toSummary(r), role: r.role as InstitutionRole }));
}

/** A stored task's columns as the importer compares them. */
export interface StoredTask {
  id: number;
  row: TaskRow;
  institutions: TaskInstitution[];
}

/** Every stored task of a programme with its institution codes, keyed by number. */
export async function loadTasksForImport(
  db: Db,
  programmeId: number,
): Promise<Map<string, StoredTask>> {
  const rows = await db
    .selectFrom("tasks")
    .selectAll()
    .where("programme_id", "=", programmeId)
    .execute();
  const links = await db
    .selectFrom("task_institutions")
    .innerJoin("tasks", "tasks.id", "task_institutions.task_id")
    .innerJoin("institutions", "institutions.id", "task_institutions.institution_id")
    .select(["task_institutions.task_id", "institutions.code", "task_institutions.role"])
    .where("tasks.programme_id", "=", programmeId)
    .orderBy("task_institutions.position")
    .execute();
  const byTask = new Map<number, TaskInstitution[]>();
  for (const l of links) {
    const list = byTask.get(l.task_id) ?? [];
    list.push({ code: l.code, role: l.role as InstitutionRole });
    byTask.set(l.task_id, list);
  }
  return new Map(
    rows.map((r) => [r.number, { id: r.id, row: r, institutions: byTask.get(r.id) ?? [] }]),
  );
}

/** Columns the importer writes. */
export type TaskValues = Omit<TasksTable, "id">;

/** Inserts a task; returns its id. */
export async function insertTask(db: Db, values: TaskValues): Promise<number> {
  const row = await db.insertInto("tasks").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** Updates some columns of a task. */
export async function updateTask(db: Db, id: number, values: Partial<TaskValues>): Promise<void> {
  await db.updateTable("tasks").set(values).where("id", "=", id).execute();
}

/** Replaces a task's institution links (in printed order; ids already resolved). */
export async function replaceTaskInstitutions(
  db: Db,
  taskId: number,
  links: Array<{ institutionId: number; role: InstitutionRole }>,
): Promise<void> {
  await db.deleteFrom("task_institutions").where("task_id", "=", taskId).execute();
  if (links.length === 0) return;
  await db
    .insertInto("task_institutions")
    .values(
      links.map((l, position) => ({
        task_id: taskId,
        institution_id: l.institutionId,
        role: l.role,
        position,
      })),
    )
    .execute();
}
