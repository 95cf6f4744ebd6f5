import type { Db } from "./client.ts";

/** A working-group session ("darba grupas sēde"). `at` is a UTC ISO instant. */
export interface Session {
  id: number;
  programmeId: number;
  at: string;
  title: string;
  createdBy: string;
}

const COLUMNS = ["id", "programme_id", "at", "title", "created_by"] as const;

type Row = { id: number; programme_id: number; at: string; title: string; created_by: string };

function toSession(r: Row): Session {
  return {
    id: r.id,
    programmeId: r.programme_id,
    at: r.at,
    title: r.title,
    createdBy: r.created_by,
  };
}

/** Adds a session; returns it. */
export async function insertSession(
  db: Db,
  v: { programmeId: number; at: string; title: string; createdBy: string; createdAt: string },
): Promise<Session> {
  const row = await db
    .insertInto("sessions")
    .values({
      programme_id: v.programmeId,
      at: v.at,
      title: v.title,
      created_by: v.createdBy,
      created_at: v.createdAt,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toSession(row);
}

/** A session that has not been removed, or undefined. */
export async function findSession(db: Db, id: number): Promise<Session | undefined> {
  const row = await db
    .selectFrom("sessions")
    .select(COLUMNS)
    .where("id", "=", id)
    .where("removed_at", "is", null)
    .executeTakeFirst();
  return row ? toSession(row) : undefined;
}

/** The session not removed of programme `programmeId` at instant `at` (UTC ISO), or undefined. */
export async function findSessionAt(
  db: Db,
  programmeId: number,
  at: string,
): Promise<Session | undefined> {
  const row = await db
    .selectFrom("sessions")
    .select(COLUMNS)
    .where("programme_id", "=", programmeId)
    .where("at", "=", at)
    .where("removed_at", "is", null)
    .orderBy("id")
    .executeTakeFirst();
  return row ? toSession(row) : undefined;
}

/** Sessions not removed, earliest first; only those after `afterIso` (UTC ISO) when given. */
export async function listSessions(db: Db, afterIso?: string): Promise<Session[]> {
  let q = db.selectFrom("sessions").select(COLUMNS).where("removed_at", "is", null);
  if (afterIso !== undefined) q = q.where("at", ">", afterIso);
  const rows = await q.orderBy("at").orderBy("id").execute();
  return rows.map(toSession);
}

/** The first session not removed that starts after `nowIso`, or undefined. */
export async function nextSession(db: Db, nowIso: string): Promise<Session | undefined> {
  return (await listSessions(db, nowIso))[0];
}

/** The latest session not removed that started at or before `nowIso`, or undefined. */
export async function lastSession(db: Db, nowIso: string): Promise<Session | undefined> {
  const row = await db
    .selectFrom("sessions")
    .select(COLUMNS)
    .where("removed_at", "is", null)
    .where("at", "<=", nowIso)
    .orderBy("at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? toSession(row) : undefined;
}

/** Marks a session removed (its digests stay). */
export async function removeSession(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable("sessions").set({ removed_at: at }).where("id", "=", id).execute();
}
