/**
 * Older data meets migration 2026_12_05_090000_expand_cutoff_headings and the re-plan `serve`
 * runs at every start after migrating: a cut-off still ahead stored naming the heading 13
 * (before `/cutoff add` expanded headings) now reminds 13.1–13.4's institutions (TM reports
 * only on 13.4); a passed one stored the same way stays exactly as it was — its scope, its
 * reminder rows, no catch-up overdue reminder queued for the sub-tasks' institutions, its
 * response rates and `/task 13.4 history` unchanged (what the read-time expansion of d095f7e
 * broke and 98e5018 reverted). Real store (SQLite, or PostgreSQL with TEST_DATABASE=postgres),
 * real queue on a private Redis, the real planner.
 */
import { Migrator } from "kysely";
import { describe, expect, it } from "vitest";
import { handle, parse } from "../../commands/cutoff.ts";
import type { Db } from "../../db/client.ts";
import { findCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { migrationProvider } from "../../db/migrations/index.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { listReminders } from "../../db/reminders.ts";
import { scopeOfCutoff, tasksByInstitution } from "../../db/scope.ts";
import { institutionStandings } from "../../src/digest/institutions.ts";
import { adminSuite, as, runTask, SECRETARY, shown, storeCutoff } from "./admin-support.ts";

const NAME = "2026_12_05_090000_expand_cutoff_headings";
const PREVIOUS = "2026_12_04_120000_create_channel_checks";
const NOW = "2026-11-29T12:00:00.000Z";
// The migration judges "ahead" by the wall clock: these are far on either side of it (and of NOW).
const AHEAD_AT = "2099-04-15T20:59:00.000Z";
const PASSED_AT = "2020-02-01T21:59:59.999Z";

const w = adminSuite({ now: NOW });

async function migrateTo(db: Db, to: "previous" | "latest"): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const result =
    to === "previous" ? await migrator.migrateTo(PREVIOUS) : await migrator.migrateToLatest();
  if (result.error) throw result.error;
  expect(result.results?.map((r) => [r.migrationName, r.status])).toEqual([[NAME, "Success"]]);
}

const storedCutoff = (at: string, tasks: string[]) =>
  storeCutoff(w.db, { at, tasks, title: "Vecie dati", createdAt: "2019-11-01T12:00:00.000Z" });

/** The queue's jobs (delayed or waiting) of cut-off `id`, by job id. */
async function jobsOf(id: number): Promise<string[]> {
  const jobs = await w.queue.getJobs(["delayed", "waiting", "prioritized"]);
  return jobs
    .filter((j) => (j?.data as { cutoffId?: number } | undefined)?.cutoffId === id)
    .map((j) => j?.id ?? "")
    .sort();
}

/** What a passed cut-off has on record, and what the app reads of it. */
async function passedRecord(id: number) {
  const programme = (await currentProgramme(w.db))?.id ?? 0;
  const nowIso = w.clock.now().toUTC().toISO() ?? "";
  return {
    scope: (await findCutoff(w.db, id))?.taskNumbers,
    reminders: await listReminders(w.db, id),
    jobs: await jobsOf(id),
    rates: (await institutionStandings(w.db, programme, undefined, nowIso)).map((s) => [
      s.code,
      s.rate,
    ]),
    history: (await runTask(w.deps, "13.4 history", SECRETARY)).shown,
  };
}

describe("migration: cut-offs stored naming a heading", () => {
  it("widens the one still ahead, whose plan then reminds TM; the passed one stays as it was", async () => {
    await migrateTo(w.db, "previous");
    const ahead = await storedCutoff(AHEAD_AT, ["13", "5"]);
    const passed = await storedCutoff(PASSED_AT, ["13", "5"]);
    // As the older version planned them: scope "13" reminded nobody about the sub-tasks.
    await w.deps.replan();
    const tm = (await findInstitution(w.db, "TM"))?.id ?? 0;
    expect((await listReminders(w.db, ahead)).map((r) => r.institutionId)).not.toContain(tm);
    const before = await passedRecord(passed);
    expect(before.reminders.map((r) => r.institutionId)).not.toContain(tm);

    await migrateTo(w.db, "latest");
    // What `serve` does at start after migrating: the whole plan rebuilt from the store.
    await w.deps.replan();

    const widened = await findCutoff(w.db, ahead);
    expect(widened?.taskNumbers).toEqual(["5", "13.1", "13.2", "13.3", "13.4"]);
    const expected = [
      ...tasksByInstitution(
        await scopeOfCutoff(w.db, widened ?? { programmeId: 0, taskNumbers: [] }),
      ).keys(),
    ].sort();
    const reminded = [...new Set((await listReminders(w.db, ahead)).map((r) => r.institutionId))];
    expect(reminded.sort()).toEqual(expected);
    expect(reminded).toContain(tm);
    expect(await jobsOf(ahead)).not.toEqual([]);
    const plan = shown(await handle(parse(`plan ${ahead}`), w.deps, as(SECRETARY)));
    expect(plan).toContain("5 uzdevumi");
    expect(plan).toContain("*TM*");

    // The passed cut-off: nothing of it changed, no reminder for the sub-tasks' institutions.
    const after = await passedRecord(passed);
    expect(after).toEqual(before);
    expect(after.scope).toEqual(["13", "5"]);
  });
});
