/**
 * A heading task's status, rolled up from its sub-tasks. The annex prints some rows only as
 * headings over their sub-tasks (10, 10.1, 13 in the 2009–2013 report): no status, deadline,
 * institution or result indicator of their own. Every view (`/task`, `/task 10`, `/task 10.1`)
 * shows such a row by the statuses of the tasks under it instead of an empty status of its own.
 * Pure; computed in memory from tasks already read.
 */
import { TASK_STATUSES, type TaskStatus, type TaskSummary } from "./types.ts";

/** A status counted in a roll-up; "none" for a sub-task without a status of its own. */
export type RollupStatus = TaskStatus | "none";

/** The order roll-ups list statuses in: the overview's count line's, "none" last. */
export const ROLLUP_ORDER: readonly RollupStatus[] = [...TASK_STATUSES, "none"];

/** Statuses under a heading and how many tasks have each, in {@link ROLLUP_ORDER}; no zeros. */
export type StatusRollup = ReadonlyArray<{ status: RollupStatus; count: number }>;

/** The fields of a task a roll-up reads. */
export type RollupTask = Pick<TaskSummary, "number" | "parent" | "status">;

/**
 * Whether `task` is a heading: no status of its own and at least one sub-task. A parent with a
 * status of its own shows that status (the report's word for the row).
 */
export function isHeading(task: Pick<TaskSummary, "status">, hasSubtasks: boolean): boolean {
  return task.status === null && hasSubtasks;
}

/**
 * Roll-ups of the tasks among `tasks` that have sub-tasks, keyed by number: for each, how many
 * of the tasks below it (sub-tasks, theirs, …) have each status. A heading below it is not
 * counted itself, only through its own sub-tasks (10 counts 10.1.1–10.1.3 and 10.2, not 10.1).
 * `tasks`: a programme's tasks, or the tasks under one task (then that task, absent from the
 * list, is keyed too, by the `parent` of its sub-tasks). Any order. O(tasks × depth); one pass,
 * no store access. A task's `parent` is the number it sits under (`parentNumber` of the
 * importers).
 */
export function statusRollups(tasks: readonly RollupTask[]): Map<string, StatusRollup> {
  const byNumber = new Map(tasks.map((t) => [t.number, t]));
  const parents = new Set<string>();
  for (const t of tasks) if (t.parent !== null) parents.add(t.parent);
  const counts = new Map<string, Map<RollupStatus, number>>();
  for (const t of tasks) {
    if (isHeading(t, parents.has(t.number))) continue;
    const status = t.status ?? "none";
    const seen = new Set<string>();
    for (let p = t.parent; p !== null && !seen.has(p); p = byNumber.get(p)?.parent ?? null) {
      seen.add(p);
      const of = counts.get(p) ?? new Map<RollupStatus, number>();
      of.set(status, (of.get(status) ?? 0) + 1);
      counts.set(p, of);
    }
  }
  const out = new Map<string, StatusRollup>();
  for (const [number, of] of counts)
    out.set(
      number,
      ROLLUP_ORDER.filter((s) => of.has(s)).map((status) => ({
        status,
        count: of.get(status) ?? 0,
      })),
    );
  return out;
}
