/**
 * A cut-off's scope is read with its headings expanded, wherever it is read (db/cutoffs.ts →
 * `scopeNumbers`): a cut-off stored naming a heading (older data, before `/cutoff add` expanded
 * them) or whose task became a heading on a re-import (it gained sub-tasks and lost its status)
 * reminds the sub-tasks' institutions, not nobody; the plan, the reminders and `/task` agree.
 */
import { describe, expect, it } from "vitest";
import { handle, parse } from "../../commands/cutoff.ts";
import { findCutoff, insertCutoff, listCutoffs } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { listReminders } from "../../db/reminders.ts";
import { scopeNumbers } from "../../db/scope.ts";
import { adminSuite, as, runTask, SECRETARY, shown } from "./admin-support.ts";

const w = adminSuite({ now: "2026-11-29T12:00:00Z" });

const run = async (text: string, locale: "lv" | "en" = "lv") =>
  shown(await handle(parse(text), w.deps, as(SECRETARY, locale)));

/** Institution ids with a reminder planned for cut-off `id`. */
async function remindedIds(id: number): Promise<Set<number>> {
  return new Set((await listReminders(w.db, id)).map((r) => r.institutionId));
}

async function institutionId(code: string): Promise<number> {
  const found = await findInstitution(w.db, code);
  if (!found) throw new Error(`no ${code}`);
  return found.id;
}

describe("a cut-off whose scope names a heading", () => {
  it("stored so by an older version: read as the heading's sub-tasks, who are reminded", async () => {
    const programme = await currentProgramme(w.db);
    const stored = await insertCutoff(w.db, {
      programmeId: programme?.id ?? 0,
      at: "2027-04-15T20:59:00.000Z",
      title: "Vecie dati",
      taskNumbers: ["13", "5"],
      createdBy: SECRETARY,
      createdAt: "2026-11-01T12:00:00Z",
    });
    await w.deps.replan(stored.id);
    expect((await findCutoff(w.db, stored.id))?.taskNumbers).toEqual([
      "5",
      "13.1",
      "13.2",
      "13.3",
      "13.4",
    ]);
    const plan = await run(`plan ${stored.id}`);
    expect(plan).toContain("5 uzdevumi");
    expect(plan).toContain("Uzdevumi: 13.4");
    // TM reports only on 13.4: reminded through the heading.
    expect(await remindedIds(stored.id)).toContain(await institutionId("TM"));
    expect((await runTask(w.deps, "13.4", SECRETARY)).shown).toContain("Ziņošanas termiņš #1");
  });

  it("whose task became a heading on a re-import: its new sub-task's institution is reminded", async () => {
    await run("add 2027-04-15 --tasks 13.4 Pārbaude");
    const [cutoff] = await listCutoffs(w.db);
    if (!cutoff) throw new Error("no cut-off");
    expect(cutoff.taskNumbers).toEqual(["13.4"]);
    // As a re-import would leave it: 13.4 with no status of its own over 13.4.1 (VP's).
    const programme = (await currentProgramme(w.db))?.id ?? 0;
    const parent = await w.db
      .selectFrom("tasks")
      .selectAll()
      .where("programme_id", "=", programme)
      .where("number", "=", "13.4")
      .executeTakeFirstOrThrow();
    await w.db.updateTable("tasks").set({ status: null }).where("id", "=", parent.id).execute();
    const { id: _id, ...copy } = parent;
    const child = await w.db
      .insertInto("tasks")
      .values({ ...copy, number: "13.4.1", parent_number: "13.4", position: parent.position + 1 })
      .returning("id")
      .executeTakeFirstOrThrow();
    const vp = await institutionId("VP");
    await w.db
      .insertInto("task_institutions")
      .values({ task_id: child.id, institution_id: vp, role: "responsible", position: 0 })
      .execute();
    expect((await findCutoff(w.db, cutoff.id))?.taskNumbers).toEqual(["13.4.1"]);
    await w.deps.replan(cutoff.id);
    expect(await remindedIds(cutoff.id)).toContain(vp);
    const plan = await run(`plan ${cutoff.id}`);
    expect(plan).toContain("1 uzdevums, 1 institūcija");
    expect(plan).toContain("*VP*");
    expect((await runTask(w.deps, "13.4.1", SECRETARY)).shown).toContain("Ziņošanas termiņš #1");
  });

  it("leaves the default scope and a list without headings as they are", async () => {
    const programme = (await currentProgramme(w.db))?.id ?? 0;
    expect(await scopeNumbers(w.db, programme, null)).toBeNull();
    expect(await scopeNumbers(w.db, programme, ["14", "5", "999"])).toEqual(["14", "5", "999"]);
    expect(await scopeNumbers(w.db, programme, ["10", "999"])).toEqual([
      "10.1.1",
      "10.1.2",
      "10.1.3",
      "10.2",
      "999",
    ]);
  });
});
