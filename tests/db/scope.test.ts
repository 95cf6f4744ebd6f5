import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { institutionScope, scopeOfCutoff } from "../../db/scope.ts";
import { importedStore } from "../helpers/store.ts";

let db: Db;
let programmeId: number;

beforeEach(async () => {
  ({ db } = await importedStore());
  programmeId = (await currentProgramme(db))?.id ?? 0;
});
afterEach(async () => db.destroy());

/** What the job used to do: the whole scope, filtered to one institution, its role kept. */
async function fromFullScope(
  cutoff: { programmeId: number; taskNumbers: string[] | null },
  institutionId: number,
) {
  const scope = await scopeOfCutoff(db, cutoff);
  return scope.flatMap(({ institutions, ...task }) => {
    const link = institutions.find((i) => i.institutionId === institutionId);
    return link ? [{ ...task, role: link.role }] : [];
  });
}

describe("institutionScope", () => {
  it.each([
    ["the default scope (headings left out, done non-recurring tasks left out)", null],
    [
      "explicit numbers, a heading and an unknown one included",
      ["10", "10.1.1", "13.3", "14", "99"],
    ],
    ["an empty list", []],
  ])("equals the full scope filtered to each institution: %s", async (_, taskNumbers) => {
    const cutoff = { programmeId, taskNumbers };
    const institutions = await db.selectFrom("institutions").select("id").execute();
    let listed = 0;
    for (const { id } of institutions) {
      const scoped = await institutionScope(db, cutoff, id);
      expect(scoped).toEqual(await fromFullScope(cutoff, id));
      listed += scoped.length;
    }
    if (taskNumbers?.length !== 0) expect(listed).toBeGreaterThan(0);
  });

  it("follows a task's status: a done task with no recurrence leaves the default scope", async () => {
    const cutoff = { programmeId, taskNumbers: null };
    const [link] = await db
      .selectFrom("task_institutions")
      .innerJoin("tasks", "tasks.id", "task_institutions.task_id")
      .select(["task_institutions.institution_id", "tasks.id", "tasks.number"])
      .where("tasks.number", "=", "1")
      .execute();
    if (!link) throw new Error("task 1 has no institution");
    const before = await institutionScope(db, cutoff, link.institution_id);
    expect(before.map((t) => t.number)).toContain("1");
    await db.updateTable("tasks").set({ status: "done" }).where("id", "=", link.id).execute();
    const after = await institutionScope(db, cutoff, link.institution_id);
    expect(after.map((t) => t.number)).not.toContain("1");
    expect(after).toEqual(await fromFullScope(cutoff, link.institution_id));
  });

  it("reads only the cut-off's programme", async () => {
    const [link] = await db.selectFrom("task_institutions").select("institution_id").execute();
    const other = { programmeId: programmeId + 1000, taskNumbers: null };
    expect(await institutionScope(db, other, link?.institution_id ?? 0)).toEqual([]);
  });
});
