/**
 * Read-only queries for the replies' part of a task's history (src/history/reply-story.ts): the
 * audited changes of a reply's task (audit entity "reply", field "task", before/after task
 * numbers as JSON text), the replies such changes name, their earlier texts (`reply_edits`) and
 * their cut-offs' instants, each read for many replies at once. Lists of ids are read in chunks
 * of {@link ID_CHUNK}, within SQLite's limit of bound parameters (999 before 3.32) and
 * PostgreSQL's (65,535).
 */
import { type ReplyActivity, replyQuery, toActivity } from "./activity.ts";
import type { Db } from "./client.ts";

/** Ids bound in one `in (…)` list. */
export const ID_CHUNK = 500;

/** One audited change of a reply's task: task numbers before and after (null: none). */
export interface ReplyMove {
  id: number;
  replyId: number;
  /** UTC ISO. */
  at: string;
  actor: string;
  before: string | null;
  after: string | null;
}

/** An earlier text of a reply: the text an edit at `at` (UTC ISO) replaced. */
export interface ReplyEdit {
  text: string;
  at: string;
}

/** `ids` in lists of at most {@link ID_CHUNK}. */
function chunks<T>(ids: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < ids.length; i += ID_CHUNK) out.push(ids.slice(i, i + ID_CHUNK));
  return out;
}

/** Ids of the replies whose task was ever changed to or from task `number`. Unordered. */
export async function movedReplyIds(db: Db, number: string): Promise<number[]> {
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

/** Every change of the task of the replies `ids`, by reply id, in the order made. */
export async function replyMoves(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, ReplyMove[]>> {
  const out = new Map<number, ReplyMove[]>();
  const parse = (v: string | null) => (v === null ? null : String(JSON.parse(v) ?? "") || null);
  for (const chunk of chunks(ids)) {
    const rows = await db
      .selectFrom("audit_log")
      .select(["id", "at", "actor", "entity_key", "before", "after"])
      .where("entity", "=", "reply")
      .where("field", "=", "task")
      .where("entity_key", "in", chunk.map(String))
      // A reply's moves all come from one chunk, so this is their order.
      .orderBy("at")
      .orderBy("id")
      .execute();
    for (const row of rows) {
      const replyId = Number(row.entity_key);
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
  }
  return out;
}

/** The replies `ids` that belong to a cut-off of the programme `programmeId`. Unordered. */
export async function repliesInProgramme(
  db: Db,
  ids: readonly number[],
  programmeId: number,
): Promise<ReplyActivity[]> {
  const out: ReplyActivity[] = [];
  for (const chunk of chunks(ids)) {
    const rows = await replyQuery(db)
      .where("replies.id", "in", chunk)
      .where("cutoffs.programme_id", "=", programmeId)
      .execute();
    out.push(...rows.map(toActivity));
  }
  return out;
}

/**
 * The earlier texts of the replies `ids` (as {@link replyHistory} in db/replies.ts reads one
 * reply's), by reply id, oldest first; a reply never edited has no entry.
 */
export async function replyEdits(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, ReplyEdit[]>> {
  const out = new Map<number, ReplyEdit[]>();
  for (const chunk of chunks(ids)) {
    const rows = await db
      .selectFrom("reply_edits")
      .select(["id", "reply_id", "text", "at"])
      .where("reply_id", "in", chunk)
      .orderBy("id")
      .execute();
    for (const r of rows)
      out.set(r.reply_id, [...(out.get(r.reply_id) ?? []), { text: r.text, at: r.at }]);
  }
  return out;
}

/**
 * The instants (UTC ISO) of the cut-offs `ids`, removed ones too, by id: what a reply's
 * "(pēc ziņošanas termiņa)" is judged by in a task's history, as `/task` and the digest judge it.
 */
export async function cutoffInstants(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (const chunk of chunks([...new Set(ids)])) {
    const rows = await db
      .selectFrom("cutoffs")
      .select(["id", "at"])
      .where("id", "in", chunk)
      .execute();
    for (const r of rows) out.set(r.id, r.at);
  }
  return out;
}
