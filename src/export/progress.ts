import type { NamedReply } from "../../db/replies.ts";
import { replyBody, tasksNotFiled } from "../domain/attribution.ts";
import { lateMarksOf } from "../domain/late-reply.ts";
import type { TaskStatus } from "../domain/types.ts";
import type { StatusClaim } from "../i18n/reply.ts";

/** One task's replies for a cut-off: who should reply, what counts, what was left out. */
export interface TaskReplies {
  /** Institution codes expected to reply (the task's, printed order). */
  expected: string[];
  /** Replies that count (verified, or all with `--include-unverified`), oldest first. */
  included: NamedReply[];
  /** Unverified replies left out, oldest first. */
  leftOut: NamedReply[];
}

/** One reply as the progress column prints it. `at` is a UTC ISO instant. */
export interface ProgressReply {
  at: string;
  text: string;
  verified: boolean;
  /** True when received after the cut-off's time (`at` later than its instant): marked late. */
  late: boolean;
  /**
   * True when `late` and its institution had answered the task in time for the cut-off (an
   * active verified reply at or before its instant, `lateMarksOf`): marked "(papildināts pēc
   * ziņošanas termiņa)" instead, as `/task` and the digest mark it.
   */
  supplement: boolean;
  claim: StatusClaim | null;
  /**
   * Other tasks the reply names ("2: …; 14: …" filed under 2 → ["14"]; see `tasksNotFiled`):
   * their part of the text is in this task's cell, so the cell says so. Usually empty.
   */
  alsoNames: string[];
}

/** One institution's part of a task's progress: its replies, or none (a missing reply). */
export interface InstitutionProgress {
  code: string;
  replies: ProgressReply[];
  /** Unverified replies of this institution that were left out. */
  leftOut: number;
  /** True when the institution is one of the task's: without replies it is marked missing. */
  expected: boolean;
}

/**
 * A task's progress cell: the stored narrative (as imported), or the replies of a cut-off by
 * institution (the task's institutions in printed order, then any other that replied).
 */
export type ProgressCell =
  | { kind: "stored"; text: string | null }
  | { kind: "replies"; institutions: InstitutionProgress[] };

/** The latest status claim on a task: what it says, who said it, when (UTC ISO). */
export interface Claim {
  status: TaskStatus;
  code: string;
  at: string;
}

/** How a "Submit update" claim reads as a task status; "no_change" says nothing. */
const CLAIM_STATUS: Record<StatusClaim, TaskStatus | null> = {
  done: "done",
  partial: "partial",
  in_progress: "ongoing",
  not_started: "not_done",
  no_change: null,
};

/**
 * The progress cell of a task from its replies for a cut-off. `taskNumbers`: the programme's
 * task numbers, against which a reply's mentions of other tasks are read; `cutoff`: the
 * cut-off the replies are of (its id and instant, UTC ISO; a removed one's too), after whose
 * instant a reply is late, or a supplement when its institution had answered the task in time
 * — `lateMarksOf` (src/domain/late-reply.ts), the rule the digest, `/task N history` and
 * `npm run cli -- replies` mark by, over the task's replies that count: only an active verified
 * reply answers, also with `--include-unverified`.
 */
export function progressOf(
  replies: TaskReplies,
  taskNumbers: readonly string[],
  cutoff: { id: number; at: string },
): ProgressCell {
  // `included` holds every active verified reply of the task (the answers), whatever counts.
  const marks = lateMarksOf(new Map([[cutoff.id, cutoff.at]]), replies.included);
  const codes = [...replies.expected];
  for (const r of replies.included)
    if (!codes.includes(r.institutionCode)) codes.push(r.institutionCode);
  return {
    kind: "replies",
    institutions: codes.map((code) => {
      const mine = replies.included.filter((r) => r.institutionCode === code);
      return {
        code,
        replies: mine.map((r) => {
          const { late, supplement = false } = marks(r);
          return {
            at: r.receivedAt,
            text: replyBody(r.text, r.taskNumber).trim(),
            verified: r.verified,
            late,
            supplement,
            claim: r.statusClaim as StatusClaim | null,
            alsoNames: tasksNotFiled(r.text, taskNumbers, r.taskNumber),
          };
        }),
        leftOut: replies.leftOut.filter((r) => r.institutionCode === code).length,
        expected: replies.expected.includes(code),
      };
    }),
  };
}

/** The latest claim among the replies that count that states a status; null when none does. */
export function latestClaim(replies: TaskReplies): Claim | null {
  let latest: Claim | null = null;
  for (const r of replies.included) {
    const status = CLAIM_STATUS[r.statusClaim as StatusClaim] ?? null;
    if (status && (!latest || r.receivedAt >= latest.at))
      latest = { status, code: r.institutionCode, at: r.receivedAt };
  }
  return latest;
}
