/**
 * What a heading's `/task N` needs to roll up a cut-off over its sub-tasks (the sub-tasks carry
 * the institutions; the heading has none of its own): the institutions of the tasks directly
 * under one task, each with its active replies to one cut-off. One compiled statement per parent
 * row, on the index tasks(programme_id, parent_number) and the replies' task index, whatever
 * the programme's or the cut-off's size.
 */
import type { Db } from "./client.ts";
import { compiled, objectList } from "./compiled.ts";

/**
 * An institution of a sub-task (printed order: `position` within the task), with whether each
 * of its active replies to the cut-off filed under the sub-task came from one of its contacts
 * (`replies`; empty: none; see reminded.ts `answeredTaskIds`).
 */
export interface SubtaskInstitution {
  taskId: number;
  /** The sub-task's number ("13.1"). */
  number: string;
  institutionId: number;
  code: string;
  position: number;
  replies: Array<{ taskId: number; verified: boolean }>;
}

/**
 * The institutions of each task directly under task `parent` of the programme, in no particular
 * order, each with its active replies to `cutoffId` filed under that task.
 */
export async function subtaskAnswers(
  db: Db,
  programmeId: number,
  parent: string,
  cutoffId: number,
): Promise<SubtaskInstitution[]> {
  const byLink = new Map<string, SubtaskInstitution>();
  for (const r of await institutionsUnder(db, cutoffId, programmeId, parent)) {
    const key = `${r.task_id} ${r.id}`;
    let link = byLink.get(key);
    if (!link) {
      link = {
        taskId: r.task_id,
        number: r.number,
        institutionId: r.id,
        code: r.code,
        position: r.position,
        replies: [],
      };
      byLink.set(key, link);
    }
    // Left-joined: null when the institution has no reply to the task for the cut-off.
    if (r.verified !== null) link.replies.push({ taskId: r.task_id, verified: r.verified === 1 });
  }
  const out = objectList<SubtaskInstitution>();
  for (const link of byLink.values()) out.push(link);
  return out;
}

// CROSS JOIN keeps the parent's sub-tasks as SQLite's outer loop (as scope.ts `linkedTasks`
// does; https://www.sqlite.org/optoverview.html#crossjoin), and the replies are left-joined by
// task: an inner join of the replies let SQLite drive from the cut-off's index instead and read
// every reply of the cut-off (3 ms a heading on the bench's 10,000-row store). PostgreSQL plans
// it as the join it is.
const institutionsUnder = compiled((db, cutoffId: number, programmeId: number, parent: string) =>
  db
    .selectFrom("tasks")
    .crossJoin("task_institutions")
    .innerJoin("institutions", "institutions.id", "task_institutions.institution_id")
    .leftJoin("replies", (join) =>
      join
        .onRef("replies.task_id", "=", "task_institutions.task_id")
        .onRef("replies.institution_id", "=", "task_institutions.institution_id")
        .on("replies.cutoff_id", "=", cutoffId)
        .on("replies.withdrawn_at", "is", null),
    )
    .whereRef("task_institutions.task_id", "=", "tasks.id")
    .select([
      "task_institutions.task_id",
      "tasks.number",
      "institutions.id",
      "institutions.code",
      "task_institutions.position",
      "replies.verified",
    ])
    .where("tasks.programme_id", "=", programmeId)
    .where("tasks.parent_number", "=", parent),
);
