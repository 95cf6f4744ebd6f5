/**
 * `/task 14` for a heading leads with the next cut-off holding its sub-tasks, rolled up, as a
 * task leads with the next cut-off covering it (a fresh user's finding: with cut-off #1 passed
 * yesterday, its scope naming 14 from before 14 got sub-tasks, and #3 ahead holding 14.1 and
 * 14.2, `/task 14` showed #1 as a task's cut-off and no roll-up of #3). #1 is still named, after
 * the roll-up, as a passed cut-off with who of 14 has not answered it, as a task names one. Real
 * app and store (SQLite or PostgreSQL), the signed endpoint. Fixture: at 2 Dec 2026, 14 (LM's)
 * made a heading over 14.1 and 14.2 (LM's); LM has a channel and a contact.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import type { Cutoff } from "../../db/cutoffs.ts";
import { insertTask, updateTask } from "../../db/tasks.ts";
import type { TestApp } from "../helpers/app.ts";
import { taskCutoffSections, taskCutoffText } from "../helpers/slash.ts";
import { startLmApp, storeCutoff, storeLmReply } from "./support/lm-cutoffs.ts";

const NOW = "2026-12-02T10:00:00Z";
const PASSED = "2026-12-01T21:59:59.999Z";
const AHEAD = "2027-02-01T21:59:59.999Z";

/** Makes 14 a heading (no status of its own) over 14.1 and 14.2, which take its institutions. */
async function makeHeading(db: Db): Promise<void> {
  const row = await db
    .selectFrom("tasks")
    .selectAll()
    .where("number", "=", "14")
    .executeTakeFirstOrThrow();
  const links = await db
    .selectFrom("task_institutions")
    .selectAll()
    .where("task_id", "=", row.id)
    .execute();
  const { id, ...values } = row;
  for (const n of ["1", "2"]) {
    const sub = await insertTask(db, {
      ...values,
      number: `14.${n}`,
      parent_number: "14",
      title: `Apakšuzdevums 14.${n}`,
      status: "ongoing",
    });
    if (links.length > 0)
      await db
        .insertInto("task_institutions")
        .values(links.map((l) => ({ ...l, task_id: sub })))
        .execute();
  }
  await updateTask(db, id, { status: null });
}

/** The app at NOW with #1 passed (`firstScope`) and #3 ahead on 14.1, 14.2. */
function fixture(firstScope: string[]) {
  const s = {} as { t: TestApp; first: Cutoff; third: Cutoff };
  beforeAll(async () => {
    s.t = await startLmApp({
      now: NOW,
      people: [
        { id: "U0LV", name: "anna", locale: "lv-LV" },
        { id: "U0EN", name: "john", locale: "en-US" },
      ],
      english: "U0EN",
      contact: "U0LMOK",
    });
    const db = s.t.app.db;
    const at = { createdBy: "U0SEC", createdAt: "2026-11-01T10:00:00.000Z" };
    s.first = await storeCutoff(db, {
      at: PASSED,
      title: "Pirmais",
      taskNumbers: firstScope,
      ...at,
    });
    await makeHeading(db);
    s.third = await storeCutoff(db, {
      at: AHEAD,
      title: "Trešais",
      taskNumbers: ["14.1", "14.2"],
      ...at,
    });
    await storeLmReply(db, {
      cutoffId: s.third.id,
      task: "14.1",
      ts: "1800000000.000001",
      userId: "U0LMOK",
      verified: true,
      text: "14.1: paveikts",
    });
  }, 60_000);
  afterAll(async () => {
    await s.t?.stop();
  });
  return s;
}

describe("#1 passed naming 14 itself, #3 ahead on 14.1 and 14.2", () => {
  const s = fixture(["5", "14"]);

  it("leads with #3's roll-up, then names #1 as passed, lv", async () => {
    const sections = await taskCutoffSections(s.t, "14", "U0LV");
    const lines = sections.join("\n").split("\n");
    expect(lines.slice(0, 4)).toEqual([
      `*Ziņošanas termiņš #${s.third.id}: pirmd. 01.02.2027. 23:59* (Trešais)`,
      "Apakšuzdevumi, uz kuriem atbildējušas visas to institūcijas: 1 no 2",
      "✅ *14.1* – atbildēja LM",
      "⏳ *14.2* – vēl nav atbildējusi LM",
    ]);
    expect(lines).toContain(
      `⌛ Ziņošanas termiņš #${s.first.id} „Pirmais” (pagājis 01.12.2026.): nav atbildējusi LM`,
    );
    expect(sections.join("\n")).not.toContain(`*Ziņošanas termiņš #${s.first.id} pagājis`);
  });

  it("reads the same in English", async () => {
    const en = await taskCutoffText(s.t, "14", "U0EN");
    expect(en.split("\n")[0]).toBe(
      `*Reporting cut-off #${s.third.id}: Mon 1 Feb 2027 23:59* (Trešais)`,
    );
    expect(en).toContain("Sub-tasks all of whose institutions have replied: 1 of 2");
    expect(en).toContain(
      `⌛ Reporting cut-off #${s.first.id} “Pirmais” (passed 1 Dec 2026): no reply from LM`,
    );
  });

  it("a sub-task's own view leads with #3 as before", async () => {
    const own = await taskCutoffText(s.t, "14.2", "U0LV");
    expect(own.split("\n")[0]).toBe(
      `*Ziņošanas termiņš #${s.third.id}: pirmd. 01.02.2027. 23:59* (Trešais)`,
    );
  });
});

describe("#1 passed on 14.1, #3 ahead on 14.1 and 14.2", () => {
  const s = fixture(["5", "14.1"]);

  it("leads with #3's roll-up", async () => {
    const lv = await taskCutoffText(s.t, "14", "U0LV");
    expect(lv.split("\n")[0]).toBe(
      `*Ziņošanas termiņš #${s.third.id}: pirmd. 01.02.2027. 23:59* (Trešais)`,
    );
    expect(lv).toContain("Apakšuzdevumi, uz kuriem atbildējušas visas to institūcijas: 1 no 2");
  });
});
