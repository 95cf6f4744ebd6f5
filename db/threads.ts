import type { Db } from "./client.ts";
import { compiled } from "./compiled.ts";

/** The reminder thread of one institution for one cut-off. */
export interface ReminderThread {
  id: number;
  cutoffId: number;
  institutionId: number;
  channelId: string;
  threadTs: string;
  collectedAt: string | null;
}

const COLUMNS = [
  "id",
  "cutoff_id",
  "institution_id",
  "channel_id",
  "thread_ts",
  "collected_at",
] as const;

function toThread(r: {
  id: number;
  cutoff_id: number;
  institution_id: number;
  channel_id: string;
  thread_ts: string;
  collected_at: string | null;
}): ReminderThread {
  return {
    id: r.id,
    cutoffId: r.cutoff_id,
    institutionId: r.institution_id,
    channelId: r.channel_id,
    threadTs: r.thread_ts,
    collectedAt: r.collected_at,
  };
}

/** The thread of an institution for a cut-off, or undefined before the first reminder. */
export async function findThread(
  db: Db,
  cutoffId: number,
  institutionId: number,
): Promise<ReminderThread | undefined> {
  const [row] = await threadOf(db, cutoffId, institutionId);
  return row ? toThread(row) : undefined;
}

const threadOf = compiled((db, cutoffId: number, institutionId: number) =>
  db
    .selectFrom("reminder_threads")
    .select(COLUMNS)
    .where("cutoff_id", "=", cutoffId)
    .where("institution_id", "=", institutionId),
);

/** The thread whose root is (channel, ts): how a message in a thread is recognised as a reply. */
export async function threadByRoot(
  db: Db,
  channelId: string,
  threadTs: string,
): Promise<ReminderThread | undefined> {
  const row = await db
    .selectFrom("reminder_threads")
    .select(COLUMNS)
    .where("channel_id", "=", channelId)
    .where("thread_ts", "=", threadTs)
    .executeTakeFirst();
  return row ? toThread(row) : undefined;
}

/** Records a thread's root message; a second call for the same pair keeps the first. */
export async function insertThread(
  db: Db,
  v: { cutoffId: number; institutionId: number; channelId: string; threadTs: string; at: string },
): Promise<ReminderThread> {
  await db
    .insertInto("reminder_threads")
    .values({
      cutoff_id: v.cutoffId,
      institution_id: v.institutionId,
      channel_id: v.channelId,
      thread_ts: v.threadTs,
      created_at: v.at,
    })
    .onConflict((oc) => oc.columns(["cutoff_id", "institution_id"]).doNothing())
    .execute();
  const thread = await findThread(db, v.cutoffId, v.institutionId);
  if (!thread) throw new Error(`reminder thread for cut-off ${v.cutoffId} not stored`);
  return thread;
}

/** Threads of cut-offs not removed whose instant is after `since` (UTC ISO): those still collected. */
export async function openThreads(db: Db, since: string): Promise<ReminderThread[]> {
  const rows = await db
    .selectFrom("reminder_threads")
    .innerJoin("cutoffs", "cutoffs.id", "reminder_threads.cutoff_id")
    .select(COLUMNS.map((c) => `reminder_threads.${c}` as const))
    .where("cutoffs.removed_at", "is", null)
    .where("cutoffs.at", ">", since)
    .orderBy("reminder_threads.id")
    .execute();
  return rows.map(toThread);
}

/** Notes when the collection job last read a thread. */
export async function markCollected(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable("reminder_threads").set({ collected_at: at }).where("id", "=", id).execute();
}
