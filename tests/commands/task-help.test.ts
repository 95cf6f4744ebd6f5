/**
 * The codes `/task help` offers and `/calendar XYZ` lists are institutions with tasks in the
 * programme: each of them, asked with `/task CODE`, answers with tasks.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as calendar from "../../commands/calendar.ts";
import * as task from "../../commands/task.ts";
import type { CommandDeps } from "../../commands/types.ts";
import type { Db } from "../../db/client.ts";
import { testConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { fixedClock } from "../../src/time.ts";
import { importedStore, report } from "../helpers/store.ts";

let db: Db;
beforeAll(async () => {
  ({ db } = await importedStore());
});
afterAll(async () => {
  await db?.destroy();
});

const clock = fixedClock("2026-11-29T12:00:00Z");
const ask = async (text: string, locale: "lv" | "en" = "lv") =>
  blocksToText(
    (await task.handle(task.parse(text), { db, clock, zone: "Europe/Riga" }, locale)).blocks,
  );

/** The codes of the report's annex, i.e. the institutions with tasks. */
const withTasks = () => new Set(report().tasks.flatMap((t) => t.institutions.map((i) => i.code)));

describe("/task help and /calendar name codes that have tasks", () => {
  it("the help lists the institutions with tasks, each of which /task answers", async () => {
    const help = await ask("help");
    const listed =
      /institūcijas ar uzdevumiem šajā programmā: ([^)]*)\)/u.exec(help)?.[1]?.split(", ") ?? [];
    expect(new Set(listed)).toEqual(withTasks());
    expect(help).not.toMatch(/\bVP\b|\bVRS\b/u);
    for (const code of listed) {
      const answer = await ask(code);
      expect(answer).not.toContain("Šai institūcijai programmā nav uzdevumu");
      expect(answer).not.toContain("Nesapratu");
    }
    expect(await ask("", "en")).toContain("institutions with tasks in this programme: ");
  });

  it("/calendar with an unknown code lists the codes instead of pointing to /task help", async () => {
    const deps: CommandDeps = {
      db,
      clock,
      config: testConfig(),
      logger: createLogger("silent"),
      replan: async () => null,
    };
    const ctx = { userId: "U0MEMBER01", locale: "lv" as const, channelId: "C0TEST0001" };
    const reply = await calendar.handle(calendar.parse("XYZ"), deps, ctx);
    const text = JSON.stringify(reply.blocks ?? []) + (reply.text ?? "");
    expect(text).toContain("Institūcijas „XYZ” nav. Institūcijas ar uzdevumiem: ");
    expect(text).toContain("IEM");
    expect(text).not.toContain("/task help");
    const en = await calendar.handle(calendar.parse("XYZ"), deps, { ...ctx, locale: "en" });
    expect(JSON.stringify(en)).toContain(
      "There is no institution “XYZ”. Institutions with tasks: ",
    );
  });
});

describe("/task N history with a page that is not a number", () => {
  it("says the page must be a number, in both languages", async () => {
    const lv = await ask("14 history abc");
    expect(lv).toContain("Lapas numuram jābūt skaitlim no 1 līdz 999, nevis „abc”");
    expect(lv).toContain("/task 14 history 2");
    expect(lv).not.toContain("Nesapratu");
    const en = await ask("14 history -1", "en");
    expect(en).toContain("The page must be a number from 1 to 999, not “-1”");
    expect(en).toContain("/task 14 history 2");
  });

  it("refuses page 0 as it refuses abc, not showing page 1", async () => {
    const lv = await ask("14 history 0");
    expect(lv).toContain("Lapas numuram jābūt skaitlim no 1 līdz 999, nevis „0”");
    const en = await ask("14 vēsture 000", "en");
    expect(en).toContain("The page must be a number from 1 to 999, not “000”");
  });
});

describe("/task with a number that is not there", () => {
  it("guesses only a plausible typo and otherwise lists the numbers", async () => {
    const typo = await ask("27");
    expect(typo).toContain("Uzdevuma *27* programmā nav. Varbūt domājāt *26*?");
    const far = await ask("999");
    expect(far).toContain("Uzdevuma *999* programmā nav.");
    expect(far).not.toContain("Varbūt domājāt");
    expect(far).toContain(
      "Programmas uzdevumi ir numurēti no 1 līdz 26; dažiem ir apakšuzdevumi, piemēram, 10.1 vai 10.1.1.",
    );
    const en = await ask("999", "en");
    expect(en).not.toContain("Did you mean");
    expect(en).toContain(
      "The programme's tasks are numbered 1 to 26; some have sub-tasks, such as 10.1 or 10.1.1.",
    );
  });
});

describe("/task with text it does not understand", () => {
  it.each(["🦀", "abc", "14/15", "2014:x"])(
    "answers %j with the usage and the institutions with tasks",
    async (text) => {
      const lv = await ask(text);
      expect(lv).toContain("Nesapratu „");
      expect(lv).toContain("`/task 14`");
      const listed = /Institūcijas: ([^.]*)\./u.exec(lv)?.[1]?.split(", ") ?? [];
      expect(new Set(listed)).toEqual(withTasks());
      const en = await ask(text, "en");
      expect(en).toContain("I did not understand “");
      expect(en).toContain("`/task IEM`");
      expect(en).toContain("Institutions: ");
    },
  );
});
