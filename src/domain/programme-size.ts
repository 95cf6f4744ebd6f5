/**
 * A programme's size as the README and the report count it: "26 uzdevumi un 9 apakšuzdevumi"
 * (the 35 rows of the 2009–2013 annex), not "35 uzdevumi". One rule for every view that says
 * it (`/task help`, the App Home, the digest). Pure; from rows already read.
 */
import type { TaskSummary } from "./types.ts";

/** Tasks (rows under no other row of the programme) and sub-tasks (rows under one); the sum is the row count. */
export interface ProgrammeSize {
  tasks: number;
  subtasks: number;
}

/**
 * Counts `rows` (a programme's tasks, any order) as tasks and sub-tasks. A row is a sub-task
 * when the row it sits under (`parent`) is among `rows`; an orphan (its parent not imported)
 * counts as a task. O(rows), no store access.
 */
export function programmeSize(
  rows: ReadonlyArray<Pick<TaskSummary, "number" | "parent">>,
): ProgrammeSize {
  const numbers = new Set(rows.map((r) => r.number));
  const subtasks = rows.filter((r) => r.parent !== null && numbers.has(r.parent)).length;
  return { tasks: rows.length - subtasks, subtasks };
}
