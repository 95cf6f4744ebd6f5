import type { Db } from "./client.ts";
import { compiled } from "./compiled.ts";
import { currentProgramme } from "./programmes.ts";

/** A reporting cut-off. `at` is a UTC ISO instant; `taskNumbers` null = the default scope. */
export interface Cutoff {
  id: number;
  programmeId: number;
  at: string;
  title: string;
  taskNumbers: string[] | null;
  createdBy: string;
}

type Row = {
  id: number;
  programme_id: number;
  at: string;
  title: string;
  task_numbers: string | null;
  created_by: string;
};

function toCutoff(r: Row): Cutoff {
  return {
    id: r.id,
    programmeId: r.programme_id,
    at: r.at,
    title: r.title,
    taskNumbers: r.task_numbers ? (JSON.parse(r.task_numbers) as string[]) : null,
    createdBy: r.created_by,
  };
}

const COLUMNS = ["id", "programme_id", "at", "title", "task_numbers", "created_by"] as const;

/** Adds a cut-off; returns it. */
export async function insertCutoff(
  db: Db,
  values: {
    programmeId: number;
    at: string;
    title: string;
    taskNumbers: string[] | null;
    createdBy: string;
    createdAt: string;
  },
): Promise<Cutoff> {
  const row = await db
    .insertInto("cutoffs")
    .values({
      programme_id: values.programmeId,
      at: values.at,
      title: values.title,
      task_numbers: values.taskNumbers ? JSON.stringify(values.taskNumbers) : null,
      created_by: values.createdBy,
      created_at: values.createdAt,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toCutoff(row);
}

/** A cut-off that has not been removed, or undefined. */
export async function findCutoff(db: Db, id: number): Promise<Cutoff | undefined> {
  const [row] = await liveCutoffById(db, id);
  return row ? toCutoff(row) : undefined;
}

const liveCutoffById = compiled((db, id: number) =>
  db.selectFrom("cutoffs").select(COLUMNS).where("id", "=", id).where("removed_at", "is", null),
);

/**
 * The cut-off a reply is written for, even when it was removed ({@link findCutoff} skips removed
 * ones): its scope still says which task a reply in its thread is about. Undefined when no such
 * cut-off exists. `removed`: true when the secretary removed it; `removedAt`: when (UTC ISO), or null.
 */
export async function replyCutoff(
  db: Db,
  id: number,
): Promise<{ cutoff: Cutoff; removed: boolean; removedAt: string | null } | undefined> {
  const [row] = await cutoffById(db, id);
  return row
    ? { cutoff: toCutoff(row), removed: row.removed_at !== null, removedAt: row.removed_at }
    : undefined;
}

// Every thread reply and every edit asks for its cut-off: compiled once (see compiled.ts).
const cutoffById = compiled((db, id: number) =>
  db
    .selectFrom("cutoffs")
    .select([...COLUMNS, "removed_at"])
    .where("id", "=", id),
);

/** Cut-offs not removed, earliest first. */
export async function listCutoffs(db: Db): Promise<Cutoff[]> {
  const rows = await db
    .selectFrom("cutoffs")
    .select(COLUMNS)
    .where("removed_at", "is", null)
    .orderBy("at")
    .orderBy("id")
    .execute();
  return rows.map(toCutoff);
}

/**
 * Removed cut-offs with when each was removed (`removedAt`, UTC ISO), the latest removal first
 * (for `/cutoff list`'s line of removed ones).
 */
export async function listRemovedCutoffs(
  db: Db,
): Promise<Array<{ cutoff: Cutoff; removedAt: string }>> {
  const rows = await db
    .selectFrom("cutoffs")
    .select([...COLUMNS, "removed_at"])
    .where("removed_at", "is not", null)
    .orderBy("removed_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map((r) => ({ cutoff: toCutoff(r), removedAt: r.removed_at ?? "" }));
}

// `/task N` asks for the active cut-off every time: compiled once (see compiled.ts).
const liveAfter = (db: Db, since: string) =>
  db.selectFrom("cutoffs").select(COLUMNS).where("removed_at", "is", null).where("at", ">", since);
const firstOfProgrammeAfter = compiled((db, programmeId: number, since: string) =>
  liveAfter(db, since).where("programme_id", "=", programmeId).orderBy("at").limit(1),
);
const lastOfProgrammeAfter = compiled((db, programmeId: number, since: string) =>
  liveAfter(db, since).where("programme_id", "=", programmeId).orderBy("at", "desc").limit(1),
);

/** Cut-offs not removed whose instant is after `since` (UTC ISO), earliest first. */
export async function liveCutoffsAfter(db: Db, since: string): Promise<Cutoff[]> {
  return (await allLiveAfter(db, since)).map(toCutoff);
}
const allLiveAfter = compiled((db, since: string) =>
  liveAfter(db, since).orderBy("at").orderBy("id"),
);

/**
 * Moves a live cut-off to a new instant `at` (UTC ISO). Returns false when it was removed
 * meanwhile (or never existed): a removed cut-off keeps its time.
 */
export async function moveCutoff(db: Db, id: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable("cutoffs")
    .set({ at })
    .where("id", "=", id)
    .where("removed_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Marks a cut-off removed at `at` (UTC ISO; its replies stay in the store). Returns false when
 * it was removed already (or never existed), so that of two removes racing one wins.
 */
export async function removeCutoff(db: Db, id: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable("cutoffs")
    .set({ removed_at: at })
    .where("id", "=", id)
    .where("removed_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * The cut-off a task's status refers to: of programme `programmeId` (by default the current one,
 * `currentProgramme`: a cut-off of a programme switched away from is nobody's), the next one not
 * yet passed, else the latest one that passed after `graceIso` (replies still come in after a
 * cut-off), else undefined — undefined too when the store holds no programme.
 * Both instants are UTC ISO.
 */
export async function activeCutoff(
  db: Db,
  nowIso: string,
  graceIso: string,
  programmeId?: number,
): Promise<Cutoff | undefined> {
  const id = programmeId ?? (await currentProgramme(db))?.id;
  if (id === undefined) return undefined;
  const [next] = await firstOfProgrammeAfter(db, id, nowIso);
  if (next) return toCutoff(next);
  const [row] = await lastOfProgrammeAfter(db, id, graceIso);
  return row ? toCutoff(row) : undefined;
}
