import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { findTaskDetail } from "../../db/tasks.ts";
import type { ImportedReport } from "../../src/domain/types.ts";
import { applyImport } from "../../src/import/apply-import.ts";
import { importedStore, migratedStore, report } from "../helpers/store.ts";

const ctx = { actor: "test", at: "2026-11-29T12:00:00.000Z", source: "generated" };
let db: Db | undefined;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});

/** A programme whose numbers share prefixes: 1, 1.1, 1.1.1, 1.10, 11, 11.1. */
function prefixReport(): ImportedReport {
  const institutions = report().institutions.slice(0, 1);
  const task = (number: string, parent: string | null) => ({
    number,
    parent,
    section: "I" as const,
    title: `Uzdevums ${number}`,
    deadline: { text: "2027.gads", due: "2027-12-31", recurrence: null },
    institutions: parent
      ? institutions.map((i) => ({ code: i.code, role: "responsible" as const }))
      : [],
    status: parent ? ("done" as const) : null,
    indicator: "Rādītājs",
    progress: "Izpildes gaita.",
  });
  return {
    programme: { code: "prefixes", title: "Numuru prefiksi" },
    institutions,
    tasks: [
      task("1", null),
      task("1.1", "1"),
      task("1.1.1", "1.1"),
      task("1.10", "1"),
      task("11", null),
      task("11.1", "11"),
    ],
  };
}

describe("findTaskDetail: every task under a heading, down the tree (real SQLite/PostgreSQL store)", () => {
  it("reads the report's heading 10: its children and all below them, in the report's order", async () => {
    ({ db } = await importedStore());
    const programme = await currentProgramme(db);
    const t10 = await findTaskDetail(db, programme?.id ?? 0, "10");
    expect(t10?.children.map((c) => c.number)).toEqual(["10.1", "10.2"]);
    expect(t10?.descendants.map((c) => c.number)).toEqual([
      "10.1",
      "10.1.1",
      "10.1.2",
      "10.1.3",
      "10.2",
    ]);
    const leaf = await findTaskDetail(db, programme?.id ?? 0, "14");
    expect(leaf?.descendants).toEqual([]);
  });

  it("follows parents, not number prefixes: 11 and 11.1 are not under 1, 1.10 is", async () => {
    ({ db } = await migratedStore());
    await applyImport(db, prefixReport(), ctx);
    const programme = await currentProgramme(db);
    const one = await findTaskDetail(db, programme?.id ?? 0, "1");
    expect(one?.descendants.map((c) => c.number)).toEqual(["1.1", "1.1.1", "1.10"]);
    expect(one?.children.map((c) => c.number)).toEqual(["1.1", "1.10"]);
    const eleven = await findTaskDetail(db, programme?.id ?? 0, "11");
    expect(eleven?.descendants.map((c) => c.number)).toEqual(["11.1"]);
  });

  it("ends on a parent loop in the data, each task once", async () => {
    ({ db } = await migratedStore());
    await applyImport(db, prefixReport(), ctx);
    const programme = await currentProgramme(db);
    // 1.1.1 made the parent of 1: 1 → 1.1 → 1.1.1 → 1 → …
    await db
      .updateTable("tasks")
      .set({ parent_number: "1.1.1" })
      .where("programme_id", "=", programme?.id ?? 0)
      .where("number", "=", "1")
      .execute();
    const one = await findTaskDetail(db, programme?.id ?? 0, "1");
    expect(one?.descendants.map((c) => c.number)).toEqual(["1", "1.1", "1.1.1", "1.10"]);
    const deep = await findTaskDetail(db, programme?.id ?? 0, "1.1");
    expect(deep?.descendants.map((c) => c.number)).toEqual(["1", "1.1", "1.1.1", "1.10"]);
  });
});
