import type { Db } from "../../db/client.ts";
import { replyCutoff } from "../../db/cutoffs.ts";
import { currentProgramme, listProgrammes, type Programme } from "../../db/programmes.ts";
import { listNamedReplies } from "../../db/replies.ts";
import { scopeOfCutoff } from "../../db/scope.ts";
import { sectionTitlesOf } from "../../db/sections.ts";
import { loadTasksForImport, type StoredTask } from "../../db/tasks.ts";
import type { Section, TaskStatus } from "../domain/types.ts";
import type { MessageNames } from "../slack/message-text.ts";
import {
  type Claim,
  latestClaim,
  type ProgressCell,
  progressOf,
  type TaskReplies,
} from "./progress.ts";

/** A section's group row: its numeral and title ("I", "Datu apkopošana, pētnieciskais darbs"). */
export interface AnnexSectionRow {
  kind: "section";
  section: Section;
  title: string | null;
}

/** A task's row in the annex, with everything every format prints. */
export interface AnnexTaskRow {
  kind: "task";
  number: string;
  /** The number cell as printed ("15. 14."). */
  printed: string;
  parent: string | null;
  section: Section;
  title: string;
  /** The deadline as printed ("2010.gads", "regulāri", "30.06.2027."; "" for headings). */
  deadline: string;
  progress: ProgressCell;
  /** Institution codes, the responsible one first. */
  institutions: string[];
  /** The stored result indicator and status (as imported or set). */
  indicator: string | null;
  status: TaskStatus | null;
  /** The latest status claim of the cut-off's replies, or null (see `effectiveStatus`). */
  claim: Claim | null;
}

/** The annex of one programme, for one cut-off or as stored. */
export interface AnnexModel {
  programme: Programme;
  /**
   * The cut-off whose replies fill the progress column; null = the stored progress. `removed`:
   * the secretary removed it (`/cutoff remove` keeps its replies, so its annex can still be made);
   * `removedAt`: when (UTC ISO), set with `removed`.
   */
  cutoff: { id: number; title: string; at: string; removed?: boolean; removedAt?: string } | null;
  includeUnverified: boolean;
  /** Section rows and task rows in the report's order. */
  rows: Array<AnnexSectionRow | AnnexTaskRow>;
  /**
   * Names of the people (and channels) the replies mention (`<@U…>`), by ID, for reading their
   * text (`slackPlainText`); unset or without an ID, a mention reads as its label or its ID.
   */
  names?: MessageNames;
}

/** The user IDs the replies in the annex mention (`<@U…>`), each once, in order. */
export function annexMentionedUsers(model: AnnexModel): string[] {
  const ids: string[] = [];
  for (const row of model.rows) {
    if (row.kind !== "task" || row.progress.kind !== "replies") continue;
    for (const inst of row.progress.institutions)
      for (const reply of inst.replies)
        for (const m of reply.text.matchAll(/<@([UWB][A-Z0-9]+)(?:\|[^<>]*)?>/g))
          if (m[1]) ids.push(m[1]);
  }
  return [...new Set(ids)];
}

/** What to export: a cut-off's replies (or none), and whether unverified replies count. */
export interface AnnexOptions {
  cutoffId?: number;
  includeUnverified?: boolean;
}

/** Why an annex could not be built. */
export type AnnexProblem = { problem: "no_programme" } | { problem: "no_cutoff"; id: number };

/**
 * Builds the annex from the store: the cut-off's programme (or the current one), its tasks in
 * the report's order under their sections. With a cut-off, each task in its scope gets its
 * progress from the replies collected for it (see `progressOf`) and its status and indicator
 * from the latest status claim; the other tasks keep what the store has. A removed cut-off
 * (soft-deleted: `removed_at` set, its replies kept) is exported as any other, marked removed;
 * only an id no cut-off ever had is "no_cutoff".
 */
export async function buildAnnex(db: Db, opts: AnnexOptions): Promise<AnnexModel | AnnexProblem> {
  const found = opts.cutoffId === undefined ? null : await replyCutoff(db, opts.cutoffId);
  if (found === undefined) return { problem: "no_cutoff", id: opts.cutoffId ?? 0 };
  const cutoff = found?.cutoff ?? null;
  const programme = cutoff
    ? (await listProgrammes(db)).find((p) => p.id === cutoff.programmeId)
    : await currentProgramme(db);
  if (!programme) return { problem: "no_programme" };
  const includeUnverified = opts.includeUnverified ?? false;
  const tasks = [...(await loadTasksForImport(db, programme.id)).values()].sort(
    (a, b) => a.row.position - b.row.position,
  );
  const replies = cutoff ? await repliesByTask(db, cutoff, includeUnverified) : null;
  const titles = await sectionTitlesOf(db, programme.id);
  const rows: AnnexModel["rows"] = [];
  const numbers = tasks.map((t) => t.row.number);
  for (const task of tasks) {
    const section = task.row.section as Section;
    if (rows.at(-1)?.section !== section)
      rows.push({ kind: "section", section, title: titles[section] ?? null });
    rows.push(taskRow(task, replies?.get(task.row.number), numbers, cutoff));
  }
  return {
    programme: { id: programme.id, code: programme.code, title: programme.title },
    cutoff: cutoff
      ? {
          id: cutoff.id,
          title: cutoff.title,
          at: cutoff.at,
          ...(found?.removedAt ? { removed: true, removedAt: found.removedAt } : {}),
        }
      : null,
    includeUnverified,
    rows,
  };
}

function taskRow(
  task: StoredTask,
  replies: TaskReplies | undefined,
  taskNumbers: readonly string[],
  cutoff: { id: number; at: string } | null,
): AnnexTaskRow {
  const r = task.row;
  return {
    kind: "task",
    number: r.number,
    printed: r.printed_number ?? `${r.number}.`,
    parent: r.parent_number,
    section: r.section as Section,
    title: r.title,
    deadline: r.deadline_text,
    progress:
      replies && cutoff
        ? progressOf(replies, taskNumbers, cutoff)
        : { kind: "stored", text: r.progress },
    institutions: task.institutions.map((i) => i.code),
    indicator: r.indicator,
    status: r.status as TaskStatus | null,
    claim: replies ? latestClaim(replies) : null,
  };
}

/**
 * The replies of a cut-off per task number, for the tasks in its scope: each task's expected
 * institutions (printed order) and its active replies, oldest first. Unverified replies are
 * kept apart unless `includeUnverified`.
 */
async function repliesByTask(
  db: Db,
  cutoff: { id: number; programmeId: number; taskNumbers: string[] | null },
  includeUnverified: boolean,
): Promise<Map<string, TaskReplies>> {
  const scope = await scopeOfCutoff(db, cutoff);
  const replies = (await listNamedReplies(db, cutoff.id)).filter((r) => r.withdrawnAt === null);
  const out = new Map<string, TaskReplies>();
  for (const task of scope) {
    const mine = replies.filter((r) => r.taskNumber === task.number);
    out.set(task.number, {
      expected: task.institutions.map((i) => i.code),
      included: mine.filter((r) => includeUnverified || r.verified),
      leftOut: mine.filter((r) => !includeUnverified && !r.verified),
    });
  }
  return out;
}
