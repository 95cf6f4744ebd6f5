/**
 * The digest ("kopsavilkums") as plain data: what the store says at one instant, before any
 * language or layout. It is stored as JSON with the digest, so an old digest shows exactly what
 * it said, in either language. Times are UTC ISO instants; dates ISO calendar dates in Riga.
 */
import type { StatusRollup } from "../domain/status-rollup.ts";
import { TASK_STATUSES, type TaskStatus } from "../domain/types.ts";

/** A task status, or "none" for a parent row without its own result indicator. */
export type StatusKey = TaskStatus | "none";

/** Every {@link StatusKey}, in the order digests list them. */
export const STATUS_KEYS: readonly StatusKey[] = ["done", "partial", "ongoing", "not_done", "none"];

/**
 * How an institution's task stands in the chart: by its latest verified reply's status claim;
 * "no_reply" when it has none (replied to only unverified, or not at all), as
 * {@link answerStanding} counts an answer.
 */
export type ChartStatus = "done" | "partial" | "in_progress" | "no_reply";

/** Every {@link ChartStatus}, in the chart's stacking order. */
export const CHART_STATUSES: readonly ChartStatus[] = [
  "done",
  "partial",
  "in_progress",
  "no_reply",
];

/**
 * A status change of a task (from the audit log: an import, or `/task N set status`). `before`,
 * `after`: the status, or null for none of its own (a heading's is then rolled up from its
 * sub-tasks; `/task N set status none`). Digests stored before this was kept may hold another
 * text, read as null (see `statusOrNull`).
 */
export interface DigestStatusChange {
  number: string;
  title: string;
  before: TaskStatus | null;
  after: TaskStatus | null;
  at: string;
}

/** `value` when it is a {@link TaskStatus}, else null (none of its own, or not one we know). */
export function statusOrNull(value: string | null | undefined): TaskStatus | null {
  return (TASK_STATUSES as readonly string[]).includes(value ?? "") ? (value as TaskStatus) : null;
}

/**
 * A reply received in the period. `link` opens the Slack message (null for modal updates).
 * `late`: received after its cut-off's time (false when that cut-off has been removed; absent
 * in digests stored before it was kept, which then mark no reply).
 * `supplement`: late, but its institution had answered the task in time for that cut-off
 * (late-marks.ts): marked "(papildināts pēc ziņošanas termiņa)", not late, as `/task` marks it;
 * absent otherwise, and in digests stored before it was kept (their late replies stay late).
 * `edited`: when (UTC ISO) it was last edited, set when that was after the previous digest was
 * built — the text shown is no longer what the working group may have read — or, for a reply new
 * in this digest, whenever it was edited after it was first stored (before this digest was
 * built; `editedMark`, changed.ts): the text shown is not the one first sent.
 * `alsoNames`: other tasks the reply names but is not filed under ("2: …; 14: …" under 2 →
 * ["14"], see `tasksNotFiled`); absent when none (and in digests stored before it was kept).
 * `number` null: filed under no task ("bez uzdevuma" / "no task").
 */
export interface DigestReply {
  number: string | null;
  institution: string;
  userId: string;
  at: string;
  excerpt: string;
  link: string | null;
  verified: boolean;
  claim: string | null;
  late?: boolean;
  supplement?: boolean;
  edited?: string;
  /**
   * When the app stored the reply (UTC ISO), only when that was within the digest's window
   * [`since`, `builtAt`) while the reply was sent (`at`) before `since`: a refused message edited
   * into a reply, or one the collection job caught up. Such a reply is new to this digest though
   * its date is older.
   * Absent otherwise, and in digests stored before it was kept.
   */
  storedAt?: string;
  alsoNames?: string[];
  /**
   * The task it was filed under before an edit (or another audited change of its task) moved it to `number` since the
   * previous digest (null: it was filed under no task); only on an edited reply so moved. Absent
   * otherwise, and in digests stored before it was kept.
   */
  movedFrom?: string | null;
  /**
   * The title of the cut-off the reply was written for when that cut-off has since been removed
   * (the reply is in its thread: shown and marked, never dropped); absent otherwise (and in
   * digests stored before it was kept).
   */
  removedCutoff?: string;
  /**
   * The live cut-off the reply answers when it is not the digest's ({@link DigestModel.cutoff};
   * every one when the digest has none): named beside it, so a reply to #1 never reads as an
   * answer to #2. Absent otherwise (a removed cut-off's is `removedCutoff`), and in digests
   * stored before it was kept.
   */
  forCutoff?: CutoffRef;
}

/** A cut-off as a reply line names it: its id and time (UTC ISO). */
export interface CutoffRef {
  id: number;
  at: string;
}

/**
 * A live cut-off other than the digest's, shown at the digest's time (ahead, or passed within
 * the grace days: `cutoffsShownAt`), with the institutions that have active replies to it filed
 * under a task (codes in Latvian order, their task numbers in task order). Each institution's
 * `late`: the numbers of its `tasks` (same order) whose reply was received after the cut-off's
 * time and that it had not answered in time (`lateMark` "late"); `supplemented`: those answered
 * in time whose reply shown was received after it ("supplemented"); set by `withLateTasks`
 * (other-late.ts). Absent or empty: none such (and in digests stored before they were kept).
 */
export interface OtherCutoff {
  id: number;
  title: string;
  at: string;
  institutions: Array<{ code: string; tasks: string[]; late?: string[]; supplemented?: string[] }>;
}

/**
 * A cut-off other than the digest's that has passed (within the grace days), with the
 * institutions that have not answered it (codes in Latvian order): `unanswered` the tasks not
 * answered ({@link unansweredTasks}: no reply, or only unverified), `unverified` those of them
 * replied to only unverified (not by a contact), both in task order.
 */
export interface PassedNotAnswered {
  id: number;
  title: string;
  at: string;
  institutions: Array<{ code: string; unanswered: string[]; unverified: string[] }>;
}

/** A reply withdrawn (its message deleted) since the previous digest: no text, only whose and when. */
export interface DigestWithdrawn {
  number: string | null;
  institution: string;
  /** When it was withdrawn (UTC ISO). */
  at: string;
  /**
   * The title of the cut-off it was written for when that cut-off has since been removed (as
   * {@link DigestReply.removedCutoff}); absent otherwise (and in digests stored before it was kept).
   */
  removedCutoff?: string;
  /** As {@link DigestReply.forCutoff}. */
  forCutoff?: CutoffRef;
}

/**
 * An institution's response rate over the passed cut-offs it was reminded for: `answered` of
 * `asked` task-questions over `cutoffs` cut-offs. A passed cut-off counts only when a reminder
 * for it was sent to the institution (a reminder row "sent"), or when it answered every task it
 * was asked (no reminder was needed: the sender skips it, "all_answered"); any other is left out
 * and counted in `unreminded` (absent when 0, and in digests stored before it was kept). All
 * three 0 with `unreminded` > 0: the institution is not rated (never reminded), not 0 %.
 * `noChannel`: a left-out cut-off counts as "no channel" (see `unremindedBy`; absent when none —
 * in older digests also set when a reminder failed for another reason and there is no channel
 * now). `unremindedBy` splits `unreminded` by why (absent in
 * digests stored before it was kept, which render by `noChannel` as they did).
 */
export interface ResponseRate {
  answered: number;
  asked: number;
  cutoffs: number;
  unreminded?: number;
  noChannel?: boolean;
  /**
   * The left-out cut-offs by why: `noChannel` — a reminder failed "no_mapping" (or none failed and
   * the institution has no channel now); `undelivered` — a reminder failed for another reason
   * (Slack refused it: channel_not_found, not_in_channel, …), the institution was not reached;
   * `unreachable` — none failed and the institution's channel is known unreachable now (its
   * last known reachability, db/channel-checks.ts; absent when 0, and in digests stored before
   * it was kept); `notSent` — none was sent (none failed). They add up to `unreminded`.
   */
  unremindedBy?: { noChannel: number; undelivered: number; notSent: number; unreachable?: number };
  /** How many reminders failed for the `undelivered` cut-offs (for singular/plural); absent when 0. */
  undeliveredReminders?: number;
  /**
   * Of `answered`, how many were answered only after their cut-off's time: every verified reply
   * to the task was received later than the cut-off's instant, the rule by which `/task`, the
   * digest's reply lines and the annex mark a reply "(pēc ziņošanas termiņa)". The rate still
   * counts them (the institution did answer) and names them, so an institution that answered
   * everything late never reads as 100 % on time. Absent when 0, and in digests stored before it
   * was kept.
   */
  late?: number;
}

/** Why a passed cut-off was left out of a rate: a key of {@link ResponseRate.unremindedBy}. */
export type UnratedWhy = keyof NonNullable<ResponseRate["unremindedBy"]>;

/** {@link UnratedWhy} in the order a digest names them. */
export const UNRATED_WHY: readonly UnratedWhy[] = [
  "noChannel",
  "unreachable",
  "undelivered",
  "notSent",
];

/**
 * An institution's part in the current cut-off: task numbers it replied to (by a contact),
 * replied to only unverified, and still missing; its response rate over passed cut-offs
 * ({@link ResponseRate}; null when none passed).
 */
export interface InstitutionStanding {
  code: string;
  name: string;
  tasks: string[];
  replied: string[];
  unverified: string[];
  missing: string[];
  rate: ResponseRate | null;
  chart: Record<ChartStatus, number>;
}

/** A task past its deadline and not done. */
export interface DigestOverdue {
  number: string;
  title: string;
  due: string;
  status: StatusKey;
  institutions: string[];
}

/** Something in the next 30 days. */
export type UpcomingItem =
  | { kind: "deadline"; date: string; number: string; title: string }
  | { kind: "cutoff"; at: string; id: number; title: string }
  | { kind: "reminder"; at: string; cutoffTitle: string; institutions: string[] }
  | { kind: "session"; at: string; id: number; title: string };

/** A task as the DOCX's table lists it. */
export interface DigestTask {
  number: string;
  parent: string | null;
  title: string;
  deadline: string;
  status: StatusKey;
  institutions: string[];
  /** `edited`: as {@link DigestReply.edited} (absent when not so edited). */
  /** `forCutoff`: as {@link DigestReply.forCutoff}. */
  latest: {
    institution: string;
    at: string;
    excerpt: string;
    edited?: string;
    forCutoff?: CutoffRef;
  } | null;
  /**
   * A heading's (no status of its own, sub-tasks under it: 10, 10.1, 13) sub-tasks' statuses
   * counted, as `/task` shows them (`statusRollups`, src/domain/status-rollup.ts); `status` is
   * then "none". Absent for any other task (and in digests stored before it was kept).
   */
  rollup?: StatusRollup;
}

/** Institutions whose planned reminders for one cut-off are not sent: they have answered all. */
export interface UpcomingAnswered {
  cutoffId: number;
  cutoffTitle: string;
  /** Codes, Latvian order (`compareCodes`). */
  institutions: string[];
}

/** The digest. `since` null: since the programme was imported (no earlier digest or session). */
export interface DigestModel {
  version: 1;
  programme: { code: string; title: string };
  /** The instant it was built at (UTC ISO): the end, not included, of its new replies' window. */
  builtAt: string;
  /**
   * The start, included, of its new replies' window [since, builtAt) by `stored_at` (UTC ISO):
   * by default the previous digest's `builtAt`, so consecutive digests never list a stored
   * reply twice (what that does not promise: db/activity.ts's windows).
   */
  since: string | null;
  /**
   * The period's start the request named (`/digest since …`, `--since`; UTC ISO), null when it
   * named none (since the previous digest): what makes a repeat "the same window" (src/cli/digest.ts).
   * Absent in digests stored before it was kept.
   */
  requestedSince?: string | null;
  previous: { id: number; builtAt: string } | null;
  /**
   * Tasks by status. A heading (see {@link DigestTask.rollup}) is not among them when `headings`
   * is present; in digests stored before it was kept, headings are counted under "none".
   */
  counts: Record<StatusKey, number>;
  /**
   * Heading rows (10, 10.1, 13: no status of their own, sub-tasks under them), counted apart
   * from `counts` as `/task`'s count line does. Absent in digests stored before it was kept.
   */
  headings?: number;
  /** Counts now minus the previous digest's; null without a previous digest. */
  moved: Record<StatusKey, number> | null;
  statusChanges: DigestStatusChange[];
  replies: DigestReply[];
  /**
   * Replies received before the period but edited since the previous digest (each `edited`),
   * shown with their new text. Empty without a previous digest; absent in digests stored before.
   */
  editedReplies?: DigestReply[];
  /** Replies withdrawn since the previous digest; empty without one; absent in older digests. */
  withdrawn?: DigestWithdrawn[];
  /** The cut-off the institution part refers to; null: no active cut-off (all replies count). */
  cutoff: { id: number; title: string; at: string; passed: boolean } | null;
  institutions: InstitutionStanding[];
  /**
   * The other live cut-offs with replies ({@link OtherCutoff}), earliest first: the institution
   * part, about `cutoff`, says where those replies went. Absent when none (and in digests stored
   * before it was kept).
   */
  otherCutoffs?: OtherCutoff[];
  /**
   * The other cut-offs that have passed within the grace days with institutions that have not
   * answered them, latest first ({@link PassedNotAnswered}; passed-unanswered.ts): a digest about
   * the next cut-off still names who has not answered the one that has just passed, as the App
   * Home and `/task` do. Absent when none (and in digests stored before it was kept).
   */
  passedNotAnswered?: PassedNotAnswered[];
  overdue: DigestOverdue[];
  upcoming: UpcomingItem[];
  /**
   * Institutions (codes, Latvian order) with reminders planned in the next 30 days but no Slack
   * channel: those reminders are not sent (`hasChannel`, as `send-reminder` decides), so the
   * reminder items of `upcoming` leave them out and the digest names them apart. Absent when
   * there are none (and in digests stored before it was kept).
   */
  upcomingNoChannel?: string[];
  /**
   * Per cut-off with reminders planned in the next 30 days (cut-off time order), the institutions
   * (codes, Latvian order) with a channel that have already answered every task the cut-off asks
   * them about: the sender skips their reminders ("all_answered", `src/reminders/reminded.ts`),
   * so the reminder items of `upcoming` leave them out and the digest names them apart. Absent
   * when there are none (and in digests stored before it was kept).
   */
  upcomingAnswered?: UpcomingAnswered[];
  /**
   * Institutions (codes, Latvian order) with reminders planned in the next 30 days, a channel,
   * not all answered, whose channel the app knows it cannot post to (its last known
   * reachability, db/channel-checks.ts): the sender would fail those reminders, so the reminder
   * items of `upcoming` leave them out and the digest names them apart ("kanāls nav
   * sasniedzams"). Absent when there are none (and in digests stored before it was kept).
   */
  upcomingUnreachable?: string[];
  /**
   * Why each of `upcomingUnreachable` cannot be reached (code → the channel's last known state),
   * so the digest advises the fix that can work (no `/invite` to a channel that does not exist).
   * Absent in digests stored before it was kept: the general advice then.
   */
  upcomingUnreachableWhy?: Record<string, "not_found" | "not_member" | "archived">;
  nextSession: { id: number; at: string; title: string } | null;
  tasks: DigestTask[];
}

/**
 * How an institution stands on `tasks` (task numbers, in order) by its `replies` for a cut-off:
 * `replied` – answered by a verified reply (by one of its contacts); `unverified` – replied to
 * only unverified; `missing` – no reply. The one rule the digest, its response rates and the
 * after-cut-off summary share, as the annex and the reminders read it: an unverified reply is
 * kept and named, but answers nothing.
 */
export function answerStanding(
  tasks: readonly string[],
  replies: ReadonlyArray<{ taskNumber: string | null; verified: boolean }>,
): { replied: string[]; unverified: string[]; missing: string[] } {
  const out = { replied: [] as string[], unverified: [] as string[], missing: [] as string[] };
  for (const number of tasks) {
    const forTask = replies.filter((r) => r.taskNumber === number);
    if (forTask.length === 0) out.missing.push(number);
    else if (forTask.some((r) => r.verified)) out.replied.push(number);
    else out.unverified.push(number);
  }
  return out;
}

/**
 * The tasks an institution has not answered for the cut-off, in task order: those with no reply
 * and those replied to only unverified (not by a contact). As the annex, which leaves an
 * unverified reply out, and the reminders and the after-cut-off summary, which count only a
 * verified one (`institutionProgress`): an unverified reply is listed as such, never as an answer.
 */
export function unansweredTasks(i: Pick<InstitutionStanding, "tasks" | "replied">): string[] {
  const answered = new Set(i.replied);
  return i.tasks.filter((n) => !answered.has(n));
}

/** Institutions that have not answered everything for the cut-off ({@link unansweredTasks}), by code. */
export function missingInstitutions(model: DigestModel): InstitutionStanding[] {
  return model.institutions.filter((i) => unansweredTasks(i).length > 0);
}
