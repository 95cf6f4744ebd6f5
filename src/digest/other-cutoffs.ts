/**
 * The digest with more than one live reporting cut-off (a fresh user's finding: a reply filed for
 * cut-off #1 was listed while the institution part, about #2, said "LM has not replied"). A reply
 * names the cut-off it answers when that is not the digest's ({@link cutoffMarker}), and the
 * institution part names the other live cut-offs that have replies ({@link otherCutoffs}). Reads
 * only; what counts as an answer stays `answerStanding`'s (the reminders' rule, reminded.ts).
 */
import type { DateTime } from "luxon";
import type { Db } from "../../db/client.ts";
import type { Cutoff } from "../../db/cutoffs.ts";
import { listNamedReplies } from "../../db/replies.ts";
import { compareCodes } from "../domain/codes.ts";
import { cutoffsShownAt } from "../reminders/task-status.ts";
import type { CutoffRef, OtherCutoff } from "./model.ts";

/**
 * A function naming a reply's cut-off (by its id) as {@link CutoffRef} when it is one of `live`
 * and not the digest's (`currentId`; undefined: the digest has none, so every live one is
 * named); else undefined (the digest's own, or a removed one, which has its own mark).
 */
export function cutoffMarker(
  live: readonly Cutoff[],
  currentId: number | undefined,
): (cutoffId: number) => CutoffRef | undefined {
  const byId = new Map(live.map((c) => [c.id, c]));
  return (cutoffId) => {
    const c = byId.get(cutoffId);
    return c && c.id !== currentId ? { id: c.id, at: c.at } : undefined;
  };
}

/** `{ forCutoff }` when a reply's cut-off is named (see {@link cutoffMarker}), else nothing. */
export function cutoffMark(ref: CutoffRef | undefined): { forCutoff?: CutoffRef } {
  return ref ? { forCutoff: ref } : {};
}

/**
 * The cut-offs of programme `programmeId` shown at `now` (`cutoffsShownAt`: ahead, or passed
 * within the grace days) other than `currentId`, earliest first, each with the institutions that
 * have active (not withdrawn) replies to it filed under a task, and those tasks (`order`: task
 * numbers in the programme's order). Cut-offs without such replies are left out. One query per
 * such cut-off (there are few).
 */
export async function otherCutoffs(
  db: Db,
  programmeId: number,
  currentId: number | undefined,
  now: DateTime,
  order: readonly string[],
): Promise<OtherCutoff[]> {
  const rank = new Map(order.map((n, i) => [n, i]));
  const shown = (await cutoffsShownAt(db, now))
    .filter((c) => c.programmeId === programmeId && c.id !== currentId)
    .sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  const out: OtherCutoff[] = [];
  for (const c of shown) {
    const byCode = new Map<string, Set<string>>();
    for (const r of await listNamedReplies(db, c.id)) {
      if (r.withdrawnAt !== null || r.taskNumber === null) continue;
      byCode.set(r.institutionCode, (byCode.get(r.institutionCode) ?? new Set()).add(r.taskNumber));
    }
    if (byCode.size === 0) continue;
    const institutions = [...byCode.entries()]
      .sort(([a], [b]) => compareCodes(a, b))
      .map(([code, tasks]) => ({
        code,
        tasks: [...tasks].sort((a, b) => (rank.get(a) ?? 1e9) - (rank.get(b) ?? 1e9)),
      }));
    out.push({ id: c.id, title: c.title, at: c.at, institutions });
  }
  return out;
}

/**
 * Every task of `cutoff`'s replies, once each, by number ("5" before "13.4" before "14"):
 * those `digestText.otherCutoff` names in `/task N history`.
 */
export function historyTasks(cutoff: Pick<OtherCutoff, "institutions">): string[] {
  const all = new Set(cutoff.institutions.flatMap((i) => i.tasks));
  return [...all].sort((a, b) => a.localeCompare(b, "lv", { numeric: true }));
}

/**
 * {@link historyTasks} of each of `cutoffs`, in their order, without the tasks an earlier one
 * named: consecutive "↩️" lines (the digest's, the secretary's App Home's) then say each
 * `/task N history` once (an empty list: the line gives no hint, its tasks were named above).
 */
export function historyTasksOnce(
  cutoffs: readonly Pick<OtherCutoff, "institutions">[],
): string[][] {
  const named = new Set<string>();
  return cutoffs.map((c) => {
    const fresh = historyTasks(c).filter((n) => !named.has(n));
    for (const n of fresh) named.add(n);
    return fresh;
  });
}
