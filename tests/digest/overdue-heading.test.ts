/**
 * A re-import turns task 1 (overdue: due 2013, "partial") into a heading: its status cleared and
 * sub-tasks 1.1 (done) and 1.2 (no deadline) added under it. The digest keeps headings apart in
 * its status counts; it keeps them out of "Kavētie uzdevumi" and its count too (a fresh user's
 * finding: the heading stayed listed with its old deadline and "⚪ Bez statusa"), a heading's
 * lateness being its sub-tasks'. SQLite or PostgreSQL (TEST_DATABASE).
 */
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { buildDigestModel } from "../../src/digest/build.ts";
import { applyImport } from "../../src/import/apply-import.ts";
import { importedStore, report } from "../helpers/store.ts";
import { NOW } from "./support.ts";

let db: Db;

beforeAll(async () => {
  ({ db } = await importedStore());
});
afterAll(async () => {
  await db?.destroy();
});

describe("a task re-imported as a heading", () => {
  it("is not listed or counted as overdue", async () => {
    const now = { now: DateTime.fromISO(NOW), zone: "Europe/Riga" };
    expect((await buildDigestModel(db, now)).overdue.map((o) => o.number)).toEqual(["1"]);
    const changed = structuredClone(report());
    const at = changed.tasks.findIndex((t) => t.number === "1");
    const task1 = changed.tasks[at];
    if (!task1) throw new Error("no task 1");
    const sub = (n: string, status: typeof task1.status, due: string | null) => ({
      ...task1,
      number: n,
      parent: "1",
      status,
      deadline: { text: due ?? "", due, recurrence: null },
    });
    changed.tasks.splice(at + 1, 0, sub("1.1", "done", "2013-12-31"), sub("1.2", null, null));
    task1.status = null;
    await applyImport(db, changed, { actor: "import:test", at: NOW, source: "report.txt" });
    const model = await buildDigestModel(db, now);
    expect(model.overdue).toEqual([]);
  });
});
