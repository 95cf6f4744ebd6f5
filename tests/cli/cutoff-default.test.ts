/**
 * `replies` without `--cutoff` and `cutoff plan` without an id take the cut-off `/cutoff plan`
 * takes (the only live one, saying so when it passed longer ago than /task shows a cut-off;
 * of several the next one), named in one line on stderr so that
 * `--json`'s stdout stays pure JSON; no live cut-off (none, or only removed ones), or several
 * none of which is active: the reason on stderr, exit 1. `--cutoff N` still names any cut-off,
 * a removed one too. The real CLI process on a real store (SQLite, or PostgreSQL with
 * TEST_DATABASE=postgres); Latvian and English.
 */
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../db/client.ts";
import { type Cutoff, insertCutoff, listCutoffs } from "../../db/cutoffs.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { cutoffDefaultText } from "../../src/i18n/cutoff-default.ts";
import { formatInstant } from "../../src/slack/format.ts";
import { tempDir, testDatabaseUrl } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

const dir = tempDir();
let env: Record<string, string>;
let db: Db;
const ZONE = "Europe/Riga";
const lv = cutoffDefaultText("lv").cli;
const en = cutoffDefaultText("en").cli;

beforeAll(async () => {
  const url = await testDatabaseUrl(dir, "cli.db");
  env = { DATABASE_URL: url, DATA_DIR: dir, LOG_LEVEL: "warn", APP_TIMEZONE: ZONE };
  db = createDb(url);
  // Migrated and seeded once, before the runs below go in parallel.
  const list = await runCli(["cutoff", "list"], env);
  expect(list.code, list.stderr).toBe(0);
}, 120_000);
afterAll(async () => {
  await db?.destroy();
});

/** The live cut-off titled `title`, as the CLI added it. */
async function cutoff(title: string): Promise<Cutoff> {
  const found = (await listCutoffs(db)).find((c) => c.title === title);
  if (!found) throw new Error(`${title} not added`);
  return found;
}

/** Stores a live cut-off for every task `days` days ago (the CLI's `cutoff add` refuses one). */
async function insertPassed(days: number): Promise<void> {
  const programme = await currentProgramme(db);
  if (!programme) throw new Error("no programme");
  await insertCutoff(db, {
    programmeId: programme.id,
    at: DateTime.utc().minus({ days }).toISO() ?? "",
    title: `Pirms ${days} dienām`,
    taskNumbers: null,
    createdBy: "test",
    createdAt: DateTime.utc().toISO() ?? "",
  });
}

const when = (c: Cutoff, locale: "lv" | "en") => formatInstant(c.at, ZONE, locale);
const firstLine = (text: string) => text.split("\n")[0] ?? "";

// Each run spawns the real CLI (a Node process with tsx): seconds each on a busy machine.
describe("the cut-off taken when none is named", { timeout: 240_000 }, () => {
  it("none live: replies and cutoff plan say so, exit 1, nothing on stdout", async () => {
    const [replies, repliesEn, planJson, planText] = await Promise.all([
      runCli(["replies"], env),
      runCli(["replies", "--json", "--lang", "en"], env),
      runCli(["cutoff", "plan", "--json"], env),
      runCli(["cutoff", "plan", "--lang", "en"], env),
    ]);
    expect(replies.code).toBe(1);
    expect(replies.stdout).toBe("");
    expect(replies.stderr).toBe(`${lv.repliesNone}\n`);
    expect(replies.stderr).toContain("`npm run cli -- cutoff list`");
    expect(repliesEn.code).toBe(1);
    expect(repliesEn.stdout).toBe("");
    expect(repliesEn.stderr).toBe(`${en.repliesNone}\n`);
    expect(planJson.code).toBe(1);
    expect(planJson.stdout).toBe("");
    expect(firstLine(planJson.stderr)).toBe(lv.planNone);
    // The text form is /cutoff plan's answer, its hint written as the CLI takes it.
    expect(planText.code).toBe(1);
    expect(planText.stdout).toBe("");
    expect(planText.stderr).toContain("There is no live reporting cut-off");
    expect(planText.stderr).toContain("`npm run cli -- cutoff add <date> <title>`");
  });

  it("one cut-off: that one, named on stderr; --json stdout is only JSON", async () => {
    const added = await runCli(
      ["cutoff", "add", "2099-05-05", "--time", "09:00", "Vienīgais"],
      env,
    );
    expect(added.code, added.stderr).toBe(0);
    const one = await cutoff("Vienīgais");
    const [replies, plan, planText] = await Promise.all([
      runCli(["replies", "--json"], env),
      runCli(["cutoff", "plan", "--json", "--lang", "en"], env),
      runCli(["cutoff", "plan"], env),
    ]);
    expect(replies.code, replies.stderr).toBe(0);
    expect(JSON.parse(replies.stdout)).toEqual([]);
    expect(replies.stderr).toBe(`${lv.replies("only", one.id, "Vienīgais", when(one, "lv"), 0)}\n`);
    expect(replies.stderr).toBe(
      `Bez --cutoff: rādu vienīgā spēkā esošā ziņošanas termiņa #${one.id} „Vienīgais” (${when(one, "lv")}) atbildes.\n`,
    );
    expect(plan.code, plan.stderr).toBe(0);
    expect(JSON.parse(plan.stdout).cutoff.id).toBe(one.id);
    // The first line; a note that the re-plan waits for the app may follow (no app runs here).
    expect(firstLine(plan.stderr)).toBe(
      `No number given: the plan of the only live cut-off, #${one.id} “Vienīgais” (${when(one, "en")}).`,
    );
    expect(planText.code, planText.stderr).toBe(0);
    expect(planText.stdout).toContain(
      `Termiņa numurs nav norādīts, tāpēc rādu vienīgā spēkā esošā ziņošanas termiņa #${one.id} (Vienīgais, ${when(one, "lv")}) plānu.`,
    );
  });

  it("several: the next one, saying how to name another; --cutoff N as before", async () => {
    const added = await runCli(["cutoff", "add", "2099-03-01", "--time", "12:00", "Nākamais"], env);
    expect(added.code, added.stderr).toBe(0);
    const one = await cutoff("Vienīgais");
    const next = await cutoff("Nākamais");
    const [replies, repliesEn, named, plan] = await Promise.all([
      runCli(["replies"], env),
      runCli(["replies", "--json", "--lang", "en"], env),
      runCli(["replies", "--cutoff", String(one.id), "--json"], env),
      runCli(["cutoff", "plan", "--json"], env),
    ]);
    expect(replies.code, replies.stderr).toBe(0);
    expect(replies.stdout).toContain(`Ziņošanas termiņš #${next.id}: Nākamais`);
    expect(replies.stderr).toBe(
      `Bez --cutoff: rādu nākamā ziņošanas termiņa #${next.id} „Nākamais” (${when(next, "lv")}) atbildes. Cita termiņa atbildes: --cutoff N (sk. \`npm run cli -- cutoff list\`).\n`,
    );
    expect(repliesEn.code, repliesEn.stderr).toBe(0);
    expect(JSON.parse(repliesEn.stdout)).toEqual([]);
    expect(repliesEn.stderr).toBe(
      `${en.replies("next", next.id, "Nākamais", when(next, "en"), 1)}\n`,
    );
    expect(repliesEn.stderr).toContain(
      "For another one: --cutoff N (see `npm run cli -- cutoff list`).",
    );
    // Named: no note, as before.
    expect(named.code, named.stderr).toBe(0);
    expect(named.stderr).toBe("");
    expect(JSON.parse(named.stdout)).toEqual([]);
    expect(plan.code, plan.stderr).toBe(0);
    expect(JSON.parse(plan.stdout).cutoff.id).toBe(next.id);
    expect(firstLine(plan.stderr)).toBe(lv.plan("next", next.id, "Nākamais", when(next, "lv"), 1));
  });

  it("only removed ones: exit 1 saying so; --cutoff N of a removed one still works", async () => {
    const one = await cutoff("Vienīgais");
    const next = await cutoff("Nākamais");
    for (const id of [one.id, next.id]) {
      const removed = await runCli(["cutoff", "remove", String(id)], env);
      expect(removed.code, removed.stderr).toBe(0);
    }
    const [replies, repliesEn, named] = await Promise.all([
      runCli(["replies", "--json"], env),
      runCli(["replies", "--lang", "en"], env),
      runCli(["replies", "--cutoff", String(one.id)], env),
    ]);
    expect(replies.code).toBe(1);
    expect(replies.stdout).toBe("");
    expect(replies.stderr).toBe(`${lv.repliesNone}\n`);
    expect(repliesEn.code).toBe(1);
    expect(repliesEn.stderr).toBe(
      "There is no live reporting cut-off. Name one with --cutoff N (a removed one too); all cut-offs: `npm run cli -- cutoff list`.\n",
    );
    expect(named.code, named.stderr).toBe(0);
    expect(named.stdout).toContain(`Ziņošanas termiņš #${one.id}: Vienīgais`);
    expect(named.stdout).toContain("ziņošanas termiņš noņemts");
  });

  it("the only live one passed long ago: taken, saying /task no longer shows it", async () => {
    await insertPassed(45);
    const stale = await cutoff("Pirms 45 dienām");
    const staleText = { days: 45, grace: 30 };
    const [replies, repliesEn, plan, planEn] = await Promise.all([
      runCli(["replies", "--json"], env),
      runCli(["replies", "--lang", "en"], env),
      runCli(["cutoff", "plan", "--json"], env),
      runCli(["cutoff", "plan", "--json", "--lang", "en"], env),
    ]);
    expect(replies.code, replies.stderr).toBe(0);
    expect(JSON.parse(replies.stdout)).toEqual([]);
    expect(replies.stderr).toBe(
      `${lv.replies("stale", stale.id, "Pirms 45 dienām", when(stale, "lv"), 0, staleText)}\n`,
    );
    expect(replies.stderr).toBe(
      `Bez --cutoff: rādu vienīgā ziņošanas termiņa #${stale.id} „Pirms 45 dienām” (${when(stale, "lv")}) atbildes. Tas pagāja pirms 45 dienām, tāpēc \`/task\`, sākumlapa un kopsavilkums to vairs nerāda (pagājušu termiņu tie rāda vēl 30 dienas).\n`,
    );
    expect(repliesEn.code, repliesEn.stderr).toBe(0);
    expect(repliesEn.stdout).toContain("Pirms 45 dienām");
    expect(repliesEn.stderr).toBe(
      `Without --cutoff: the replies of the only cut-off, #${stale.id} “Pirms 45 dienām” (${when(stale, "en")}). It passed 45 days ago, so \`/task\`, the Home tab and the digest no longer show it (they show a cut-off for 30 days after it passes).\n`,
    );
    expect(plan.code, plan.stderr).toBe(0);
    expect(JSON.parse(plan.stdout).cutoff.id).toBe(stale.id);
    expect(firstLine(plan.stderr)).toBe(
      lv.plan("stale", stale.id, "Pirms 45 dienām", when(stale, "lv"), 0, staleText),
    );
    expect(firstLine(plan.stderr)).toContain("Tas pagāja pirms 45 dienām");
    expect(planEn.code, planEn.stderr).toBe(0);
    expect(JSON.parse(planEn.stdout).cutoff.id).toBe(stale.id);
    expect(firstLine(planEn.stderr)).toBe(
      en.plan("stale", stale.id, "Pirms 45 dienām", when(stale, "en"), 0, staleText),
    );
    expect(firstLine(planEn.stderr)).toContain("It passed 45 days ago");
  });

  it("several live, all passed long ago: none is guessed, exit 1", async () => {
    await insertPassed(50);
    const [replies, plan] = await Promise.all([
      runCli(["replies", "--json"], env),
      runCli(["cutoff", "plan", "--json", "--lang", "en"], env),
    ]);
    expect(replies.code).toBe(1);
    expect(replies.stdout).toBe("");
    expect(replies.stderr).toBe(`${lv.undecided(2, 30, "--cutoff N")}\n`);
    expect(plan.code).toBe(1);
    expect(plan.stdout).toBe("");
    expect(firstLine(plan.stderr)).toBe(
      "There are 2 live cut-offs, but none is active: all passed more than 30 days ago. Give its number: `npm run cli -- cutoff plan N` (see `npm run cli -- cutoff list`).",
    );
  });
});
