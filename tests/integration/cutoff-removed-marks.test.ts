/**
 * A removed cut-off (`/cutoff remove`: kept in the store, `removed_at` set) says so where a
 * person would otherwise take it for a live one (a fresh user's findings): `/export annex N`
 * answers that it was removed and when, and the DOCX says it under its heading (the CLI's
 * `export annex` writes the same document); `/task 14 history` marks the reminders that
 * belonged to it ("(termiņš noņemts 30.11.2026.)"), not those of a live cut-off. Real app
 * (signed requests, emulator, worker), real CLI process on the same store; lv and en.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { replyCutoff } from "../../db/cutoffs.ts";
import { markSending, markSent, upsertPlannedReminder } from "../../db/reminders.ts";
import { exportText } from "../../src/i18n/export.ts";
import { exportCommandText } from "../../src/i18n/export-command.ts";
import { historyText } from "../../src/i18n/history.ts";
import { formatInstantDay } from "../../src/slack/format.ts";
import { runCli } from "../cli/run-cli.ts";
import { zipPart } from "../export/docx-text.ts";
import type { TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { slashText } from "../helpers/slash.ts";
import { tempDir } from "../helpers/store.ts";
import { PEOPLE, peopleAppHooks, replySteps, type ThreadFixture } from "../replies/support.ts";
import { appCliEnv, SLOW_MS } from "./support/cutoffs.ts";

const LIMIT = { timeout: 120_000 };

let t: TestApp;
let logs: LogWatch;
const steps = replySteps(() => ({ t, logs }), "C0RMARK");

peopleAppHooks(
  { secretaries: [PEOPLE.secretary], timeoutMs: LIMIT.timeout },
  (app) => ({ t, logs } = app),
);

const ZONE = () => t.config.timezone;

/** Removes the fixture's cut-off with `/cutoff remove` and returns the day it was removed. */
async function removeByCommand(f: ThreadFixture): Promise<string> {
  const answer = await slashText(t, "/cutoff", `remove ${f.cutoffId}`, PEOPLE.secretary);
  expect(answer).toContain("Saņemtās atbildes paliek.");
  const removedAt = (await replyCutoff(t.app.db, f.cutoffId))?.removedAt;
  if (!removedAt) throw new Error("the cut-off is not marked removed");
  return removedAt;
}

/** A reminder to the fixture's institution recorded as sent (as jobs/send-reminder.ts leaves it). */
async function sent(f: ThreadFixture, at: string, kind: string) {
  const row = await upsertPlannedReminder(t.app.db, {
    cutoffId: f.cutoffId,
    institutionId: f.institutionId,
    kind,
    scheduledAt: at,
    cutoffAt: "2099-01-01T00:00:00.000Z",
  });
  await markSending(t.app.db, row.id, f.channel);
  await markSent(t.app.db, row.id, { channelId: f.channel, messageTs: f.threadTs, at });
}

/** Anna answers in the fixture's thread; waits (long: see SLOW_MS) until the reply is stored. */
async function reply(f: ThreadFixture, text: string): Promise<void> {
  const { ts } = await t.slack.userMessage({
    channelId: f.channel,
    threadTs: f.threadTs,
    text,
    userId: PEOPLE.anna,
  });
  await logs.waitFor((l) => l.msg === "reply stored" && l.ts === ts, SLOW_MS);
}

/** The newest file the app uploaded (to the secretary's DM). */
function lastDocument(): string {
  const file = [...t.emulator.files.values()].at(-1);
  if (!file?.bytes) throw new Error("no file uploaded");
  return zipPart(file.bytes, "word/document.xml");
}

describe("a removed cut-off's annex", LIMIT, () => {
  let f: ThreadFixture;
  let removedAt: string;
  const day = (locale: "lv" | "en") =>
    exportText(locale).cutoffRemovedLine(f.cutoffId, formatInstantDay(removedAt, ZONE(), locale));

  // A thread with one reply on task 14, then its cut-off removed with the signed /cutoff remove.
  beforeAll(async () => {
    f = await steps.thread(["14"]);
    await reply(f, "14: grozījumi pieņemti");
    removedAt = await removeByCommand(f);
  }, LIMIT.timeout);

  it("/export annex says it was removed, in the answer and under the DOCX heading", async () => {
    const lv = exportCommandText("lv").removedCutoff(
      f.cutoffId,
      formatInstantDay(removedAt, ZONE(), "lv"),
    );
    expect(lv).toMatch(/ir noņemts \d\d\.\d\d\.\d{4}\.; pielikumā/u);

    const answer = await slashText(t, "/export", `annex ${f.cutoffId} docx`, PEOPLE.secretary);
    expect(answer).toContain("Nosūtīju jums privātā ziņā");
    expect(answer).toContain(lv);
    const docLv = lastDocument();
    expect(docLv).toContain(day("lv"));
    expect(docLv).toContain("grozījumi pieņemti");

    // The annex of a live cut-off says nothing of the kind.
    const live = await steps.thread(["14"]);
    const liveAnswer = await slashText(
      t,
      "/export",
      `annex ${live.cutoffId} docx`,
      PEOPLE.secretary,
    );
    expect(liveAnswer).not.toContain("noņemts");
    expect(lastDocument()).not.toContain("noņemts");
  });

  it("the CLI's export annex writes the same document", async () => {
    const out = join(tempDir(), "annex.docx");
    const args = ["export", "annex", "--cutoff", String(f.cutoffId), "--out", out];
    const cli = await runCli(args, appCliEnv(t));
    expect(cli.code).toBe(0);
    expect(zipPart(readFileSync(out), "word/document.xml")).toContain(day("lv"));
  });

  it("says it in English to a secretary who chose English", async () => {
    await chooseLanguage(t, PEOPLE.secretary, "en");
    const en = await slashText(
      t,
      "/export",
      `annex ${f.cutoffId} docx --lang en`,
      PEOPLE.secretary,
    );
    expect(en).toContain(
      exportCommandText("en").removedCutoff(f.cutoffId, formatInstantDay(removedAt, ZONE(), "en")),
    );
    expect(en).toMatch(/was removed on \d{1,2} \w{3} \d{4}; the annex/u);
    expect(lastDocument()).toContain(day("en"));
    await chooseLanguage(t, PEOPLE.secretary, "lv");
  });
});

describe("a removed cut-off's reminders", LIMIT, () => {
  it("/task 14 history marks the reminders that belonged to it", async () => {
    const removed = await steps.thread(["14"]);
    await sent(removed, "2026-11-01T07:00:00.000Z", "before-P7D");
    const live = await steps.thread(["14"]);
    await sent(live, "2026-11-02T07:00:00.000Z", "before-P7D");
    const removedAt = await removeByCommand(removed);

    const lines = (await slashText(t, "/task", "14 history", PEOPLE.anna))
      .split("\n")
      .filter((l) => l.includes("🔔"));
    const mark = historyText("lv").cutoffRemoved(formatInstantDay(removedAt, ZONE(), "lv"));
    expect(mark).toMatch(/^ _\(termiņš noņemts \d\d\.\d\d\.\d{4}\.\)_$/u);
    const marked = lines.filter((l) => l.includes(mark));
    expect(marked).toHaveLength(1);
    expect(marked[0]).toContain(
      `🔔 Atgādinājums institūcijai *LM* (#${removed.cutoffId} „Informatīvais ziņojums MK”)`,
    );
    expect(marked[0]).toContain(`${mark} atvērt (`);
    // The live cut-off's reminder (sent a day later: the newer line) is not marked.
    expect(lines.filter((l) => l.includes("noņemts"))).toHaveLength(1);
    expect(lines.length).toBeGreaterThanOrEqual(2);

    await chooseLanguage(t, PEOPLE.janis, "en");
    const english = (await slashText(t, "/task", "14 history", PEOPLE.janis))
      .split("\n")
      .filter((l) => l.includes("🔔"));
    const markEn = historyText("en").cutoffRemoved(formatInstantDay(removedAt, ZONE(), "en"));
    expect(markEn).toMatch(/^ _\(cut-off removed \d{1,2} \w{3} \d{4}\)_$/u);
    expect(english.filter((l) => l.includes(markEn))).toHaveLength(1);
    expect(english.filter((l) => l.includes("removed"))).toHaveLength(1);
  });
});
