/**
 * `/task N set status …` on a heading (a fresh user's finding: `/task 10 set status done`
 * answered "statuss nav → Izpildīts" with no warning, `/task 10` then showed "✅ Izpildīts"
 * over an open 10.1.1, and neither `none` nor `-` could undo it). The bundled report: 10 and
 * 10.1 are headings; 10.1.1 partly done, 10.1.2, 10.1.3 and 10.2 done. Real store (SQLite, or
 * PostgreSQL with TEST_DATABASE=postgres), the command's own handler.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { parse } from "../../commands/task.ts";
import type { CommandDeps } from "../../commands/types.ts";
import { auditFor, countAudit } from "../../db/audit.ts";
import { importedStore } from "../helpers/store.ts";
import { MEMBER, runTask, SECRETARY, storeDeps } from "./admin-support.ts";

let deps: CommandDeps;
beforeEach(async () => {
  const { db } = await importedStore();
  deps = storeDeps(db, "2026-12-01T10:00:00Z");
});

const run = (text: string, user: string, locale: "lv" | "en" = "lv") =>
  runTask(deps, text, user, locale);

const statusOf = async (number: string) =>
  (
    await deps.db
      .selectFrom("tasks")
      .select("status")
      .where("number", "=", number)
      .executeTakeFirstOrThrow()
  ).status;

describe("/task N set status none", () => {
  it.each(["none", "nav", "-", "NONE", "bez statusa"])("reads %j as no status", (word) => {
    expect(parse(`14 set status ${word}`)).toEqual({
      kind: "set",
      number: "14",
      change: { field: "status", status: null },
    });
  });

  it("still reads „nav izpildīts” as not done", () => {
    expect(parse("14 set status nav izpildīts")).toMatchObject({
      change: { field: "status", status: "not_done" },
    });
  });

  it("clears a task's status, audited, and says so when there is none", async () => {
    const reply = await run("14 set status none", SECRETARY);
    expect(reply.shown).toContain("Uzdevums *14*: statuss Izpildīts → *nav*");
    expect(await statusOf("14")).toBeNull();
    const [entry] = await auditFor(deps.db, "task", "2009-2013:14");
    expect(entry).toMatchObject({ field: "status", before: '"done"', after: null });
    expect((await run("14 history", MEMBER)).shown).toContain(
      `Statuss mainīts: ✅ Izpildīts → ⚪ bez sava statusa (<@${SECRETARY}>)`,
    );
    const before = await countAudit(deps.db);
    expect((await run("14 set status nav", SECRETARY, "en")).shown).toContain(
      "Task *14* has no status of its own; nothing changed.",
    );
    expect(await countAudit(deps.db)).toBe(before);
  });
});

describe("/task <heading> set status", () => {
  it("refuses a status for a heading, naming its sub-tasks, and changes nothing (lv/en)", async () => {
    const before = await countAudit(deps.db);
    const lv = await run("10 set status done", SECRETARY);
    expect(lv.found).toBe(false);
    expect(lv.shown).toContain("*10* ir virsraksts: tā statusu veido apakšuzdevumi (✅ 3 · 🟡 1)");
    expect(lv.shown).toContain("`/task 10.1.1 set status …`");
    expect(lv.shown).toContain("Apakšuzdevumi: 10.1.1, 10.1.2, 10.1.3, 10.2.");
    const en = await run("10.1 set status done", SECRETARY, "en");
    expect(en.shown).toContain("*10.1* is a heading: its status is rolled up from its sub-tasks");
    expect(en.shown).toContain("Sub-tasks: 10.1.1, 10.1.2, 10.1.3.");
    expect(await statusOf("10")).toBeNull();
    expect(await countAudit(deps.db)).toBe(before);
    expect((await run("10", MEMBER)).shown).not.toContain("✅ Izpildīts");
  });

  it("undoes a status a heading was given by hand; the roll-up shows again", async () => {
    // As the store was left by the finding (before the refusal): 10 with a status of its own.
    await deps.db.updateTable("tasks").set({ status: "done" }).where("number", "=", "10").execute();
    const changed = await run("10 set status partial", SECRETARY);
    expect(changed.shown).toContain("Uzdevums *10*: statuss Izpildīts → *Izpildīts daļēji*");
    expect(changed.shown).toContain(
      "*10* ir apakšuzdevumi (10.1.1, 10.1.2, 10.1.3, 10.2: ✅ 3 · 🟡 1)",
    );
    expect(changed.shown).toContain("`/task 10 set status none`");
    const cleared = await run("10 set status none", SECRETARY, "en");
    expect(cleared.shown).toContain("Task *10*: status Partly done → *none*");
    expect(cleared.shown).toContain("Its status is rolled up from its sub-tasks: ✅ 3 · 🟡 1.");
    expect(await statusOf("10")).toBeNull();
    expect((await run("10", MEMBER)).shown).toContain("Sk. apakšuzdevumus: ✅ 3 · 🟡 1");
  });
});
