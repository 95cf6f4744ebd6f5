import type { DateTime } from "luxon";
import type { StoredChannelState } from "../../db/channel-checks.ts";
import type { Db } from "../../db/client.ts";
import { type Cutoff, liveCutoffsAfter } from "../../db/cutoffs.ts";
import { nextReminderAmong } from "../../db/reminders.ts";
import { type Reply, repliesForTask } from "../../db/replies.ts";
import type { StoredTaskDetail } from "../../db/tasks.ts";
import { CUTOFF_GRACE_DAYS, cutoffsByTime, graceStart } from "../domain/cutoff-times.ts";
import { answeredInTime } from "../domain/late-reply.ts";
import { inScope } from "../domain/scope.ts";
import { answeredTaskIds, hasChannel, remindedAbout } from "./reminded.ts";

/** How long after a cut-off `/task` keeps showing it: the domain's rule (cutoff-times.ts). */
export { CUTOFF_GRACE_DAYS };

/**
 * A task's state for the active reporting cut-off, as `/task N` shows it: which of its
 * institutions have replied (with their latest reply), which of them the reminders still ask
 * about the task, and when the next such reminder goes out. Times are UTC ISO.
 */
export interface TaskCutoffStatus {
  /** `passed`: its time is not after now (absent, as in statuses built before it was kept: ahead). */
  cutoff: { id: number; at: string; title: string; passed?: boolean };
  institutions: Array<{
    code: string;
    /**
     * Whether the institution has answered the task for this cut-off as the reminders judge it
     * (`answeredTaskIds`: a verified reply): its reminders no longer ask about the task.
     */
    answered: boolean;
    /** Whether it has a Slack channel (`hasChannel`): without one it is not reminded at all. */
    hasChannel: boolean;
    /**
     * Its channel (`channel`, an id) is one the app knows it cannot post to, and why (`reachOf`
     * on `channel_checks`, as the digest and `/cutoff plan` judge it): its reminders fail, so
     * none of them is the next reminder. Absent: no channel, or reachable as far as the store knows.
     */
    unreachable?: { channel: string; why: UnreachableWhy };
    latest: {
      text: string;
      userId: string;
      at: string;
      channelId: string;
      ts: string;
      verified: boolean;
    } | null;
    /**
     * Replies to this cut-off newer than `latest` from people who are not the institution's
     * contacts: `latest` is its newest reply from a contact when there is one, so a stranger's
     * word does not hide the institution's own (both are stored; only this count is shown).
     */
    laterUnverified: number;
    /**
     * The institution answered the task in time for this cut-off ({@link answeredInTime}, the
     * digest's rule): a `latest` received after the cut-off's time is then marked
     * "supplemented", not late ({@link lateMark}). Absent (statuses built before it was kept): false.
     */
    inTime?: boolean;
  }>;
  /**
   * The next reminder that asks about this task: the earliest still-planned reminder after now
   * of the institutions the reminders still ask about it (`remindedAbout`: a channel, no
   * answer) whose channel is not known unreachable (`unreachable`), or null when there is none.
   */
  nextReminderAt: string | null;
  /** Codes of the institutions that reminder goes to (planned at `nextReminderAt`), in task order. */
  nextReminderTo: string[];
  /**
   * The task's replies to the other reporting cut-offs shown at now (`cutoffsShownAt`: another
   * one ahead, or one passed within {@link CUTOFF_GRACE_DAYS} days), earliest cut-off first,
   * only those with a reply or, passed and holding the task, with an institution of the task
   * that has not answered it (`unanswered`): a reply filed for cut-off #1 (or moved to this task) while the view
   * is about #2 is named with its own cut-off, never read as an answer to #2. Absent (as in
   * statuses built before it was kept) reads as none.
   */
  others?: OtherCutoffReplies[];
}

/** Why a channel cannot be reached, as `channel_checks` stores it. */
export type UnreachableWhy = Exclude<StoredChannelState, "ok">;

/**
 * One other cut-off's replies to the task: per institution (task order) its latest reply; for a
 * cut-off that has passed and holds the task, the task's institutions that have not answered it.
 */
export interface OtherCutoffReplies {
  /** `passed`: its time is not after now (absent: ahead, as before it was kept). */
  cutoff: { id: number; at: string; title: string; passed?: boolean };
  replies: Array<{
    code: string;
    at: string;
    channelId: string;
    ts: string;
    /** From one of the institution's contacts: an answer to that cut-off (`answeredTaskIds`). */
    verified: boolean;
    /**
     * The institution answered the task in time for that cut-off ({@link answeredInTime}, the
     * digest's rule), so a reply received after its time is "supplemented", not late. Absent: false.
     */
    inTime?: boolean;
  }>;
  /**
   * Only when the cut-off has passed and its scope holds the task: codes (task order) of the
   * task's institutions that have not answered it (`answeredTaskIds`: no verified reply, so one
   * with only a non-contact's reply is among them). Absent or empty: none to name.
   */
  unanswered?: string[];
}

/**
 * The reporting cut-offs `/task` may refer to at `now`, in the order it looks at them: those
 * not yet passed, earliest first, then those that passed within the last
 * {@link CUTOFF_GRACE_DAYS} days (replies still arrive then), latest first. A task shows the
 * first of them whose scope holds it (see {@link cutoffForTask}), so a new cut-off for other
 * tasks does not hide the replies a task got for the one before.
 */
export async function cutoffsShownAt(db: Db, now: DateTime): Promise<Cutoff[]> {
  // Only those after the grace start are read: none of them is `older`.
  const since = graceStart(now);
  const { ahead, recent } = cutoffsByTime(await liveCutoffsAfter(db, since), now, since);
  return [...ahead, ...recent.reverse()];
}

/**
 * The first of `cutoffs` (as {@link cutoffsShownAt} orders them) of the task's programme whose
 * scope holds `task` (see `inScope`), or undefined.
 */
export function cutoffForTask(
  cutoffs: readonly Cutoff[],
  task: StoredTaskDetail,
): Cutoff | undefined {
  return cutoffs.find((c) => c.programmeId === task.programmeId && holdsTask(c, task));
}

/** Whether cut-off `c`'s scope holds `task` (`inScope`). */
function holdsTask(c: Cutoff, task: StoredTaskDetail): boolean {
  const scopable = {
    number: task.number,
    status: task.status,
    recurrence: task.deadline.recurrence,
    hasChildren: task.children.length > 0,
  };
  return inScope(scopable, c.taskNumbers);
}

/**
 * The status of `task` (as `findTaskDetail` read it) for the cut-off it refers to among
 * `cutoffs` (see {@link cutoffForTask}), or null when none holds it. `planned` holds each
 * cut-off's planned reminder times by institution (`plannedReminderTimes`, read once for all
 * tasks), keyed by cut-off id. One indexed query (the task's replies to the cut-offs of
 * `cutoffs` of its programme: those to the others become `others`), whatever the programme's
 * size: the task and its institutions (with their channels) are the ones already read. The
 * next reminder is chosen by the rules the sender follows (`remindedAbout`), among the
 * institutions `unreachable` does not name (by institution id, `channelReach`'s: their
 * reminders would fail; read once per store version with the cut-offs, see programme-context.ts).
 */
export async function taskCutoffStatus(
  db: Db,
  task: StoredTaskDetail,
  cutoffs: readonly Cutoff[],
  planned: ReadonlyMap<number, ReadonlyMap<number, readonly string[]>>,
  now: DateTime,
  unreachable: ReadonlyMap<number, UnreachableWhy> = NO_UNREACHABLE,
): Promise<TaskCutoffStatus | null> {
  const cutoff = cutoffForTask(cutoffs, task);
  if (!cutoff) return null;
  // With another cut-off shown, the task's replies to the cut-offs shown for its programme
  // (split here; none to a cut-off not shown is read); else only this one's (the compiled
  // query: the usual case costs what it did).
  const shownOthers = cutoffs.some((c) => c.id !== cutoff.id && c.programmeId === task.programmeId);
  const shown = shownOthers
    ? cutoffs.filter((c) => c.programmeId === task.programmeId).map((c) => c.id)
    : cutoff.id;
  const all = await repliesForTask(db, task.taskId, shown);
  const replies = shownOthers ? all.filter((r) => r.cutoffId === cutoff.id) : all;
  const times = planned.get(cutoff.id) ?? new Map<number, readonly string[]>();
  const nowIso = now.toUTC().toISO() ?? "";
  const institutions = task.institutions.map((i) => {
    // Newest first: the newest verified reply, else the newest of any.
    const own = replies.filter((r) => r.institutionId === i.institutionId);
    const verifiedAt = own.findIndex((r) => r.verified);
    const latest = verifiedAt >= 0 ? own[verifiedAt] : own[0];
    return {
      institutionId: i.institutionId,
      code: i.code,
      channelId: i.channelId,
      answered: answeredTaskIds(own).has(task.taskId),
      laterUnverified: Math.max(verifiedAt, 0),
      inTime: answeredInTime(verifiedTimes(own), cutoff.at),
      latest: latest
        ? {
            text: latest.text,
            userId: latest.userId,
            at: latest.receivedAt,
            channelId: latest.channelId,
            ts: latest.ts,
            verified: latest.verified,
          }
        : null,
    };
  });
  // Only the reminders of those still asked about this task count: another institution's
  // reminder, about its other tasks, says nothing about this one; nor does one that will fail.
  const asked = institutions
    .filter((i) => remindedAbout(i) && !unreachable.has(i.institutionId))
    .map((i) => i.institutionId);
  const next = nextReminderAmong(times, asked, nowIso);
  const nextTo = new Set(
    next === null ? [] : asked.filter((id) => nextReminderAmong(times, [id], nowIso) === next),
  );
  return {
    cutoff: { id: cutoff.id, at: cutoff.at, title: cutoff.title, passed: cutoff.at <= nowIso },
    institutions: institutions.map(({ institutionId, channelId, ...i }) => {
      const why = channelId ? unreachable.get(institutionId) : undefined;
      return {
        ...i,
        hasChannel: hasChannel({ channelId }),
        ...(why && channelId ? { unreachable: { channel: channelId, why } } : {}),
      };
    }),
    nextReminderAt: next,
    nextReminderTo: institutions.filter((i) => nextTo.has(i.institutionId)).map((i) => i.code),
    others: otherCutoffReplies(all, cutoffs, cutoff, task, nowIso),
  };
}

const NO_UNREACHABLE: ReadonlyMap<number, UnreachableWhy> = new Map();

/** The receive times (UTC ISO) of the verified replies among `replies`: those that answer. */
function verifiedTimes(replies: readonly Reply[]): string[] {
  return replies.filter((r) => r.verified).map((r) => r.receivedAt);
}

/**
 * The replies of `all` (the task's, newest first) to the cut-offs of `cutoffs` other than
 * `shown`, of the task's programme, earliest cut-off first: per institution of the task its
 * newest verified reply, else its newest; and for one passed by `nowIso` whose scope holds the
 * task, the institutions that have not answered it (`answeredTaskIds`). Cut-offs with neither
 * are left out. No query: `all` is every reply of the task.
 */
function otherCutoffReplies(
  all: readonly Reply[],
  cutoffs: readonly Cutoff[],
  shown: Cutoff,
  task: StoredTaskDetail,
  nowIso: string,
): OtherCutoffReplies[] {
  const others = cutoffs
    .filter((c) => c.id !== shown.id && c.programmeId === task.programmeId)
    .sort((a, b) => a.at.localeCompare(b.at));
  const out: OtherCutoffReplies[] = [];
  for (const c of others) {
    const replies: OtherCutoffReplies["replies"] = [];
    const unanswered: string[] = [];
    const passed = c.at <= nowIso;
    const holds = passed && holdsTask(c, task);
    for (const i of task.institutions) {
      const own = all.filter((r) => r.cutoffId === c.id && r.institutionId === i.institutionId);
      const r = own.find((x) => x.verified) ?? own[0];
      const answered = answeredTaskIds(own).has(task.taskId);
      if (holds && !answered) unanswered.push(i.code);
      if (r)
        replies.push({
          code: i.code,
          at: r.receivedAt,
          channelId: r.channelId,
          ts: r.ts,
          // The reminders' rule (reminded.ts), not a second reading of the flag.
          verified: answered,
          inTime: answeredInTime(verifiedTimes(own), c.at),
        });
    }
    if (replies.length === 0 && unanswered.length === 0) continue;
    const cutoff = { id: c.id, at: c.at, title: c.title, passed };
    out.push({ cutoff, replies, ...(unanswered.length > 0 ? { unanswered } : {}) });
  }
  return out;
}

/**
 * Whether cut-off `a` comes before cut-off `b` (ids) in `cutoffs`, the order `/task` looks at
 * them in ({@link cutoffsShownAt}: the next ahead first, then the latest passed within the grace
 * days). A heading's roll-up leads over a cut-off naming the heading itself by this rule, as a
 * task shows the first cut-off covering it (README, `/task 14`). An id not among them comes last.
 */
export function shownBefore(cutoffs: readonly Cutoff[], a: number, b: number): boolean {
  const at = (id: number) => {
    const i = cutoffs.findIndex((c) => c.id === id);
    return i < 0 ? cutoffs.length : i;
  };
  return at(a) < at(b);
}

/**
 * `status`'s own cut-off told as another one, beside its `others`, earliest cut-off first: per
 * institution its latest reply (`latest`, the same pick `otherCutoffReplies` makes: the newest
 * verified, else the newest; `verified` as the institution `answered`), and once passed, those
 * that have not answered. For a heading whose roll-up leads (see {@link shownBefore}): a passed
 * cut-off that named the heading itself, from before it had sub-tasks, is still named after the
 * roll-up, as a task names a passed cut-off. Left out when it has neither replies nor, passed,
 * anyone that has not answered (as `otherCutoffReplies` leaves such a cut-off out).
 */
export function asOtherCutoffs(status: TaskCutoffStatus): OtherCutoffReplies[] {
  const passed = status.cutoff.passed === true;
  const replies: OtherCutoffReplies["replies"] = [];
  for (const i of status.institutions)
    if (i.latest)
      replies.push({
        code: i.code,
        at: i.latest.at,
        channelId: i.latest.channelId,
        ts: i.latest.ts,
        verified: i.answered,
        inTime: i.inTime === true,
      });
  const unanswered = passed
    ? status.institutions.filter((i) => !i.answered).map((i) => i.code)
    : [];
  const own: OtherCutoffReplies[] =
    replies.length === 0 && unanswered.length === 0
      ? []
      : [
          {
            cutoff: { ...status.cutoff, passed },
            replies,
            ...(unanswered.length > 0 ? { unanswered } : {}),
          },
        ];
  return [...own, ...(status.others ?? [])].sort((a, b) => a.cutoff.at.localeCompare(b.cutoff.at));
}
