import type { Db } from "./client.ts";

/** A programme row as the app uses it. */
export interface Programme {
  id: number;
  code: string;
  title: string;
}

/** The programme by its code ("2009-2013"), or undefined. */
export async function findProgrammeByCode(db: Db, code: string): Promise<Programme | undefined> {
  return db
    .selectFrom("programmes")
    .select(["id", "code", "title"])
    .where("code", "=", code)
    .executeTakeFirst();
}

/**
 * The programme `/task N` answers for: the most recently created one, or undefined when the
 * store is empty. (Choosing another with `/programme use` comes with programme maintenance.)
 */
export async function currentProgramme(db: Db): Promise<Programme | undefined> {
  return db
    .selectFrom("programmes")
    .select(["id", "code", "title"])
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** Number of programmes in the store; 0 means "first start". */
export async function countProgrammes(db: Db): Promise<number> {
  const row = await db
    .selectFrom("programmes")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
