/**
 * A re-import that makes a task a heading (13.4 loses its status and institutions, gains the
 * sub-task 13.4.1, VP's): in the scope of the programme's cut-offs still ahead of the import,
 * 13.4 now stands for 13.4.1 (audited, listed in the summary's `cutoffs`), and the re-plan a
 * `/cutoff` change takes (`replanSafely`, as the CLI's import runs it) reminds VP; a passed
 * cut-off naming 13.4 and a removed one keep their scope, and no reminder for VP (no catch-up
 * overdue one) is planned or queued for the passed one, nor is VP's response rate touched.
 * Importing the same file again widens nothing. Real store (SQLite, or PostgreSQL with
 * TEST_DATABASE=postgres), real queue on a private Redis, the real planner.
 */
import { describe, expect, it } from "vitest";
import { replanSafely } from "../../commands/access.ts";
import { findCutoff, listCutoffs } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { listReminders } from "../../db/reminders.ts";
import { institutionStandings } from "../../src/digest/institutions.ts";
import type { ImportedReport } from "../../src/domain/types.ts";
import { applyImport } from "../../src/import/apply-import.ts";
import { adminSuite, auditOf, storeCutoff } from "../commands/admin-support.ts";
import { report } from "../helpers/store.ts";

const NOW = "2026-11-29T12:00:00.000Z";
const w = adminSuite({ now: NOW });
const ctx = { actor: "import:report.txt", at: NOW, source: "report.txt" };

/** The bundled report with 13.4 made a heading over a new sub-task 13.4.1 reported on by VP. */
function reportWith1341(): ImportedReport {
  const base = report();
  const tasks = base.tasks.flatMap((t) => {
    if (t.number !== "13.4") return [t];
    const heading = { ...t, status: null, institutions: [] };
    const sub = {
      ...t,
      number: "13.4.1",
      parent: "13.4",
      institutions: [{ code: "VP", role: "responsible" as const }],
    };
    return [heading, sub];
  });
  return { ...base, tasks };
}

const cutoffAt = (at: string, tasks: string[]) =>
  storeCutoff(w.db, { at, tasks, title: "Pārbaude", createdAt: "2026-11-01T12:00:00.000Z" });

async function institutionId(code: string): Promise<number> {
  const found = await findInstitution(w.db, code);
  if (!found) throw new Error(`no ${code}`);
  return found.id;
}

/** VP's response rate over the passed cut-offs (null: in none). */
async function vpRate() {
  const programme = (await currentProgramme(w.db))?.id ?? 0;
  const standings = await institutionStandings(w.db, programme, undefined, NOW);
  return standings.find((s) => s.code === "VP")?.rate ?? null;
}

/** The queue's jobs (delayed or waiting) of cut-off `id`: their reminder ids. */
async function queuedReminderIds(id: number): Promise<number[]> {
  const jobs = await w.queue.getJobs(["delayed", "waiting", "prioritized"]);
  return jobs
    .map((j) => j?.data as { cutoffId?: number; reminderId?: number } | undefined)
    .filter((d) => d?.cutoffId === id && d.reminderId !== undefined)
    .map((d) => d?.reminderId ?? 0);
}

describe("re-import making a task a heading", () => {
  it("widens the cut-offs still ahead, whose re-plan reminds VP; the passed one stays", async () => {
    const ahead = await cutoffAt("2027-04-15T20:59:00.000Z", ["13.4", "5"]);
    const passed = await cutoffAt("2026-11-20T21:59:59.999Z", ["13.4"]);
    const removed = await cutoffAt("2027-05-15T20:59:00.000Z", ["13.4"]);
    await w.db
      .updateTable("cutoffs")
      .set({ removed_at: "2026-11-02T12:00:00.000Z" })
      .where("id", "=", removed)
      .execute();
    await w.deps.replan();
    const vp = await institutionId("VP");
    const tm = await institutionId("TM");
    expect((await listReminders(w.db, ahead)).map((r) => r.institutionId)).toContain(tm);
    const rateBefore = await vpRate();

    const summary = await applyImport(w.db, reportWith1341(), ctx);
    expect(summary.cutoffs).toEqual([
      { id: ahead, expanded: [{ heading: "13.4", subTasks: ["13.4.1"] }] },
    ]);
    expect((await findCutoff(w.db, ahead))?.taskNumbers).toEqual(["5", "13.4.1"]);
    expect((await findCutoff(w.db, passed))?.taskNumbers).toEqual(["13.4"]);
    const removedRow = await w.db
      .selectFrom("cutoffs")
      .select("task_numbers")
      .where("id", "=", removed)
      .executeTakeFirstOrThrow();
    expect(removedRow.task_numbers).toBe('["13.4"]');
    const audit = await auditOf(w.db, "cutoff", String(ahead));
    expect(audit).toMatchObject([
      {
        actor: "import:report.txt",
        action: "update",
        field: "task_numbers",
        before: ["13.4", "5"],
        after: ["5", "13.4.1"],
      },
    ]);
    expect(await auditOf(w.db, "cutoff", String(passed))).toEqual([]);

    // The CLI's import re-plans each widened cut-off through the path a /cutoff change takes.
    expect(await replanSafely(w.deps, ahead)).toBe("scheduled");
    const planned = (await listReminders(w.db, ahead)).filter((r) => r.state === "planned");
    expect(planned.map((r) => r.institutionId)).toContain(vp);
    expect(planned.map((r) => r.institutionId)).not.toContain(tm);
    const vpRows = planned.filter((r) => r.institutionId === vp).map((r) => r.id);
    expect(await queuedReminderIds(ahead)).toEqual(expect.arrayContaining(vpRows));

    // Every cut-off re-planned (as at the app's start): nothing for VP on the passed one.
    await w.deps.replan();
    expect((await listReminders(w.db, passed)).map((r) => r.institutionId)).not.toContain(vp);
    const queued = new Set(await queuedReminderIds(passed));
    const vpPassed = (await listReminders(w.db, passed)).filter((r) => r.institutionId === vp);
    expect(vpPassed.filter((r) => queued.has(r.id))).toEqual([]);
    expect(await vpRate()).toEqual(rateBefore);

    // The same file again: nothing left to widen, nothing written.
    const again = await applyImport(w.db, reportWith1341(), ctx);
    expect(again.cutoffs).toEqual([]);
    expect(again.audited).toBe(0);
    expect((await listCutoffs(w.db)).map((c) => [c.id, c.taskNumbers])).toEqual([
      [passed, ["13.4"]],
      [ahead, ["5", "13.4.1"]],
    ]);
  });
});
