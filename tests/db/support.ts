/**
 * Shared set-up of the migration suites in tests/db: a fresh store per test (SQLite, or
 * PostgreSQL with TEST_DATABASE=postgres), closed after it; one migration taken down and up
 * again through Kysely's Migrator; and a cut-off of LM's programme to hang rows on.
 */
import { Migrator } from "kysely";
import { afterEach, expect } from "vitest";
import type { Db } from "../../db/client.ts";
import { type Cutoff, insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { migrationProvider } from "../../db/migrations/index.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { importedStore } from "../helpers/store.ts";

/** One migration's suite: its store and its way down and up (see {@link migrationSuite}). */
export interface MigrationSuite {
  /** A fresh store, migrated to the latest with the bundled report imported; closed after the test. */
  store(): Promise<Db>;
  /**
   * Migrates the test's store down to `previous` (so migration `name`, and every later one,
   * goes down) or up to the latest, and expects `name` to be among those run, successfully.
   * @throws the migrator's error; Error when no store was made in this test.
   */
  migrate(to: "down" | "latest"): Promise<void>;
}

/**
 * Registers the `afterEach` that closes each test's store and returns the suite of migration
 * `name`, whose predecessor in the list (db/migrations/index.ts) is `previous`.
 */
export function migrationSuite(name: string, previous: string): MigrationSuite {
  let db: Db | undefined;
  afterEach(async () => {
    await db?.destroy();
    db = undefined;
  });
  return {
    async store() {
      ({ db } = await importedStore());
      return db;
    },
    async migrate(to) {
      if (!db) throw new Error("no store");
      const migrator = new Migrator({ db, provider: migrationProvider });
      const result =
        to === "down" ? await migrator.migrateTo(previous) : await migrator.migrateToLatest();
      if (result.error) throw result.error;
      const ran = result.results?.filter((r) => r.migrationName === name);
      expect(ran?.map((r) => [r.migrationName, r.status])).toEqual([[name, "Success"]]);
    },
  };
}

/**
 * Adds a cut-off "Ziņojums" on every task of the current programme at 2027-02-01T21:59:59.999Z
 * (created by U0SEC on 2026-11-29) and returns it with LM's id (0 when the store has no LM).
 */
export async function seedCutoff(db: Db): Promise<{ cutoff: Cutoff; lmId: number }> {
  const lm = await findInstitution(db, "LM");
  const programme = await currentProgramme(db);
  const cutoff = await insertCutoff(db, {
    programmeId: programme?.id ?? 0,
    at: "2027-02-01T21:59:59.999Z",
    title: "Ziņojums",
    taskNumbers: null,
    createdBy: "U0SEC",
    createdAt: "2026-11-29T12:00:00.000Z",
  });
  return { cutoff, lmId: lm?.id ?? 0 };
}
