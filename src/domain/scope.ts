import type { Recurrence, TaskStatus } from "./types.ts";

/** What scoping needs to know of a task. */
export interface ScopableTask {
  number: string;
  status: TaskStatus | null;
  recurrence: Recurrence | null;
  /** True when other tasks name this one as parent. */
  hasChildren: boolean;
}

/**
 * Whether a task is reported on at a cut-off. Explicit `taskNumbers` (`/cutoff add … --tasks
 * 1,5,14`) narrow the scope to exactly those tasks. By default: every task that is not done,
 * plus every recurring or annual task; a parent row without its own status (10, 10.1) is a
 * heading — its sub-tasks are reported on instead.
 */
export function inScope(task: ScopableTask, taskNumbers: string[] | null): boolean {
  if (taskNumbers) return taskNumbers.includes(task.number);
  if (task.status === null && task.hasChildren) return false;
  return task.status !== "done" || task.recurrence !== null;
}
