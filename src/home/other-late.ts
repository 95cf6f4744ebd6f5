/**
 * The App Home's "↩️" lines mark a reply to another live cut-off received after that cut-off's
 * time, as `/task`'s "↩️" lines do (src/slack/render-task-cutoff.ts): which of each institution's
 * tasks in `otherCutoffs` (src/digest/other-cutoffs.ts) got their reply late, and which were
 * answered in time but supplemented after it ({@link lateMark}, the digest's rule). Reads only.
 */
import type { Db } from "../../db/client.ts";
import { listNamedReplies } from "../../db/replies.ts";
import type { OtherCutoff } from "../digest/model.ts";
import { answeredInTime, lateMark } from "../domain/late-reply.ts";
import { shownReplies } from "../domain/shown-reply.ts";

/**
 * An other live cut-off as the Home shows it: {@link OtherCutoff}, each institution's `late`
 * the numbers of its `tasks` (same order) whose reply was received after the cut-off's time and
 * that it had not answered in time ({@link lateMark} "late"), `supplemented` those answered in
 * time whose reply shown was received after it ("supplemented"). Absent or empty: none such.
 */
export interface HomeOtherCutoff extends OtherCutoff {
  institutions: Array<{ code: string; tasks: string[]; late?: string[]; supplemented?: string[] }>;
}

/**
 * `others` with each institution's late tasks: per institution and task, the reply `/task`
 * shows for that cut-off (its newest verified active reply, else its newest active one, as
 * `otherCutoffReplies` in src/reminders/task-status.ts picks it) is marked by {@link lateMark}
 * (`/task`'s and the digest's rule): late when received after the cut-off's time and no verified
 * active reply to the task came in time, supplemented when one did. One query per cut-off (there
 * are few), as `otherCutoffs` reads them.
 */
export async function withLateTasks(
  db: Db,
  others: readonly OtherCutoff[],
): Promise<HomeOtherCutoff[]> {
  const out: HomeOtherCutoff[] = [];
  for (const c of others) {
    // Oldest first (listNamedReplies' order); active replies filed under a task only.
    const active = (await listNamedReplies(db, c.id)).filter(
      (r) => r.withdrawnAt === null && r.taskNumber !== null,
    );
    const keyOf = (r: { institutionCode: string; taskNumber: string | null }) =>
      `${r.institutionCode}\u0000${r.taskNumber}`;
    const shown = shownReplies(active, keyOf);
    // The times of each institution's verified replies to each task: answered in time or not.
    const verifiedAts = new Map<string, string[]>();
    for (const r of active)
      if (r.verified)
        verifiedAts.set(keyOf(r), [...(verifiedAts.get(keyOf(r)) ?? []), r.receivedAt]);
    const markOf = (code: string, n: string) => {
      const key = keyOf({ institutionCode: code, taskNumber: n });
      const r = shown.get(key);
      return r && lateMark(r.receivedAt, c.at, answeredInTime(verifiedAts.get(key) ?? [], c.at));
    };
    out.push({
      ...c,
      institutions: c.institutions.map((i) => {
        const late = i.tasks.filter((n) => markOf(i.code, n) === "late");
        const supplemented = i.tasks.filter((n) => markOf(i.code, n) === "supplemented");
        return {
          ...i,
          ...(late.length > 0 ? { late } : {}),
          ...(supplemented.length > 0 ? { supplemented } : {}),
        };
      }),
    });
  }
  return out;
}
