/**
 * The App Home's "↩️" lines mark a reply to another live cut-off received after that cut-off's
 * time, as `/task`'s "↩️" lines do (src/slack/render-task-cutoff.ts): which of each institution's
 * tasks in `otherCutoffs` (src/digest/other-cutoffs.ts) got their reply late. Reads only.
 */
import type { Db } from "../../db/client.ts";
import { listNamedReplies } from "../../db/replies.ts";
import type { OtherCutoff } from "../digest/model.ts";
import { receivedLate } from "../domain/late-reply.ts";

/**
 * An other live cut-off as the Home shows it: {@link OtherCutoff}, each institution's `late`
 * the numbers of its `tasks` (same order) whose reply was received after the cut-off's time.
 * Absent or empty: all in time.
 */
export interface HomeOtherCutoff extends OtherCutoff {
  institutions: Array<{ code: string; tasks: string[]; late?: string[] }>;
}

/**
 * `others` with each institution's late tasks: per institution and task, the reply `/task`
 * shows for that cut-off (its newest verified active reply, else its newest active one, as
 * `otherCutoffReplies` in src/reminders/task-status.ts picks it) is late when received after
 * the cut-off's time ({@link receivedLate}, `/task`'s rule). One query per cut-off (there are
 * few), as `otherCutoffs` reads them.
 */
export async function withLateTasks(
  db: Db,
  others: readonly OtherCutoff[],
): Promise<HomeOtherCutoff[]> {
  const out: HomeOtherCutoff[] = [];
  for (const c of others) {
    // Oldest first: a later verified reply replaces what is held, an unverified one only a
    // place no verified reply holds (newest verified, else newest).
    const shown = new Map<string, { at: string; verified: boolean }>();
    for (const r of await listNamedReplies(db, c.id)) {
      if (r.withdrawnAt !== null || r.taskNumber === null) continue;
      const key = `${r.institutionCode}\u0000${r.taskNumber}`;
      const held = shown.get(key);
      if (r.verified || !held?.verified) shown.set(key, { at: r.receivedAt, verified: r.verified });
    }
    out.push({
      ...c,
      institutions: c.institutions.map((i) => {
        const late = i.tasks.filter((n) => {
          const r = shown.get(`${i.code}\u0000${n}`);
          return r !== undefined && receivedLate(r.at, c.at);
        });
        return late.length > 0 ? { ...i, late } : { ...i };
      }),
    });
  }
  return out;
}
