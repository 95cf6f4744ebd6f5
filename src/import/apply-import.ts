import { type AuditEntry, recordAudit } from "../../db/audit.ts";
import { type Db, lockForWrite } from "../../db/client.ts";
import { insertInstitution, listInstitutions, updateInstitution } from "../../db/institutions.ts";
import { findProgrammeByCode } from "../../db/programmes.ts";
import { widenCutoffsAhead } from "../../db/scope-ahead.ts";
import type { HeadingExpansion } from "../../db/scope-headings.ts";
import {
  insertTask,
  loadTasksForImport,
  replaceTaskInstitutions,
  type TaskValues,
  updateTask,
} from "../../db/tasks.ts";
import type { ImportedReport, ImportedTask, TaskInstitution } from "../domain/types.ts";
import { applySectionTitles, printedNumber } from "./apply-layout.ts";

/** What an import did (or, with `dryRun`, would do). Counts are rows. */
export interface ImportSummary {
  programme: string;
  institutions: { created: number; updated: number };
  tasks: { created: number; updated: number; unchanged: number };
  /** Task numbers in the store but not in the file: kept (replies may refer to them). */
  notInFile: string[];
  /**
   * Cut-offs still ahead (after the import's instant) whose scope named a task the file made a
   * heading (sub-tasks under it, no status of its own): that number now stands for its
   * sub-tasks in their scope, as `/cutoff add --tasks` stores a heading; each with the headings
   * expanded. Their reminders are to be re-planned. Passed cut-offs are never changed.
   */
  cutoffs: Array<{ id: number; expanded: HeadingExpansion[] }>;
  /** Audit entries written. */
  audited: number;
}

/** Who imports and when: `actor` goes to the audit log, `at` is a UTC ISO instant. */
export interface ImportContext {
  actor: string;
  at: string;
  source: string;
}

const COMPARED: Array<keyof TaskValues> = [
  "parent_number",
  "position",
  "section",
  "title",
  "deadline_text",
  "due_date",
  "recurrence",
  "status",
  "indicator",
  "progress",
  "printed_number",
];

/**
 * Writes a parsed report into the store in one transaction: the programme, its institutions
 * and tasks. Re-importing the same report changes nothing and writes no audit entry; a changed
 * report updates the changed columns and audits each one (before → after). A task it makes a
 * heading (sub-tasks under it, no status of its own) is replaced by its sub-tasks in the scope
 * of the programme's cut-offs still ahead of `ctx.at` (`widenCutoffsAhead`; audited, listed in
 * `cutoffs`; re-planning their reminders is the caller's), never in a passed one's.
 * @throws Error when a task names an institution the report does not define (nothing written).
 */
export async function applyImport(
  db: Db,
  report: ImportedReport,
  ctx: ImportContext,
): Promise<ImportSummary> {
  return db.transaction().execute(async (trx) => {
    // Two processes importing into an empty store at once take turns (the second changes nothing).
    await lockForWrite(trx, "import");
    return (await applyImportIn(trx, report, ctx)).summary;
  });
}

/**
 * {@link applyImport}'s work inside the caller's transaction `trx`; also returns the audit
 * entries it wrote (the changes), so a dry run can show them and roll back.
 * @throws Error as {@link applyImport}.
 */
export async function applyImportIn(
  trx: Db,
  report: ImportedReport,
  ctx: ImportContext,
): Promise<{ summary: ImportSummary; changes: AuditEntry[] }> {
  const audit: AuditEntry[] = [];
  const entry = (e: Omit<AuditEntry, "at" | "actor">) =>
    audit.push({ ...e, at: ctx.at, actor: ctx.actor });

  const programmeId = await upsertProgramme(trx, report, ctx, entry);
  const institutions = await upsertInstitutions(trx, report, ctx, entry);
  const stored = await loadTasksForImport(trx, programmeId);
  const summary: ImportSummary = {
    programme: report.programme.code,
    institutions: institutions.counts,
    tasks: { created: 0, updated: 0, unchanged: 0 },
    notInFile: [...stored.keys()].filter((n) => !report.tasks.some((t) => t.number === n)),
    cutoffs: [],
    audited: 0,
  };

  await applySectionTitles(trx, programmeId, report, entry);
  const order = mergedOrder(report, stored);
  for (const number of summary.notInFile) {
    const kept = stored.get(number);
    const position = order.get(number) ?? 0;
    if (!kept || kept.row.position === position) continue;
    await updateTask(trx, kept.id, { position, updated_at: ctx.at });
    entry({
      entity: "task",
      entityKey: `${report.programme.code}:${number}`,
      action: "update",
      field: "position",
      before: kept.row.position,
      after: position,
    });
  }
  for (const task of report.tasks) {
    const existing = stored.get(task.number);
    const position = order.get(task.number) ?? 0;
    const printed = printedNumber(report, task.number, existing?.row.printed_number ?? null);
    const values = taskValues(task, programmeId, position, ctx.at, printed);
    const links = task.institutions.map((i) => ({
      institutionId: resolveId(institutions.ids, i, task),
      role: i.role,
    }));
    if (!existing) {
      const id = await insertTask(trx, values);
      await replaceTaskInstitutions(trx, id, links);
      entry({
        entity: "task",
        entityKey: `${report.programme.code}:${task.number}`,
        action: "create",
        field: null,
        before: null,
        after: task,
      });
      summary.tasks.created++;
      continue;
    }
    const changed = COMPARED.filter((k) => existing.row[k] !== values[k]);
    const linksChanged = !sameInstitutions(existing.institutions, task.institutions);
    if (changed.length === 0 && !linksChanged) {
      summary.tasks.unchanged++;
      continue;
    }
    const patch: Partial<TaskValues> = { updated_at: ctx.at };
    for (const k of changed) {
      Object.assign(patch, { [k]: values[k] });
      entry({
        entity: "task",
        entityKey: `${report.programme.code}:${task.number}`,
        action: "update",
        field: k,
        before: existing.row[k],
        after: values[k],
      });
    }
    await updateTask(trx, existing.id, patch);
    if (linksChanged) {
      await replaceTaskInstitutions(trx, existing.id, links);
      entry({
        entity: "task",
        entityKey: `${report.programme.code}:${task.number}`,
        action: "update",
        field: "institutions",
        before: existing.institutions,
        after: task.institutions,
      });
    }
    summary.tasks.updated++;
  }
  // A task the file made a heading stands for its sub-tasks in the cut-offs still ahead.
  for (const w of await widenCutoffsAhead(trx, programmeId, ctx.at)) {
    entry({
      entity: "cutoff",
      entityKey: String(w.cutoffId),
      action: "update",
      field: "task_numbers",
      before: w.before,
      after: w.after,
    });
    summary.cutoffs.push({ id: w.cutoffId, expanded: w.expanded });
  }
  await recordAudit(trx, audit);
  summary.audited = audit.length;
  return { summary, changes: audit };
}

type Entry = (e: Omit<AuditEntry, "at" | "actor">) => void;

async function upsertProgramme(
  db: Db,
  report: ImportedReport,
  ctx: ImportContext,
  entry: Entry,
): Promise<number> {
  const existing = await findProgrammeByCode(db, report.programme.code);
  if (existing) {
    if (existing.title !== report.programme.title) {
      await db
        .updateTable("programmes")
        .set({ title: report.programme.title })
        .where("id", "=", existing.id)
        .execute();
      entry({
        entity: "programme",
        entityKey: existing.code,
        action: "update",
        field: "title",
        before: existing.title,
        after: report.programme.title,
      });
    }
    return existing.id;
  }
  const row = await db
    .insertInto("programmes")
    .values({
      code: report.programme.code,
      title: report.programme.title,
      source: ctx.source,
      created_at: ctx.at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  entry({
    entity: "programme",
    entityKey: report.programme.code,
    action: "create",
    field: null,
    before: null,
    after: report.programme,
  });
  return row.id;
}

async function upsertInstitutions(
  db: Db,
  report: ImportedReport,
  ctx: ImportContext,
  entry: Entry,
) {
  const existing = new Map((await listInstitutions(db)).map((i) => [i.code, i]));
  const ids = new Map<string, number>([...existing.values()].map((i) => [i.code, i.id]));
  const counts = { created: 0, updated: 0 };
  for (const inst of report.institutions) {
    const old = existing.get(inst.code);
    if (!old) {
      ids.set(inst.code, await insertInstitution(db, { ...inst, createdAt: ctx.at }));
      entry({
        entity: "institution",
        entityKey: inst.code,
        action: "create",
        field: null,
        before: null,
        after: inst,
      });
      counts.created++;
      continue;
    }
    const aliases = [...new Set([...old.aliases, ...inst.aliases])];
    if (old.name === inst.name && aliases.length === old.aliases.length) continue;
    await updateInstitution(db, old.id, { name: inst.name, aliases });
    entry({
      entity: "institution",
      entityKey: inst.code,
      action: "update",
      field: "name,aliases",
      before: { name: old.name, aliases: old.aliases },
      after: { name: inst.name, aliases },
    });
    counts.updated++;
  }
  return { ids, counts };
}

function taskValues(
  task: ImportedTask,
  programmeId: number,
  position: number,
  at: string,
  printed: string | null,
): TaskValues {
  return {
    programme_id: programmeId,
    number: task.number,
    parent_number: task.parent,
    position,
    section: task.section,
    title: task.title,
    deadline_text: task.deadline.text,
    due_date: task.deadline.due,
    recurrence: task.deadline.recurrence,
    status: task.status,
    indicator: task.indicator,
    progress: task.progress,
    updated_at: at,
    printed_number: printed,
  };
}

function resolveId(ids: Map<string, number>, link: TaskInstitution, task: ImportedTask): number {
  const id = ids.get(link.code);
  if (id === undefined)
    throw new Error(`task ${task.number}: institution ${link.code} is not defined by the report`);
  return id;
}

function sameInstitutions(a: TaskInstitution[], b: TaskInstitution[]): boolean {
  return a.length === b.length && a.every((x, i) => x.code === b[i]?.code && x.role === b[i]?.role);
}

/**
 * The programme's order (the annex's order) after importing `report`: the file's tasks in the
 * file's order, and each stored task the file does not list right after the stored task it
 * followed (or first, when none of those before it is in the file). So a full file sets the
 * order, and a partial one (a spreadsheet with a few rows) moves nothing: importing tasks
 * 2, 3 and 14 keeps 14 after 13. Positions are 0-based; returns the position of each number.
 */
function mergedOrder(
  report: ImportedReport,
  stored: Map<string, { row: { position: number } }>,
): Map<string, number> {
  const inFile = new Map(report.tasks.map((t, i) => [t.number, i]));
  const keyed: Array<[string, number]> = report.tasks.map((t, i) => [t.number, i]);
  let last = -0.5;
  const storedInOrder = [...stored.entries()].sort((a, b) => a[1].row.position - b[1].row.position);
  for (const [number] of storedInOrder) {
    const i = inFile.get(number);
    if (i !== undefined) last = i;
    else keyed.push([number, Math.floor(last) + 0.5]);
  }
  keyed.sort((a, b) => a[1] - b[1]);
  return new Map(keyed.map(([number], position) => [number, position]));
}
