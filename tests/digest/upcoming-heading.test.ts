/**
 * A re-import turns task 1 into a heading with a deadline within the digest's next 30 days: its
 * status cleared and sub-tasks 1.1 (due the same day, not done) and 1.2 (no deadline) added under
 * it. The digest's "Tuvākās 30 dienas" lists the sub-task's deadline, not the heading's (a
 * finding: a heading has no status of its own, so its deadline is its sub-tasks'), as
 * "Kavētie uzdevumi" keeps headings out (tests/digest/overdue-heading). SQLite or PostgreSQL
 * (TEST_DATABASE).
 */
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { buildDigestModel } from "../../src/digest/build.ts";
import { applyImport } from "../../src/import/apply-import.ts";
import { importedStore, report } from "../helpers/store.ts";
import { NOW } from "./support.ts";

const DUE = "2027-02-10";

let db: Db;

beforeAll(async () => {
  ({ db } = await importedStore());
});
afterAll(async () => {
  await db?.destroy();
});

/** The task numbers of the model's deadline items in the next 30 days. */
const deadlines = (model: Awaited<ReturnType<typeof buildDigestModel>>) =>
  model.upcoming.flatMap((i) => (i.kind === "deadline" ? [i.number] : []));

describe("a heading in the digest's next 30 days", () => {
  it("is not listed with a deadline of its own; its sub-task is", async () => {
    const now = { now: DateTime.fromISO(NOW), zone: "Europe/Riga" };
    const changed = structuredClone(report());
    const at = changed.tasks.findIndex((t) => t.number === "1");
    const task1 = changed.tasks[at];
    if (!task1) throw new Error("no task 1");
    const deadline = { text: "10.02.2027.", due: DUE, recurrence: null };
    const sub = (n: string, due: typeof deadline | null) => ({
      ...task1,
      number: n,
      parent: "1",
      status: "partial" as typeof task1.status,
      deadline: due ?? { text: "", due: null, recurrence: null },
    });
    changed.tasks.splice(at + 1, 0, sub("1.1", deadline), sub("1.2", null));
    task1.status = null;
    task1.deadline = deadline;
    await applyImport(db, changed, { actor: "import:test", at: NOW, source: "report.txt" });
    const shown = deadlines(await buildDigestModel(db, now));
    expect(shown).toContain("1.1");
    expect(shown).not.toContain("1");
  });
});
