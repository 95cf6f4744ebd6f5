/**
 * A heading's part of a reporting cut-off, rolled up from its sub-tasks, as `/task 13` shows it
 * when no cut-off holds the heading itself but one holds tasks under it (13 over 13.1–13.4: a
 * heading has no institutions of its own, so it is never in a scope; `inScope`): per sub-task in
 * the cut-off's scope, which of its institutions have answered it and which have not, by the
 * reminders' rule (`answeredTaskIds`). The sub-tasks' own `/task N` tell the rest (replies,
 * reminders), so this says only who has and has not answered.
 */
import type { DateTime } from "luxon";
import type { Db } from "../../db/client.ts";
import type { Cutoff } from "../../db/cutoffs.ts";
import { type SubtaskInstitution, subtaskAnswers } from "../../db/subtask-answers.ts";
import type { StoredTaskDetail } from "../../db/tasks.ts";
import { inScope } from "../domain/scope.ts";
import type { TaskSummary } from "../domain/types.ts";
import { answeredTaskIds } from "./reminded.ts";

/** A heading's roll-up of one cut-off (see the module comment). Times are UTC ISO. */
export interface HeadingCutoffStatus {
  /** `passed`: its time is not after now. */
  cutoff: { id: number; at: string; title: string; passed: boolean };
  /** The sub-tasks (at any depth) in the cut-off's scope, in the report's order. */
  subtasks: Array<{
    number: string;
    /** Codes (task order) of its institutions that have answered it for the cut-off. */
    answered: string[];
    /** Codes (task order) of those that have not (no verified reply). */
    waiting: string[];
  }>;
}

/**
 * The roll-up for `task` (as `findTaskDetail` read it, with its `descendants`): the first of
 * `cutoffs` (as `cutoffsShownAt` orders them) of its programme whose scope holds a task under
 * it, or null when the task has none under it, or none is held. Call it only when no cut-off
 * holds `task` itself (`taskCutoffStatus` is null): that one is shown instead. One indexed
 * statement per parent of the sub-tasks in scope (one parent for the usual heading; see
 * `subtaskAnswers`); none when no cut-off holds any of them.
 */
export async function headingCutoffStatus(
  db: Db,
  task: StoredTaskDetail,
  cutoffs: readonly Cutoff[],
  now: DateTime,
): Promise<HeadingCutoffStatus | null> {
  if (task.descendants.length === 0) return null;
  const parents = new Set<string>();
  for (const d of task.descendants) if (d.parent !== null) parents.add(d.parent);
  for (const c of cutoffs) {
    if (c.programmeId !== task.programmeId) continue;
    const held = task.descendants.filter((d) => holds(c, d, parents.has(d.number)));
    if (held.length > 0) return rollUp(db, task.programmeId, c, held, now);
  }
  return null;
}

/** Whether cut-off `c`'s scope holds sub-task `d` (`inScope`). */
function holds(c: Cutoff, d: TaskSummary, hasChildren: boolean): boolean {
  const scopable = {
    number: d.number,
    status: d.status,
    recurrence: d.deadline.recurrence,
    hasChildren,
  };
  return inScope(scopable, c.taskNumbers);
}

async function rollUp(
  db: Db,
  programmeId: number,
  c: Cutoff,
  held: readonly TaskSummary[],
  now: DateTime,
): Promise<HeadingCutoffStatus> {
  const institutions: SubtaskInstitution[] = [];
  for (const parent of new Set(held.map((d) => d.parent ?? "")))
    institutions.push(...(await subtaskAnswers(db, programmeId, parent, c.id)));
  institutions.sort((a, b) => a.position - b.position);
  const subtasks = held.map((d) => {
    const of = institutions.filter((i) => i.number === d.number);
    // The reminders' rule: the institution's verified replies filed under the task answer it.
    const done = of.filter((i) => answeredTaskIds(i.replies).has(i.taskId));
    return {
      number: d.number,
      answered: done.map((i) => i.code),
      waiting: of.filter((i) => !done.includes(i)).map((i) => i.code),
    };
  });
  const nowIso = now.toUTC().toISO() ?? "";
  return {
    cutoff: { id: c.id, at: c.at, title: c.title, passed: c.at <= nowIso },
    subtasks,
  };
}
