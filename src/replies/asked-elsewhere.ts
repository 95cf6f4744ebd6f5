import { liveCutoffsAfter, replyCutoff } from "../../db/cutoffs.ts";
import type { Locale } from "../config.ts";
import { replyText } from "../i18n/reply.ts";
import { CUTOFF_GRACE_DAYS } from "../reminders/task-status.ts";
import type { ReplyDeps } from "./deps.ts";
import { threadAsking } from "./reminder-thread.ts";

/** A task number named in one cut-off's thread that another live cut-off asks about there. */
export interface AskedElsewhere {
  number: string;
  /** The other cut-off's id. */
  cutoffId: number;
  /** Link to the institution's reminder thread for it ({@link messageLink}). */
  link: string;
}

/**
 * Of `numbers` (task numbers a reply in cut-off `cutoffId`'s thread names that this reminder
 * does not ask institution `institutionId` about), those another live cut-off asks this
 * institution about — one ahead, or passed within {@link CUTOFF_GRACE_DAYS} days (the cut-offs
 * replies still come in for, as `activeCutoff` counts them) — whose reminder has started the
 * institution's thread: each with that cut-off and a link to its thread, the earliest such
 * cut-off per number, in the order of `numbers`. Only cut-offs of `cutoffId`'s own programme
 * count: after a programme switch an old programme's cut-off within the grace days asks about
 * its own "14", not the one the reply means (none when `cutoffId` is not in the store). So a contact answering 13.4 in #1's thread
 * while #2 asks for it is pointed to #2's thread, as the digest's thread points to the reminder
 * thread ({@link reminderThreadsOf}; both read a thread by {@link threadAsking}). Reads the
 * store; its errors are thrown.
 */
export async function askedElsewhere(
  deps: Pick<ReplyDeps, "db" | "clock">,
  institutionId: number,
  cutoffId: number,
  numbers: readonly string[],
): Promise<AskedElsewhere[]> {
  if (numbers.length === 0) return [];
  const own = await replyCutoff(deps.db, cutoffId);
  if (!own) return [];
  const since = deps.clock.now().minus({ days: CUTOFF_GRACE_DAYS }).toUTC().toISO() ?? "";
  const found = new Map<string, AskedElsewhere>();
  for (const cutoff of await liveCutoffsAfter(deps.db, since)) {
    const wanted = numbers.filter((n) => !found.has(n));
    if (wanted.length === 0) break;
    if (cutoff.id === cutoffId || cutoff.programmeId !== own.cutoff.programmeId) continue;
    const thread = await threadAsking(deps.db, cutoff, institutionId, wanted);
    if (!thread) continue;
    for (const number of thread.asked)
      found.set(number, { number, cutoffId: cutoff.id, link: thread.link });
  }
  return numbers.flatMap((n) => found.get(n) ?? []);
}

/**
 * The sentences pointing to where `asked` are answered ("" for none), in `locale`: one per
 * cut-off, in the order the cut-offs first come in `asked`, listing its numbers (the first 10,
 * then how many more: a reply pasting answers to dozens of tasks gets a short pointer, and the
 * prompt around it stays within a section's 3,000 characters).
 */
export function askedElsewhereText(asked: readonly AskedElsewhere[], locale: Locale): string {
  const m = replyText(locale);
  const byCutoff = new Map<number, { link: string; numbers: string[] }>();
  for (const a of asked) {
    const group = byCutoff.get(a.cutoffId);
    if (group) group.numbers.push(a.number);
    else byCutoff.set(a.cutoffId, { link: a.link, numbers: [a.number] });
  }
  return [...byCutoff]
    .map(([cutoffId, g]) => m.askedElsewhere(g.numbers, cutoffId, g.link))
    .join(" ");
}
