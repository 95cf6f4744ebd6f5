import type { Db } from "./client.ts";
import { compiled } from "./compiled.ts";
import { getSetting } from "./settings.ts";

/** A programme row as the app uses it. */
export interface Programme {
  id: number;
  code: string;
  title: string;
}

/** The programme by its code ("2009-2013"), or undefined. */
export async function findProgrammeByCode(db: Db, code: string): Promise<Programme | undefined> {
  return (await programmeByCode(db, code))[0];
}

// Every `/task` asks which programme it answers for: compiled once (see compiled.ts).
const programmeByCode = compiled((db, code: string) =>
  db.selectFrom("programmes").select(["id", "code", "title"]).where("code", "=", code),
);
const latestProgramme = compiled((db) =>
  db.selectFrom("programmes").select(["id", "code", "title"]).orderBy("id", "desc").limit(1),
);

/**
 * The programme `/task N` answers for: the one a secretary chose (`/programme use <code>`,
 * stored as the setting "current_programme"), else the most recently created one; undefined
 * when the store is empty.
 */
export async function currentProgramme(db: Db): Promise<Programme | undefined> {
  const chosen = await getSetting(db, "current_programme");
  const stored = chosen === undefined ? undefined : await findProgrammeByCode(db, chosen);
  if (stored) return stored;
  return (await latestProgramme(db))[0];
}

/**
 * The programme a short reference names: its code ("2014-2020") or the code's first year
 * ("2014" → "2014-2020"); undefined when none or when the year names several.
 */
export async function findProgrammeByRef(db: Db, ref: string): Promise<Programme | undefined> {
  const exact = await findProgrammeByCode(db, ref);
  if (exact) return exact;
  const rows = await db
    .selectFrom("programmes")
    .select(["id", "code", "title"])
    .where("code", "like", `${ref}-%`)
    .execute();
  return rows.length === 1 ? rows[0] : undefined;
}

/** Every programme, oldest first, with its number of tasks (rows). */
export async function listProgrammes(db: Db): Promise<Array<Programme & { tasks: number }>> {
  const rows = await db
    .selectFrom("programmes")
    .leftJoin("tasks", "tasks.programme_id", "programmes.id")
    .select(["programmes.id", "programmes.code", "programmes.title"])
    .select((eb) => eb.fn.count<number>("tasks.id").as("tasks"))
    .groupBy(["programmes.id", "programmes.code", "programmes.title"])
    .orderBy("programmes.id")
    .execute();
  return rows.map((r) => ({ ...r, tasks: Number(r.tasks) }));
}

/** Number of programmes in the store; 0 means "first start". */
export async function countProgrammes(db: Db): Promise<number> {
  const row = await db
    .selectFrom("programmes")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
