import type { Db } from "./client.ts";
import { compiled, objectList } from "./compiled.ts";

/** Where a reply came from: a delivered event, the collection job, or the update modal. */
export type ReplySource = "event" | "collect" | "modal";

/** A file attached to a reply: kept as its name and link. */
export interface ReplyFile {
  name: string;
  url: string;
}

/** A stored reply. Times are UTC ISO; `taskId` null = not yet attributed to a task. */
export interface Reply {
  id: number;
  cutoffId: number;
  institutionId: number;
  taskId: number | null;
  channelId: string;
  ts: string;
  threadTs: string | null;
  userId: string;
  text: string;
  files: ReplyFile[];
  statusClaim: string | null;
  verified: boolean;
  source: ReplySource;
  receivedAt: string;
  /**
   * When the app stored it (UTC ISO): at or after `receivedAt`, later when stored late (an edit
   * turning a refused message into a reply, the collection job catching up); the digest's
   * measure of "new" (db/activity.ts `repliesSince`). Never '' (see `insertReply`).
   */
  storedAt: string;
  editedAt: string | null;
  withdrawnAt: string | null;
}

/**
 * What a new reply needs. `storedAt` (UTC ISO `toISO()` form): when the app stores it, the
 * digest's measure of "new" (db/activity.ts `repliesSince`); omitted, it is `receivedAt` —
 * right only where the app stores a reply as it is sent (the update modal). A Slack message
 * stored later (an edit turning a refused message into a reply, the collection job) must pass
 * the app's clock. Stored as `receivedAt` when earlier than it.
 */
export type NewReply = Omit<Reply, "id" | "storedAt" | "editedAt" | "withdrawnAt"> & {
  storedAt?: string;
};

const COLUMNS = [
  "id",
  "cutoff_id",
  "institution_id",
  "task_id",
  "channel_id",
  "ts",
  "thread_ts",
  "user_id",
  "text",
  "files",
  "status_claim",
  "verified",
  "source",
  "received_at",
  "stored_at",
  "edited_at",
  "withdrawn_at",
] as const;

type Row = {
  id: number;
  cutoff_id: number;
  institution_id: number;
  task_id: number | null;
  channel_id: string;
  ts: string;
  thread_ts: string | null;
  user_id: string;
  text: string;
  files: string;
  status_claim: string | null;
  verified: number;
  source: string;
  received_at: string;
  stored_at: string;
  edited_at: string | null;
  withdrawn_at: string | null;
};

function toReply(r: Row): Reply {
  return {
    id: r.id,
    cutoffId: r.cutoff_id,
    institutionId: r.institution_id,
    taskId: r.task_id,
    channelId: r.channel_id,
    ts: r.ts,
    threadTs: r.thread_ts,
    userId: r.user_id,
    text: r.text,
    files: JSON.parse(r.files) as ReplyFile[],
    statusClaim: r.status_claim,
    verified: r.verified === 1,
    source: r.source as ReplySource,
    receivedAt: r.received_at,
    // '' only in a row written around insertReply (SQLite's column default): its post time.
    storedAt: r.stored_at || r.received_at,
    editedAt: r.edited_at,
    withdrawnAt: r.withdrawn_at,
  };
}

/**
 * Stores a reply unless one with the same (channel, ts) exists — Slack's retries, duplicate
 * deliveries and the collection job all land here, so a message is stored exactly once. The one
 * writer of `replies`: it always writes `stored_at` (see `storedTime`), never leaving it to
 * SQLite's '' default (migration 2026_12_04_090000_add_reply_stored_at; PostgreSQL has none).
 * Returns the stored reply and whether this call created it.
 * @throws Error when neither `storedAt` nor `receivedAt` is an instant (nothing is written).
 */
export async function insertReply(
  db: Db,
  r: NewReply,
): Promise<{ reply: Reply; created: boolean }> {
  const result = await db
    .insertInto("replies")
    .values({
      cutoff_id: r.cutoffId,
      institution_id: r.institutionId,
      task_id: r.taskId,
      channel_id: r.channelId,
      ts: r.ts,
      thread_ts: r.threadTs,
      user_id: r.userId,
      text: r.text,
      files: JSON.stringify(r.files),
      status_claim: r.statusClaim,
      verified: r.verified ? 1 : 0,
      source: r.source,
      received_at: r.receivedAt,
      stored_at: storedTime(r),
    })
    .onConflict((oc) => oc.columns(["channel_id", "ts"]).doNothing())
    .executeTakeFirst();
  const created = Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  const reply = await findReplyByMessage(db, r.channelId, r.ts);
  if (!reply) throw new Error("reply not stored");
  return { reply, created };
}

/**
 * The `stored_at` written for `r`: `r.storedAt`, raised to `r.receivedAt` when earlier (a clock
 * behind Slack's; ISO instants compare as text), `r.receivedAt` when omitted.
 * @throws Error when that is no instant: an '' would sort before every digest's window, so the
 * reply would be new in none.
 */
function storedTime(r: NewReply): string {
  const stored = r.storedAt && r.storedAt > r.receivedAt ? r.storedAt : r.receivedAt;
  if (Number.isNaN(Date.parse(stored)))
    throw new Error(`reply ${r.channelId} ${r.ts} has no stored time (${JSON.stringify(stored)})`);
  return stored;
}

/** The reply stored for a Slack message, or undefined. */
export async function findReplyByMessage(
  db: Db,
  channelId: string,
  ts: string,
): Promise<Reply | undefined> {
  const row = await db
    .selectFrom("replies")
    .select(COLUMNS)
    .where("channel_id", "=", channelId)
    .where("ts", "=", ts)
    .executeTakeFirst();
  return row ? toReply(row) : undefined;
}

/** A reply by id, or undefined. */
export async function findReply(db: Db, id: number): Promise<Reply | undefined> {
  const row = await db
    .selectFrom("replies")
    .select(COLUMNS)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? toReply(row) : undefined;
}

/** Replaces a reply's text, keeping the previous text in its history. No-op when unchanged. */
export async function editReply(db: Db, id: number, text: string, at: string): Promise<boolean> {
  const old = await findReply(db, id);
  if (!old || old.text === text) return false;
  await db.insertInto("reply_edits").values({ reply_id: id, text: old.text, at }).execute();
  await db.updateTable("replies").set({ text, edited_at: at }).where("id", "=", id).execute();
  return true;
}

/** Earlier texts of a reply, oldest first. */
export async function replyHistory(
  db: Db,
  id: number,
): Promise<Array<{ text: string; at: string }>> {
  return db
    .selectFrom("reply_edits")
    .select(["text", "at"])
    .where("reply_id", "=", id)
    .orderBy("id")
    .execute();
}

/** Marks a reply withdrawn (its message was deleted); it stays in the store. */
export async function withdrawReply(db: Db, id: number, at: string): Promise<void> {
  await db
    .updateTable("replies")
    .set({ withdrawn_at: at })
    .where("id", "=", id)
    .where("withdrawn_at", "is", null)
    .execute();
}

/** Attributes a reply to a task (`taskId`), or to none (null: an edit took it off its task). */
export async function assignReply(db: Db, id: number, taskId: number | null): Promise<void> {
  await db.updateTable("replies").set({ task_id: taskId }).where("id", "=", id).execute();
}

/** Replies of a cut-off (withdrawn ones included, flagged), oldest first. */
export async function listReplies(db: Db, cutoffId: number): Promise<Reply[]> {
  const rows = await db
    .selectFrom("replies")
    .select(COLUMNS)
    .where("cutoff_id", "=", cutoffId)
    .orderBy("received_at")
    .orderBy("id")
    .execute();
  return rows.map(toReply);
}

/**
 * Active (not withdrawn) replies to one task, newest first; optionally only those to one
 * cut-off (`cutoffIds` a number: the compiled query) or to some (a list: only those cut-offs'
 * replies are read; an empty list reads none).
 */
export async function repliesForTask(
  db: Db,
  taskId: number,
  cutoffIds?: number | readonly number[],
): Promise<Reply[]> {
  if (typeof cutoffIds === "number")
    return toReplies((await cutoffRepliesOfTask(db, taskId, cutoffIds)).sort(newestFirst));
  if (cutoffIds?.length === 0) return objectList();
  let q = db
    .selectFrom("replies")
    .select(COLUMNS)
    .where("task_id", "=", taskId)
    .where("withdrawn_at", "is", null);
  if (cutoffIds) q = q.where("cutoff_id", "in", cutoffIds);
  const rows = await q.orderBy("received_at", "desc").orderBy("id", "desc").execute();
  return toReplies(rows);
}

/** `rows` as replies, in a list of one hidden class whatever its length (see `objectList`). */
function toReplies(rows: readonly Row[]): Reply[] {
  const replies = objectList<Reply>();
  for (const r of rows) replies.push(toReply(r));
  return replies;
}

// What `/task N` shows for the active cut-off: compiled once (see compiled.ts), sorted by
// `newestFirst` (SQLite's ORDER BY built a sorter for the few rows: ~2 µs of a `/task N`).
const cutoffRepliesOfTask = compiled((db, taskId: number, cutoffId: number) =>
  db
    .selectFrom("replies")
    .select(COLUMNS)
    .where("task_id", "=", taskId)
    .where("withdrawn_at", "is", null)
    .where("cutoff_id", "=", cutoffId),
);

/**
 * `order by received_at desc, id desc`. The instants are text in the store's one form (UTC
 * `toISO()`, "2027-01-19T10:00:00.000Z"), which JavaScript's comparison orders as SQLite and
 * PostgreSQL do (the same characters at the same places: digits decide).
 */
function newestFirst(a: Row, b: Row): number {
  if (a.received_at !== b.received_at) return a.received_at < b.received_at ? 1 : -1;
  return b.id - a.id;
}

/** A reply with its institution's code and its task's number (null = unassigned). */
export type NamedReply = Reply & { institutionCode: string; taskNumber: string | null };

/** Replies of a cut-off (withdrawn ones included) with institution codes and task numbers, oldest first. */
export async function listNamedReplies(db: Db, cutoffId: number): Promise<NamedReply[]> {
  const rows = await db
    .selectFrom("replies")
    .innerJoin("institutions", "institutions.id", "replies.institution_id")
    .leftJoin("tasks", "tasks.id", "replies.task_id")
    .select(COLUMNS.map((c) => `replies.${c}` as const))
    .select(["institutions.code as institution_code", "tasks.number as task_number"])
    .where("replies.cutoff_id", "=", cutoffId)
    .orderBy("replies.received_at")
    .orderBy("replies.id")
    .execute();
  return rows.map((row) => ({
    ...toReply(row),
    institutionCode: row.institution_code,
    taskNumber: row.task_number,
  }));
}

/** Active (not withdrawn) replies of one institution for one cut-off, oldest first (indexed). */
export async function institutionReplies(
  db: Db,
  cutoffId: number,
  institutionId: number,
): Promise<Reply[]> {
  const rows = await activeRepliesOf(db, cutoffId, institutionId);
  return rows.map(toReply);
}

// Read for every reminder sent: compiled once (see `compiled`).
const activeRepliesOf = compiled((db, cutoffId: number, institutionId: number) =>
  db
    .selectFrom("replies")
    .select(COLUMNS)
    .where("cutoff_id", "=", cutoffId)
    .where("institution_id", "=", institutionId)
    .where("withdrawn_at", "is", null)
    .orderBy("received_at")
    .orderBy("id"),
);
