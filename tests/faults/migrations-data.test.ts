/**
 * The data migration 2026_12_05_090000_expand_cutoff_headings when several processes start at
 * once, on both stores: four `migrate` processes on one store that holds a cut-off still ahead
 * naming the heading 13 (older data) all finish without error, one of them applies it, and the
 * cut-off is widened to 13.1–13.4 once (one audit entry); a passed one is left as it was.
 */
import { Migrator } from "kysely";
import { describe, expect, it } from "vitest";
import { auditFor } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { migrationProvider } from "../../db/migrations/index.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { applyImport } from "../../src/import/apply-import.ts";
import { report } from "../helpers/store.ts";
import { MIGRATION_STORES, migrateAtOnce, storeOpener } from "./support.ts";

const NAME = "2026_12_05_090000_expand_cutoff_headings";
const PREVIOUS = "2026_12_04_120000_create_channel_checks";

const open = storeOpener();

/** The store at `url` migrated up to {@link PREVIOUS}, the report imported; returns it open. */
async function olderStore(url: string): Promise<Db> {
  const db = open(url);
  const migrated = await new Migrator({ db, provider: migrationProvider }).migrateTo(PREVIOUS);
  if (migrated.error) throw migrated.error;
  await applyImport(db, report(), {
    actor: "test",
    at: "2026-11-29T12:00:00.000Z",
    source: "report.txt",
  });
  return db;
}

describe.each(MIGRATION_STORES)("migration %s of older cut-offs", (_name, fresh) => {
  it("four processes at once: the cut-off ahead widened once, the passed one kept", async () => {
    const url = await fresh();
    const db = await olderStore(url);
    const programmeId = (await currentProgramme(db))?.id ?? 0;
    const stored = (at: string) =>
      insertCutoff(db, {
        programmeId,
        at,
        title: "Vecie dati",
        taskNumbers: ["13"],
        createdBy: "U0SEC",
        createdAt: "2019-11-01T12:00:00.000Z",
      });
    // "Ahead" is judged by the wall clock when the migration runs: far on either side of it.
    const ahead = await stored("2099-04-15T20:59:00.000Z");
    const passed = await stored("2020-02-01T21:59:59.999Z");
    const runs = migrateAtOnce(url);
    expect(await Promise.all(runs.map((r) => r.exited))).toEqual([0, 0, 0, 0]);
    const applied = runs.filter((r) => r.output().includes(NAME));
    expect(applied).toHaveLength(1);
    const scope = async (id: number) =>
      (
        await db
          .selectFrom("cutoffs")
          .select("task_numbers")
          .where("id", "=", id)
          .executeTakeFirstOrThrow()
      ).task_numbers;
    expect(JSON.parse((await scope(ahead.id)) ?? "null")).toEqual(["13.1", "13.2", "13.3", "13.4"]);
    expect(await auditFor(db, "cutoff", String(ahead.id))).toHaveLength(1);
    expect(await scope(passed.id)).toBe('["13"]');
    expect(await auditFor(db, "cutoff", String(passed.id))).toEqual([]);
  }, 60_000);
});
