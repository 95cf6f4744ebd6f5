/**
 * When a reply is late: received after its own cut-off's time. One rule for every place that
 * marks a reply "(pēc ziņošanas termiņa)" / "(after the reporting cut-off)": `/task`'s lines
 * (src/slack/render-task-cutoff.ts), the reminders' last reply (src/slack/render-reminder.ts),
 * the App Home's "↩️" lines (src/digest/other-late.ts), the history, the export and the digest.
 * Whether a task counts as answered late is the digest's rule ({@link answeredInTime}: it goes
 * to the Cabinet report): a task its institution answered in time is never "late", even when a
 * newer reply came after the cut-off ({@link lateMark}: "supplemented"; the digest's reply lines,
 * src/digest/late-marks.ts, `npm run cli -- replies`, `/task N history` and the annex's progress
 * cells, src/export/progress.ts, mark such a reply so by {@link lateMarksOf}). Pure.
 */

/**
 * True when `receivedAt` (the reply's time, UTC ISO) is after `cutoffAt` (its cut-off's time,
 * UTC ISO): a reply at the very instant is in time. Compared as instants (`Date.parse`), so two
 * spellings of one instant agree. An unparsable time is never late.
 */
export function receivedLate(receivedAt: string, cutoffAt: string): boolean {
  return Date.parse(receivedAt) > Date.parse(cutoffAt);
}

/**
 * True when an institution answered a task in time for a cut-off: one of `verifiedAts` (the
 * times, UTC ISO, of its active verified replies to the task for that cut-off — an unverified
 * reply answers nothing) was received at or before `cutoffAt` ({@link receivedLate} false).
 * The digest's rule (`lateAnswers` in src/digest/institutions.ts counts a task late when this
 * is false). None: false.
 */
export function answeredInTime(verifiedAts: Iterable<string>, cutoffAt: string): boolean {
  for (const at of verifiedAts) if (!receivedLate(at, cutoffAt)) return true;
  return false;
}

/**
 * How the reply a view shows for a task (its latest, received at `shownAt`, UTC ISO) is marked
 * against its cut-off's time `cutoffAt`: null when received in time; "late" when received after
 * it and the institution had not answered the task in time (`inTime` false, see
 * {@link answeredInTime}): "(pēc ziņošanas termiņa)"; "supplemented" when received after it
 * but the task was answered in time: "(papildināts pēc ziņošanas termiņa)", so the reader sees
 * both facts and no view calls late a task the digest counts as answered in time.
 */
export function lateMark(
  shownAt: string,
  cutoffAt: string,
  inTime: boolean,
): "late" | "supplemented" | null {
  if (!receivedLate(shownAt, cutoffAt)) return null;
  return inTime ? "supplemented" : "late";
}

/**
 * A reply as {@link lateMarksOf} reads it (db/activity.ts's `ReplyActivity` and db/replies.ts's
 * `NamedReply` both fit): its cut-off, institution, task (null: none), whether it is verified,
 * when it was received and withdrawn (UTC ISO; null while it stands).
 */
export interface MarkedReply {
  cutoffId: number;
  institutionCode: string;
  taskNumber: string | null;
  verified: boolean;
  receivedAt: string;
  withdrawnAt: string | null;
}

/**
 * A reply's marks: `late` when received after its cut-off's time ({@link receivedLate});
 * `supplement` (only then, and only set when true) when its institution had answered its task
 * in time for that cut-off ({@link answeredInTime}), shown "(papildināts pēc ziņošanas
 * termiņa)" instead of late.
 */
export interface LateMarks {
  late: boolean;
  supplement?: true;
}

/** The key of an institution's answers to a task for a cut-off. */
function answerKey(cutoffId: number, code: string, task: string): string {
  return `${cutoffId}\u0000${code}\u0000${task}`;
}

/**
 * A function giving a reply's {@link LateMarks}: `cutoffAt` the cut-offs' instants by id (UTC
 * ISO; a reply of a cut-off not in it is never late), `answers` the replies that may have
 * answered a task in time — every reply of each cut-off a late reply to be marked belongs to
 * (only the active verified ones count: an unverified or withdrawn reply answers nothing). A
 * reply under no task is late, never a supplement (it answers no task yet). The one rule of the
 * digest's lines (src/digest/late-marks.ts), `npm run cli -- replies`, `/task N history` and the
 * annex's progress cells (src/export/progress.ts).
 */
export function lateMarksOf(
  cutoffAt: ReadonlyMap<number, string>,
  answers: Iterable<MarkedReply>,
): (r: Omit<MarkedReply, "verified" | "withdrawnAt">) => LateMarks {
  // Verified answers' times by cut-off, institution and task.
  const times = new Map<string, string[]>();
  for (const a of answers) {
    if (!a.verified || a.withdrawnAt !== null || a.taskNumber === null) continue;
    const key = answerKey(a.cutoffId, a.institutionCode, a.taskNumber);
    times.set(key, [...(times.get(key) ?? []), a.receivedAt]);
  }
  return (r) => {
    const at = cutoffAt.get(r.cutoffId);
    if (at === undefined || !receivedLate(r.receivedAt, at)) return { late: false };
    const ats =
      r.taskNumber === null
        ? []
        : (times.get(answerKey(r.cutoffId, r.institutionCode, r.taskNumber)) ?? []);
    return answeredInTime(ats, at) ? { late: true, supplement: true } : { late: true };
  };
}
