/**
 * The replies' part of a task's timeline (`/task N history`), told from what the store keeps: the
 * replies attributed to the task (`replies.task_id`), their earlier texts (`reply_edits`: each
 * row the text an edit replaced, at the edit's time) and every change of a reply's task (audit
 * entity "reply", field "task", before → after task numbers: an edit naming another task, which
 * src/replies/edits.ts records at the same instant as the edit, or the assign button). From these:
 * - each reply now attributed to the task, with its text (a withdrawn one without it);
 * - each edit made while the reply was the task's, with its text before and after (around what
 *   changed, {@link textChange});
 * - each move to the task ("from task 14", with the edit that moved it, if one did) and away
 *   from it ("to task 5", with the reply's date and the text it had here), so the task a reply
 *   left still tells what it had received.
 * A withdrawn reply's texts are never shown (its message was deleted), as the digest does.
 */
import { repliesOfTask } from "../../db/activity.ts";
import type { Db } from "../../db/client.ts";
import { replyHistory } from "../../db/replies.ts";
import { replyBody } from "../domain/attribution.ts";
import { excerptSlackText } from "../slack/message-text.ts";
import { messageLink } from "../slack/render-task-cutoff.ts";
import { textChange } from "./text-change.ts";
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
  cutoffTitle: string;
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
}

/** One audited change of a reply's task. */
interface Move {
  id: number;
  replyId: number;
  at: string;
  actor: string;
  before: string | null;
  after: string | null;
}

/**
 * The reply entries of task `number` (id `taskId`) of the programme `programmeId`: see the
 * module's description. `excerptMax`: characters of a reply's own entry. Unordered.
 * @throws Error only when the store fails.
 */
export async function replyEntries(
  db: Db,
  task: { programmeId: number; number: string; taskId: number },
  excerptMax: number,
): Promise<TimelineEntry[]> {
  const own: StoryReply[] = (await repliesOfTask(db, task.taskId)).map((r) => ({
    id: r.id,
    institution: r.institutionCode,
    userId: r.userId,
    cutoffTitle: r.cutoffTitle,
    taskNumber: task.number,
    channelId: r.channelId,
    ts: r.ts,
    text: r.text,
    statusClaim: r.statusClaim,
    verified: r.verified,
    receivedAt: r.receivedAt,
    editedAt: r.editedAt,
    withdrawn: r.withdrawnAt !== null,
  }));
  const ownIds = new Set(own.map((r) => r.id));
  const movedIds = await movedReplyIds(db, task.number);
  const others = await repliesOfProgramme(
    db,
    movedIds.filter((id) => !ownIds.has(id)),
    task.programmeId,
  );
  const replies = [...own, ...others];
  const moves = await movesOf(
    db,
    replies.map((r) => r.id),
  );
  const out: TimelineEntry[] = [];
  for (const r of replies) {
    const edits = r.editedAt === null ? [] : await replyHistory(db, r.id);
    out.push(...storyOf(r, edits, moves.get(r.id) ?? [], task.number, excerptMax));
  }
  return out;
}

/** The entries of one reply on task `number` (see {@link replyEntries}). Pure. */
function storyOf(
  r: StoryReply,
  edits: ReadonlyArray<{ text: string; at: string }>,
  moves: readonly Move[],
  number: string,
  excerptMax: number,
): TimelineEntry[] {
  const link = r.channelId === "modal" ? null : messageLink(r.channelId, r.ts);
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
  const who = { institution: r.institution, userId: r.userId, cutoffTitle: r.cutoffTitle, link };
  const out: TimelineEntry[] = [];
  if (r.taskNumber === number)
    out.push({
      kind: "reply",
      at: r.receivedAt,
      ...who,
      // A withdrawn reply is shown without its text (or claim), as the digest shows it.
      excerpt: r.withdrawn ? "" : excerptSlackText(replyBody(r.text, number), excerptMax),
      claim: r.withdrawn ? null : r.statusClaim,
      verified: r.verified,
      withdrawn: r.withdrawn,
    });
  edits.forEach((e, i) => {
    // The edit that moved the reply is told with the move.
    if (moves.some((m) => m.at === e.at) || taskBefore(e.at) !== number) return;
    const change = r.withdrawn
      ? null
      : textChange(
          replyBody(e.text, number),
          replyBody(versions[i + 1] ?? r.text, number),
          EDIT_SIDE_MAX,
        );
    out.push({ kind: "replyEdit", at: e.at, ...who, change });
  });
  for (const m of moves) {
    if (m.before === m.after || (m.before !== number && m.after !== number)) continue;
    const i = edits.findIndex((e) => e.at === m.at);
    const edit = edits[i];
    const here = m.after === number;
    const text = replyBody(textBefore(m.at), number);
    out.push({
      kind: "replyMoved",
      at: m.at,
      ...who,
      actor: m.actor,
      from: m.before,
      to: m.after ?? "",
      here,
      receivedAt: r.receivedAt,
      excerpt: r.withdrawn || here ? null : excerptSlackText(text, MOVED_EXCERPT_MAX),
      change:
        r.withdrawn || !here || !edit
          ? null
          : textChange(edit.text, versions[i + 1] ?? r.text, EDIT_SIDE_MAX),
      withdrawn: r.withdrawn,
    });
  }
  return out;
}

/** Ids of the replies whose task was changed to or from `number` (audit entity "reply"). */
async function movedReplyIds(db: Db, number: string): Promise<number[]> {
  const value = JSON.stringify(number);
  const rows = await db
    .selectFrom("audit_log")
    .select("entity_key")
    .where("entity", "=", "reply")
    .where("field", "=", "task")
    .where((eb) => eb.or([eb("before", "=", value), eb("after", "=", value)]))
    .execute();
  return [...new Set(rows.map((m) => Number(m.entity_key)))].filter(Number.isInteger);
}

/** Every change of the task of the replies `ids`, by reply, in the order made. */
async function movesOf(db: Db, ids: number[]): Promise<Map<number, Move[]>> {
  const out = new Map<number, Move[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom("audit_log")
    .select(["id", "at", "actor", "entity_key", "before", "after"])
    .where("entity", "=", "reply")
    .where("field", "=", "task")
    .where("entity_key", "in", ids.map(String))
    .orderBy("at")
    .orderBy("id")
    .execute();
  for (const row of rows) {
    const replyId = Number(row.entity_key);
    const parse = (v: string | null) => (v === null ? null : String(JSON.parse(v) ?? "") || null);
    const move = {
      id: row.id,
      replyId,
      at: row.at,
      actor: row.actor,
      before: parse(row.before),
      after: parse(row.after),
    };
    out.set(replyId, [...(out.get(replyId) ?? []), move]);
  }
  return out;
}

/** The replies `ids` that belong to a cut-off of the programme `programmeId`. */
async function repliesOfProgramme(
  db: Db,
  ids: number[],
  programmeId: number,
): Promise<StoryReply[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("replies")
    .innerJoin("cutoffs", "cutoffs.id", "replies.cutoff_id")
    .innerJoin("institutions", "institutions.id", "replies.institution_id")
    .leftJoin("tasks", "tasks.id", "replies.task_id")
    .select([
      "replies.id",
      "institutions.code",
      "replies.user_id",
      "cutoffs.title",
      "tasks.number",
      "replies.channel_id",
      "replies.ts",
      "replies.text",
      "replies.status_claim",
      "replies.verified",
      "replies.received_at",
      "replies.edited_at",
      "replies.withdrawn_at",
    ])
    .where("replies.id", "in", ids)
    .where("cutoffs.programme_id", "=", programmeId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    institution: r.code,
    userId: r.user_id,
    cutoffTitle: r.title,
    taskNumber: r.number,
    channelId: r.channel_id,
    ts: r.ts,
    text: r.text,
    statusClaim: r.status_claim,
    verified: r.verified === 1,
    receivedAt: r.received_at,
    editedAt: r.edited_at,
    withdrawn: r.withdrawn_at !== null,
  }));
}
