/**
 * The replies' part of a task's timeline (`/task N history`), told from what the store keeps: the
 * replies attributed to the task (`replies.task_id`), their earlier texts (`reply_edits`: each
 * row the text an edit replaced, at the edit's time) and every change of a reply's task (audit
 * entity "reply", field "task", before → after task numbers: an edit naming another task, which
 * src/replies/edits.ts records at the same instant as the edit, or the assign button). From these:
 * - each reply first filed under the task (its task before its first move, or now if never
 *   moved), at its receipt, with the text it had then (the text its first edit replaced, or
 *   its text if never edited; a withdrawn one without it). A reply first filed under no task
 *   has no such entry: its move to a task ("attributed to this task") tells it;
 * - each edit made while the reply was the task's, with its text before and after (around what
 *   changed, {@link textChange});
 * - each move to the task ("from task 14", with the edit that moved it if one did, else the text
 *   it came with) and away from it ("to task 5", with the reply's date and the text it had
 *   here), so the task a reply left still tells what it had received, and the task it came to
 *   never tells it as received there.
 * - a withdrawn reply's withdrawal, at its time, on the task it was withdrawn from.
 * A withdrawn reply's texts are never shown (its message was deleted), as the digest does, nor
 * a link to its message. A reply received after its cut-off's instant is marked late, or as a
 * supplement when its institution had answered the task in time for that cut-off (`lateMarksOf`,
 * src/domain/late-reply.ts: the rule of `/task`, the digest, the annex and the CLI).
 */
import { type ReplyActivity, repliesOfCutoff, repliesOfTask } from "../../db/activity.ts";
import type { Db } from "../../db/client.ts";
import {
  cutoffInstants,
  movedReplyIds,
  type ReplyEdit,
  type ReplyMove,
  repliesInProgramme,
  replyEdits,
  replyMoves,
} from "../../db/reply-story.ts";
import { replyBody } from "../domain/attribution.ts";
import { type LateMarks, lateMarksOf, receivedLate } from "../domain/late-reply.ts";
import { excerptSlackText } from "../slack/message-text.ts";
import { messageLink } from "../slack/render-task-cutoff.ts";
import { type TextChange, textChange } from "./text-change.ts";
import type { TimelineEntry } from "./timeline.ts";

/** Characters of a reply shown where it was moved away from the task. */
export const MOVED_EXCERPT_MAX = 160;

/** Characters of each side of an edit ("„…” → „…”"). */
export const EDIT_SIDE_MAX = 200;

/** A reply as its story needs it. */
interface StoryReply {
  id: number;
  institution: string;
  userId: string;
  cutoffId: number;
  /** Received after its cut-off's instant (the rule `/task`, the digest and the CLI mark by). */
  late: boolean;
  /**
   * Late, and its institution had answered the timeline's task in time for that cut-off (an
   * active verified reply at or before its instant): "(papildināts pēc ziņošanas termiņa)".
   */
  supplement: boolean;
  /** The task it is attributed to now (null: none). */
  taskNumber: string | null;
  channelId: string;
  ts: string;
  text: string;
  statusClaim: string | null;
  verified: boolean;
  receivedAt: string;
  editedAt: string | null;
  withdrawn: boolean;
  /** When it was withdrawn (UTC ISO); null while it stands. */
  withdrawnAt: string | null;
}

/**
 * The replies of task `number` (id `taskId`) of the programme `programmeId` a timeline tells:
 * those filed under it now (`own`), those ever moved to or from it (`others`, by their audited
 * moves), and every one's moves (audit entity "reply", field "task"), oldest first. Read once
 * per `/task N history` for both its reply entries ({@link replyEntries}) and the reminders that
 * still asked about the task (src/history/asked.ts).
 */
export interface TaskReplies {
  own: ReplyActivity[];
  others: ReplyActivity[];
  moves: Map<number, ReplyMove[]>;
}

/** Reads {@link TaskReplies} of `task`. @throws Error only when the store fails. */
export async function readTaskReplies(
  db: Db,
  task: { programmeId: number; number: string; taskId: number },
): Promise<TaskReplies> {
  const own = await repliesOfTask(db, task.taskId);
  const ownIds = new Set(own.map((r) => r.id));
  const movedIds = await movedReplyIds(db, task.number);
  const others = await repliesInProgramme(
    db,
    movedIds.filter((id) => !ownIds.has(id)),
    task.programmeId,
  );
  const moves = await replyMoves(
    db,
    [...own, ...others].map((r) => r.id),
  );
  return { own, others, moves };
}

/**
 * The reply entries of task `number` from its replies as read (`read`, {@link readTaskReplies}):
 * see the module's description. `excerptMax`: characters of a reply's own entry. Unordered.
 * @throws Error only when the store fails.
 */
export async function replyEntries(
  db: Db,
  task: { number: string },
  read: TaskReplies,
  excerptMax: number,
): Promise<TimelineEntry[]> {
  const { own, others, moves } = read;
  const instants = await cutoffInstants(
    db,
    [...own, ...others].map((r) => r.cutoffId),
  );
  const marks = await supplementMarks(db, [...own, ...others], instants);
  // A supplement to this timeline's task: its institution answered this task in time.
  const supplement = (r: ReplyActivity) =>
    marks({ ...r, taskNumber: task.number }).supplement === true;
  const replies = [
    ...own.map((r) => storyReply(r, task.number, instants, supplement(r))),
    ...others.map((r) => storyReply(r, r.taskNumber, instants, supplement(r))),
  ];
  // Every edited reply's earlier texts in one read, not one read a reply.
  const edits = await replyEdits(
    db,
    replies.filter((r) => r.editedAt !== null).map((r) => r.id),
  );
  return replies.flatMap((r) =>
    storyOf(r, edits.get(r.id) ?? [], moves.get(r.id) ?? [], task.number, excerptMax),
  );
}

/**
 * The {@link LateMarks} of `replies` against their cut-offs (`instants` by id), by the rule of
 * `/task` and the digest (`lateMarksOf`): reads the active replies of each cut-off one of
 * `replies` is late for, the answers that may have come in time. @throws the store's errors.
 */
async function supplementMarks(
  db: Db,
  replies: readonly ReplyActivity[],
  instants: ReadonlyMap<number, string>,
): Promise<(r: ReplyActivity) => LateMarks> {
  const lateCutoffs = new Set<number>();
  for (const r of replies) {
    const at = instants.get(r.cutoffId);
    if (at !== undefined && receivedLate(r.receivedAt, at)) lateCutoffs.add(r.cutoffId);
  }
  const answers: ReplyActivity[] = [];
  for (const id of lateCutoffs) answers.push(...(await repliesOfCutoff(db, id)));
  return lateMarksOf(instants, answers);
}

/**
 * A stored reply as its story reads it; `taskNumber` the task it is attributed to now,
 * `instants` the cut-offs' instants by id (late: received after its own), `supplement` whether
 * it supplements the timeline's task ({@link StoryReply.supplement}).
 */
function storyReply(
  r: ReplyActivity,
  taskNumber: string | null,
  instants: ReadonlyMap<number, string>,
  supplement: boolean,
): StoryReply {
  const cutoffAt = instants.get(r.cutoffId);
  return {
    id: r.id,
    institution: r.institutionCode,
    userId: r.userId,
    cutoffId: r.cutoffId,
    late: cutoffAt !== undefined && receivedLate(r.receivedAt, cutoffAt),
    supplement,
    taskNumber,
    channelId: r.channelId,
    ts: r.ts,
    text: r.text,
    statusClaim: r.statusClaim,
    verified: r.verified,
    receivedAt: r.receivedAt,
    editedAt: r.editedAt,
    withdrawn: r.withdrawnAt !== null,
    withdrawnAt: r.withdrawnAt,
  };
}

/**
 * What an edit from `before` to `after` changed in the reply's text about task `number` (its
 * "14:" left out, {@link replyBody}); when that reads the same on both sides but the whole texts
 * do not (only the task number's form changed), the whole texts. Pure.
 */
function bodyChange(before: string, after: string, number: string): TextChange {
  const body = textChange(replyBody(before, number), replyBody(after, number), EDIT_SIDE_MAX);
  if (body.before !== body.after && !body.whitespaceOnly) return body;
  return textChange(before, after, EDIT_SIDE_MAX);
}

/** The entries of one reply on task `number` (see {@link replyEntries}). Pure. */
function storyOf(
  r: StoryReply,
  edits: readonly ReplyEdit[],
  moves: readonly ReplyMove[],
  number: string,
  excerptMax: number,
): TimelineEntry[] {
  // A withdrawn reply's message was deleted: no link leads to it.
  const link = r.channelId === "modal" || r.withdrawn ? null : messageLink(r.channelId, r.ts);
  // versions[i] is the text edits[i] replaced; the last is the text now.
  const versions = [...edits.map((e) => e.text), r.text];
  const textBefore = (at: string) => {
    const i = edits.findIndex((e) => e.at >= at);
    return versions[i === -1 ? edits.length : i] ?? r.text;
  };
  // The task the reply had just before `at` (a move at `at` itself not yet made).
  const taskBefore = (at: string) => {
    const earlier = moves.filter((m) => m.at < at);
    if (earlier.length > 0) return earlier.at(-1)?.after ?? null;
    return moves[0] ? moves[0].before : r.taskNumber;
  };
  const who = { institution: r.institution, userId: r.userId, cutoffId: r.cutoffId, link };
  const out: TimelineEntry[] = [];
  // Received: told on the task the reply was first filed under (none: the move that attached it
  // tells it instead), with the text it had then, not a text a later edit gave it.
  const firstTask = moves[0] ? moves[0].before : r.taskNumber;
  if (firstTask === number)
    out.push({
      kind: "reply",
      at: r.receivedAt,
      ...who,
      // A withdrawn reply is shown without its text (or claim), as the digest shows it.
      excerpt: r.withdrawn
        ? ""
        : excerptSlackText(replyBody(versions[0] ?? r.text, number), excerptMax),
      claim: r.withdrawn ? null : r.statusClaim,
      verified: r.verified,
      withdrawn: r.withdrawn,
      late: r.late,
      supplement: r.supplement,
    });
  // Withdrawn: told when it was, on the task it was withdrawn from (a withdrawn reply never moves).
  if (r.withdrawnAt !== null && r.taskNumber === number)
    out.push({
      kind: "replyDeleted",
      at: r.withdrawnAt,
      institution: r.institution,
      userId: r.userId,
      cutoffId: r.cutoffId,
      receivedAt: r.receivedAt,
    });
  edits.forEach((e, i) => {
    // The edit that moved the reply is told with the move.
    if (moves.some((m) => m.at === e.at) || taskBefore(e.at) !== number) return;
    const change = r.withdrawn ? null : bodyChange(e.text, versions[i + 1] ?? r.text, number);
    out.push({ kind: "replyEdit", at: e.at, ...who, change });
  });
  for (const m of moves) {
    if (m.before === m.after || (m.before !== number && m.after !== number)) continue;
    const i = edits.findIndex((e) => e.at === m.at);
    const edit = edits[i];
    const here = m.after === number;
    // Moved here not by an edit: the text it came with (an edit's change shows it otherwise).
    const shown =
      here && edit
        ? null
        : excerptSlackText(replyBody(textBefore(m.at), number), MOVED_EXCERPT_MAX);
    out.push({
      kind: "replyMoved",
      at: m.at,
      ...who,
      actor: m.actor,
      from: m.before,
      to: m.after,
      here,
      receivedAt: r.receivedAt,
      late: r.late,
      excerpt: r.withdrawn ? null : shown,
      change:
        r.withdrawn || !here || !edit
          ? null
          : textChange(edit.text, versions[i + 1] ?? r.text, EDIT_SIDE_MAX),
      withdrawn: r.withdrawn,
    });
  }
  return out;
}
