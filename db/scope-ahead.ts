import type { Db } from "./client.ts";
import { programmeOutline } from "./scope.ts";
import { type HeadingExpansion, widenedScope } from "./scope-headings.ts";

/** A cut-off still ahead whose stored scope named a heading, and that scope widened. */
export interface WidenedCutoff {
  cutoffId: number;
  /** The numbers it stored before and stores now (`task_numbers`). */
  before: string[];
  after: string[];
  /** Each heading it named and the sub-tasks that stand for it now, in the report's order. */
  expanded: HeadingExpansion[];
}

/**
 * Rewrites the scope of programme `programmeId`'s live cut-offs whose instant is after `now`
 * (an ISO instant, compared in UTC as `liveCutoffsAfter` compares), or only of cut-off
 * `cutoffId` when given, whose explicit list names a task that is a heading now: it stands for
 * its sub-tasks ({@link widenedScope}, the rule `/cutoff add --tasks` stores by). Run in their
 * transactions by the importer after the tasks are written (a task the file turns into a
 * heading, sub-tasks under it and no status of its own, would otherwise leave such a cut-off
 * reminding nobody about it) and by `/cutoff move` for the moved cut-off after the move (a
 * passed cut-off, left as it was, moved into the future is ahead again). A passed or removed
 * cut-off is never touched: it keeps the scope it was reminded and answered under. Each row is
 * written only while it still holds what was read (compare and set), so a cut-off moved,
 * removed or re-scoped meanwhile by another process is left to that change. Returns what was
 * widened, in the cut-offs' order (empty: none ahead, no explicit list, no heading in it, or
 * changed meanwhile); the caller audits it and re-plans their reminders. Reads the programme's
 * outline only when some cut-off ahead has an explicit list.
 * @throws RangeError when `now` is no instant.
 */
export async function widenCutoffsAhead(
  db: Db,
  programmeId: number,
  now: string,
  cutoffId?: number,
): Promise<WidenedCutoff[]> {
  // Stored instants are UTC ISO text ("…Z"): compare with `now` written the same way.
  const since = new Date(now).toISOString();
  let query = db
    .selectFrom("cutoffs")
    .select(["id", "task_numbers"])
    .where("programme_id", "=", programmeId)
    .where("removed_at", "is", null)
    .where("task_numbers", "is not", null)
    .where("at", ">", since);
  if (cutoffId !== undefined) query = query.where("id", "=", cutoffId);
  const cutoffs = await query.orderBy("at").orderBy("id").execute();
  if (cutoffs.length === 0) return [];
  const tasks = await programmeOutline(db, programmeId);
  const widened: WidenedCutoff[] = [];
  for (const c of cutoffs) {
    if (c.task_numbers === null) continue;
    const before = JSON.parse(c.task_numbers) as string[];
    const scope = widenedScope(tasks, before);
    if (!scope) continue;
    const result = await db
      .updateTable("cutoffs")
      .set({ task_numbers: JSON.stringify(scope.numbers) })
      .where("id", "=", c.id)
      .where("task_numbers", "=", c.task_numbers)
      .where("removed_at", "is", null)
      .where("at", ">", since)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) continue;
    widened.push({ cutoffId: c.id, before, after: scope.numbers, expanded: scope.expanded });
  }
  return widened;
}
