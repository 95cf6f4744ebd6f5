import { beforeEach, describe, expect, it } from "vitest";
import { parse as parseProgramme, programmeCommand } from "../../commands/programme.ts";
import { parse } from "../../commands/task.ts";
import type { CommandDeps } from "../../commands/types.ts";
import { auditFor, countAudit } from "../../db/audit.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { importSheet } from "../../src/export/sheet-import.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { fixedClock } from "../../src/time.ts";
import { importedStore } from "../helpers/store.ts";
import { as, MEMBER, runTask, SECRETARY, storeDeps } from "./admin-support.ts";

describe("/task parse: changes and other programmes", () => {
  it.each([
    [
      "14 set status partial",
      { kind: "set", number: "14", change: { field: "status", status: "partial" } },
    ],
    [
      "14 set status izpildīts daļēji",
      { kind: "set", number: "14", change: { field: "status", status: "partial" } },
    ],
    [
      "10.1.2 set statuss nav izpildīts",
      { kind: "set", number: "10.1.2", change: { field: "status", status: "not_done" } },
    ],
    [
      "14 set deadline 2027-06-30",
      {
        kind: "set",
        number: "14",
        change: {
          field: "deadline",
          deadline: { text: "30.06.2027.", due: "2027-06-30", recurrence: null },
        },
      },
    ],
    [
      "14 SET termiņš regulāri",
      {
        kind: "set",
        number: "14",
        change: {
          field: "deadline",
          deadline: { text: "regulāri", due: null, recurrence: "recurring" },
        },
      },
    ],
    ["2014:3", { kind: "task", number: "3", programme: "2014" }],
    ["2014-2020:10.1", { kind: "task", number: "10.1", programme: "2014-2020" }],
    [
      "2014:3 set status done",
      { kind: "set", number: "3", programme: "2014", change: { field: "status", status: "done" } },
    ],
  ])("reads %j", (text, input) => {
    expect(parse(text)).toEqual(input);
  });

  it.each([
    ["14 set", "missing_field", ""],
    ["14 set colour red", "unknown_field", "colour"],
    ["14 set status", "missing_value", "status"],
    ["14 set status maybe", "bad_status", "maybe"],
    ["14 set deadline someday", "bad_deadline", "someday"],
    ["14 set deadline 2027-02-31", "invalid_date", "2027-02-31"],
  ])("refuses %j as %s", (text, problem, value) => {
    expect(parse(text)).toEqual({ kind: "invalid", reason: "bad_set", problem, text: value });
  });

  it.each(["2014:", "2014:IEM", "x:3"])("does not understand %j", (text) => {
    expect(parse(text)).toMatchObject({ kind: "invalid", reason: "not_understood" });
  });
});

let deps: CommandDeps;
beforeEach(async () => {
  const { db } = await importedStore();
  deps = storeDeps(db, "2026-12-01T10:00:00Z");
});

const run = (text: string, user: string, locale: "lv" | "en" = "lv") =>
  runTask(deps, text, user, locale);

describe("/task 14 set (secretary)", () => {
  it("changes the status, audited like the importer, and /task shows it", async () => {
    const reply = await run("14 set status partial", SECRETARY);
    expect(reply.found).toBe(true);
    expect(reply.shown).toContain("Uzdevums *14*: statuss Izpildīts → *Izpildīts daļēji*");
    expect(reply.shown).toContain("/task 14 history");
    const [entry] = await auditFor(deps.db, "task", "2009-2013:14");
    expect(entry).toMatchObject({
      actor: SECRETARY,
      action: "update",
      field: "status",
      before: '"done"',
      after: '"partial"',
    });
    expect((await run("14", MEMBER)).shown).toContain("Izpildīts daļēji");
  });

  it("changes the deadline (text, date, recurrence) in one audited step", async () => {
    await run("14 set deadline 2027-06-30", SECRETARY);
    const row = await deps.db
      .selectFrom("tasks")
      .selectAll()
      .where("number", "=", "14")
      .executeTakeFirst();
    expect(row).toMatchObject({
      deadline_text: "30.06.2027.",
      due_date: "2027-06-30",
      recurrence: null,
      updated_at: "2026-12-01T10:00:00.000Z",
    });
    const fields = (await auditFor(deps.db, "task", "2009-2013:14"))
      .map((e) => e.field)
      .filter((f) => f !== null);
    expect(fields.sort()).toEqual(["deadline_text", "due_date"]);
  });

  it("shows a deadline change in /task 14 history as one human before → after", async () => {
    await run("14 set deadline 2013-12-01", SECRETARY);
    deps.clock = fixedClock("2026-12-02T10:00:00Z");
    await run("14 set deadline 1.6.2014", SECRETARY);
    const lv = (await run("14 history", MEMBER)).shown;
    expect(lv).toContain("Termiņš: 2013. gada 1. decembris → 2014. gada 1. jūnijs");
    expect(lv).not.toMatch(/deadline_text|due_date|recurrence/u);
    const en = (await run("14 history", MEMBER, "en")).shown;
    expect(en).toContain("Deadline: 1 December 2013 → 1 June 2014");
    // From the report's "2010.gads" (due 31 December 2010) and to a recurring deadline.
    expect(en).toContain("Deadline: 31 December 2010 → 1 December 2013");
    await run("14 set deadline regulāri", SECRETARY);
    expect((await run("14 history", MEMBER, "en")).shown).toContain(
      "Deadline: 1 June 2014 → regularly",
    );
  });

  it("says so when nothing changes, and writes nothing", async () => {
    const before = await countAudit(deps.db);
    expect((await run("14 set status done", SECRETARY)).shown).toContain("jau ir Izpildīts");
    expect(await countAudit(deps.db)).toBe(before);
  });

  it("refuses anyone else kindly, naming the secretary, and changes nothing", async () => {
    const before = await countAudit(deps.db);
    const reply = await run("14 set status partial", MEMBER, "en");
    expect(reply.found).toBe(false);
    expect(reply.shown).toContain("only the secretary can change tasks");
    expect(reply.shown).toContain(`<@${SECRETARY}>`);
    // The secretary is named, so no pointer to `/role list` to find them.
    expect(reply.shown).toContain("write to the secretary; many changes");
    expect(reply.shown).not.toContain("/role list");
    expect(await countAudit(deps.db)).toBe(before);
  });

  it("answers a mistake with the usage", async () => {
    const reply = await run("14 set status maybe", SECRETARY, "en");
    expect(reply.shown).toContain("“maybe” is not a status");
    expect(reply.shown).toContain("/task 14 set deadline 2027-06-30");
  });
});

describe("several programmes side by side", () => {
  beforeEach(async () => {
    const csv =
      "number,section,title,deadline,institutions,status\n1,I,Apkopot datus,2015.gads,IEM,\n3,I,Izglītot,regulāri,LM,ongoing\n";
    await importSheet(deps.db, {
      bytes: Buffer.from(csv),
      format: "csv",
      programme: "2014-2020",
      title: "Pamatnostādnes 2014.–2020. gadam",
      dryRun: false,
      actor: "test",
      at: "2026-12-01T09:00:00Z",
      source: "p.csv",
    });
  });

  it("/task 2014:3 answers for the other programme; /task 14 for the current one", async () => {
    expect((await run("2014:3", MEMBER)).shown).toContain("Izglītot");
    expect((await run("2020:3", MEMBER)).shown).toContain("Programmas „2020” nav");
    await programmeCommand.handle(parseProgramme("use 2009-2013"), deps, as(SECRETARY));
    expect((await run("14", MEMBER)).found).toBe(true);
  });

  it("/programme use is for the secretary, stored and audited; /programme list marks the current one", async () => {
    // Until a secretary chooses, the newest programme is current.
    expect((await currentProgramme(deps.db))?.code).toBe("2014-2020");
    await programmeCommand.handle(parseProgramme("use 2009-2013"), deps, as(SECRETARY));
    expect((await currentProgramme(deps.db))?.code).toBe("2009-2013");
    const refused = await programmeCommand.handle(
      parseProgramme("use 2014"),
      deps,
      as(MEMBER, "en"),
    );
    expect(blocksToText(refused.blocks)).toContain("only the secretary");
    const used = await programmeCommand.handle(parseProgramme("use 2014"), deps, as(SECRETARY));
    expect(blocksToText(used.blocks)).toContain("Pašreizējā programma tagad ir *2014-2020*");
    expect((await currentProgramme(deps.db))?.code).toBe("2014-2020");
    expect(await auditFor(deps.db, "programme", "2014-2020")).toMatchObject([
      { field: "current", actor: SECRETARY, before: '"2009-2013"', after: '"2014-2020"' },
      { action: "create" },
    ]);
    const list = blocksToText(
      (await programmeCommand.handle(parseProgramme("list"), deps, as(MEMBER, "en"))).blocks,
    );
    expect(list).toMatch(
      /\*2014-2020\* – Pamatnostādnes 2014\.–2020\. gadam \(2 tasks\) – \*current\*/u,
    );
    expect((await run("3", MEMBER)).shown).toContain("Izglītot");
  });

  it.each([
    ["", { kind: "help" }],
    ["list", { kind: "list" }],
    ["use 2014-2020", { kind: "use", ref: "2014-2020" }],
    ["use", { kind: "invalid", reason: "missing_code", text: "use" }],
    ["drop 2014", { kind: "invalid", reason: "not_understood", text: "drop 2014" }],
  ])("/programme parse %j", (text, input) => {
    expect(parseProgramme(text)).toEqual(input);
  });
});

describe("/task help: every form it shows works as written", () => {
  /** The `/task …` examples of the help, and the values it names inline. */
  const examples = (help: string) =>
    [...help.matchAll(/`\/task ([^`]*)`/gu)].map((m) => m[1] ?? "").filter((t) => t !== "help");
  const inline = [
    "14 vēsture",
    "2009:14",
    ...["done", "partial", "ongoing", "not_done"].map((s) => `14 set status ${s}`),
    ...["2027.gads", "regulāri", "ikgadēji"].map((d) => `14 set deadline ${d}`),
  ];

  it.each(["lv", "en"] as const)("in %s, the secretary's changes included", async (locale) => {
    const help = (await run("help", MEMBER, locale)).shown;
    const shown = examples(help);
    expect(shown).toEqual(
      expect.arrayContaining(["14", "IEM", "14 history", "2009-2013:14", "14 set status partial"]),
    );
    for (const text of [...shown, ...inline]) {
      expect(parse(text).kind, text).not.toBe("invalid");
      const reply = await run(text, SECRETARY, locale);
      expect(reply.found, text).toBe(true);
      expect(reply.shown, text).not.toMatch(
        /Nesapratu|did not understand|nav statuss|not a status/u,
      );
    }
    expect(help).toContain(locale === "lv" ? "Tikai sekretārs" : "Secretary only");
  });
});
