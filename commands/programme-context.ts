import { type StoredChannelState, unreachableInstitutions } from "../db/channel-checks.ts";
import type { Db } from "../db/client.ts";
import type { Cutoff } from "../db/cutoffs.ts";
import { currentProgramme, type Programme } from "../db/programmes.ts";
import { plannedReminderTimes } from "../db/reminders.ts";
import { cutoffsShownAt } from "../src/reminders/task-status.ts";
import type { Clock } from "../src/time.ts";
import { readThrough } from "./read-cache.ts";

/** What every `/task` read starts from: the programme it answers for and the cut-off shown. */
export interface ProgrammeContext {
  /** The current programme (see `currentProgramme`); undefined when the store is empty. */
  programme: Programme | undefined;
  /**
   * The reporting cut-offs `/task` may show at the clock's now, in the order it looks at them
   * (see `cutoffsShownAt`; each task shows the first that holds it).
   */
  cutoffs: Cutoff[];
  /**
   * Those cut-offs' planned reminder times, by cut-off id, then by institution id (UTC ISO,
   * earliest first; see `plannedReminderTimes`). A few rows per institution, and each
   * `/task N` picks its next reminder from them instead of querying.
   */
  plannedReminders: ReadonlyMap<number, ReadonlyMap<number, readonly string[]>>;
  /**
   * Institutions whose Slack channel the app knows it cannot post to, by institution id, with
   * why (`unreachableInstitutions`: what `channelReach`, the rule `reachOf` that the digest and
   * `/cutoff add|move|plan` read on `channel_checks`, gives as `unreachable`, in one query):
   * their reminders would fail, so `/task N` names no next reminder of theirs and says so apart.
   * Read only while a cut-off is shown (else empty: nothing to remind about).
   */
  unreachable: ReadonlyMap<number, Exclude<StoredChannelState, "ok">>;
}

/**
 * The current programme, the cut-offs shown, their planned reminders and the institutions known
 * unreachable, reused like a `/task` answer (see `readThrough`: until anything is committed, and
 * a few seconds of the clock at most), so a `/task N` nobody asked before reads only its own
 * task: these few rows are the same for every question, and looking them up was half of such a
 * request's queries.
 */
export function programmeContext(db: Db, clock: Clock): Promise<ProgrammeContext> {
  return readThrough(db, clock, CONTEXT_KEY, async () => {
    const cutoffs = await cutoffsShownAt(db, clock.now());
    const plannedReminders = new Map<number, Map<number, string[]>>();
    for (const cutoff of cutoffs)
      plannedReminders.set(cutoff.id, await plannedReminderTimes(db, cutoff.id));
    const unreachable = cutoffs.length > 0 ? await unreachableInstitutions(db) : NONE;
    return { programme: await currentProgramme(db), cutoffs, plannedReminders, unreachable };
  });
}

const NONE: ProgrammeContext["unreachable"] = new Map();

/** Not a key a question can produce (those start with a locale). */
const CONTEXT_KEY = "\u0000programme-context";
