/**
 * The digest's and the App Home's "↩️" lines mark a reply to another live cut-off received after
 * that cut-off's time, as `/task`'s "↩️" lines do (src/slack/render-task-cutoff.ts): which of each
 * institution's tasks in `otherCutoffs` (src/digest/other-cutoffs.ts) got their reply late, and
 * which were answered in time but supplemented after it ({@link lateMark}), and how a line's
 * entries say so ({@link lateEntries}). Reads only.
 */
import type { Db } from "../../db/client.ts";
import { listNamedReplies } from "../../db/replies.ts";
import { answeredInTime, lateMark } from "../domain/late-reply.ts";
import { shownReplies } from "../domain/shown-reply.ts";
import type { OtherCutoff } from "./model.ts";

/**
 * An other live cut-off with its late marks ({@link OtherCutoff}: `late` and `supplemented` per
 * institution); the name the App Home has used for it.
 */
export type HomeOtherCutoff = OtherCutoff;

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
): Promise<OtherCutoff[]> {
  const out: OtherCutoff[] = [];
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

/**
 * An institution's entries on a "↩️" line: "LM (14)" for the tasks answered in time, then
 * "LM (16)" + `supplemented` (" _(papildināts pēc ziņošanas termiņa)_") for those answered in
 * time whose reply shown came after the cut-off's time, then "LM (18)" + `late` (" _(pēc
 * ziņošanas termiņa)_") for those answered only after it (`lateMark`, src/domain/late-reply.ts).
 * Without `late`/`supplemented` (digests stored before they were kept): one entry, unmarked.
 */
export function lateEntries(
  i: {
    code: string;
    tasks: readonly string[];
    late?: readonly string[];
    supplemented?: readonly string[];
  },
  late: string,
  supplemented: string,
): string[] {
  const after = new Set(i.late ?? []);
  const added = new Set(i.supplemented ?? []);
  const inTime = i.tasks.filter((n) => !after.has(n) && !added.has(n));
  const addedTasks = i.tasks.filter((n) => added.has(n));
  const lateTasks = i.tasks.filter((n) => after.has(n));
  return [
    ...(inTime.length > 0 ? [`${i.code} (${inTime.join(", ")})`] : []),
    ...(addedTasks.length > 0 ? [`${i.code} (${addedTasks.join(", ")})${supplemented}`] : []),
    ...(lateTasks.length > 0 ? [`${i.code} (${lateTasks.join(", ")})${late}`] : []),
  ];
}
