/**
 * The digest's "next 30 days" no longer lists, among those a reminder goes to, institutions that
 * have already answered every task of the cut-off (a fresh user's finding: the sender skips them,
 * "all_answered"); they are named apart, per cut-off, as institutions without a channel are.
 * Real app and store (SQLite or PostgreSQL), `/digest` through the signed endpoint, the thread
 * and the DOCX as posted; Markdown, English and an older stored digest rendered from the store.
 * Fixture (digest-upcoming-fixture.ts), plus a second cut-off "Pusgada pārskats" on task 8.
 * Replies: MK – LM verified on 5 and 8 (all), IEM verified on 5 and 8 but only a stranger's on
 * 13.4, IZM (no channel) verified on 5; Pusgada – IEM verified on 8 (all), LM none.
 */
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cutoff } from "../../db/cutoffs.ts";
import { listDigests } from "../../db/digests.ts";
import { findInstitution } from "../../db/institutions.ts";
import { insertReply } from "../../db/replies.ts";
import { digestDocument } from "../../src/digest/document.ts";
import type { DigestModel } from "../../src/digest/model.ts";
import { digestMarkdown } from "../../src/digest/render-markdown.ts";
import { renderDigestThread } from "../../src/digest/render-slack.ts";
import { institutionProgress } from "../../src/reminders/compose.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import type { TestApp } from "../helpers/app.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import {
  addCutoff,
  fileId,
  SECRETARY,
  sectionTexts,
  startUpcomingFixture,
  uploaded,
  WG,
} from "./digest-upcoming-fixture.ts";

const MK = "Informatīvais ziņojums MK";
const HALF = "Pusgada pārskats";
let t: TestApp;
let logs: LogWatch;
let mk: Cutoff;
let half: Cutoff;
let replies = 0;

beforeAll(async () => {
  ({ t, logs, cutoff: mk } = await startUpcomingFixture());
  half = await addCutoff(t, "2027-02-17T21:59:59.999Z", HALF, ["8"]);
  await reply(mk, "LM", "5");
  await reply(mk, "LM", "8");
  await reply(mk, "IEM", "5");
  await reply(mk, "IEM", "8");
  await reply(mk, "IEM", "13.4", false);
  await reply(mk, "IZM", "5");
  await reply(half, "IEM", "8");
});
afterAll(async () => {
  await t?.stop();
});

/** A reply of `code` to task `number` for `cutoff`; by a contact when `verified`. */
async function reply(cutoff: Cutoff, code: string, number: string, verified = true) {
  const db = t.app.db;
  const inst = await findInstitution(db, code);
  const task = await db
    .selectFrom("tasks")
    .select("id")
    .where("number", "=", number)
    .executeTakeFirstOrThrow();
  replies++;
  await insertReply(db, {
    cutoffId: cutoff.id,
    institutionId: inst?.id ?? 0,
    taskId: task.id,
    channelId: `C0${code}`,
    ts: `1800000000.${String(replies).padStart(6, "0")}`,
    threadTs: null,
    userId: verified ? `U0${code}OK` : "U0STRANGER",
    text: `${number}: paveikts`,
    files: [],
    statusClaim: null,
    verified,
    source: "event",
    receivedAt: "2027-01-19T10:00:00.000Z",
  });
}

/** The tasks the sender would still ask `code` about for `cutoff` (its own reading). */
async function asked(cutoff: Cutoff, code: string): Promise<string[]> {
  const inst = await findInstitution(t.app.db, code);
  return (await institutionProgress(t.app.db, cutoff, inst?.id ?? 0)).open;
}

/** The reminder lines of `cutoffTitle` in `text`. */
const reminderLines = (text: string, word: string, cutoffTitle: string) =>
  text.split("\n").filter((l) => l.includes(`${word} (${cutoffTitle})`));

describe("the digest's next 30 days and institutions that have answered everything", () => {
  it("agrees with the sender: the answered are named apart per cut-off, lv and en", async () => {
    // The sender's own reading first: LM (MK) and IEM (Pusgada) are not asked anything more.
    expect(await asked(mk, "LM")).toEqual([]);
    expect(await asked(mk, "IEM")).toEqual(["13.4"]);
    expect(await asked(half, "IEM")).toEqual([]);
    expect(await asked(half, "LM")).toEqual(["8"]);

    const docx = t.emulator.waitFor(uploaded(WG, ".docx"), 60_000);
    const res = await t.slack.command("/digest", "", { userId: SECRETARY, channelId: "C0LOCAL01" });
    expect(res.status).toBe(200);
    const docxCall = await docx;
    await logs.waitFor((l) => l.msg === "digest posted" && l.channel === WG, 60_000);

    const messages = t.emulator.messagesIn(WG);
    for (const m of messages) if (m.blocks) expect(validateBlocks(m.blocks, "message")).toEqual([]);
    const upcoming = messages.find((m) => JSON.stringify(m.blocks).includes("Tuvākās 30 dienas"));
    const texts = sectionTexts(upcoming?.blocks as unknown[] | undefined);
    const all = texts.join("\n");
    const mkLines = reminderLines(all, "atgādinājumi", MK);
    expect(mkLines.length).toBeGreaterThanOrEqual(3);
    for (const line of mkLines) expect(line).toMatch(/: IEM$/u);
    const halfLines = reminderLines(all, "atgādinājumi", HALF);
    expect(halfLines.length).toBeGreaterThanOrEqual(3);
    for (const line of halfLines) expect(line).toMatch(/: LM$/u);
    expect(texts).toContain(
      `✅ Jau atbildējusi institūcija (${MK}) – atgādinājumi tai netiks sūtīti: LM.`,
    );
    expect(texts).toContain(
      `✅ Jau atbildējusi institūcija (${HALF}) – atgādinājumi tai netiks sūtīti: IEM.`,
    );
    // Without a channel comes first (the sender's order): IZM answered all, but has no channel.
    expect(all).toContain(
      "⚠️ Šīm institūcijām nav Slack kanāla, tāpēc atgādinājumi tām netiks sūtīti: IZM, TM.",
    );
    expect(all).not.toMatch(
      /Jau atbildēj\S* institūcij\S* \([^)]*\) – atgādinājumi \S+ netiks sūtīti: .*IZM/u,
    );

    const files = unzipSync(new Uint8Array(t.emulator.files.get(fileId(docxCall))?.bytes ?? []));
    const xml = strFromU8(files["word/document.xml"] ?? new Uint8Array());
    expect(xml).toContain(
      `Jau atbildējusi institūcija (${MK}) – atgādinājumi tai netiks sūtīti: LM.`,
    );

    const [stored] = await listDigests(t.app.db);
    const model = JSON.parse(stored?.content ?? "{}") as DigestModel;
    expect(model.upcomingAnswered).toEqual([
      { cutoffId: mk.id, cutoffTitle: MK, institutions: ["LM"] },
      { cutoffId: half.id, cutoffTitle: HALF, institutions: ["IEM"] },
    ]);
    const options = { zone: t.config.timezone, variant: "digest" as const };
    const en = digestDocument(model, { ...options, locale: "en" });
    const md = digestMarkdown(en);
    expect(md).toContain(`✅ Already replied (${MK}), will not be reminded: LM.`);
    expect(md).toMatch(new RegExp(`reminders \\(${MK}\\): IEM$`, "mu"));
    for (const m of renderDigestThread(en)) expect(validateBlocks(m.blocks, "message")).toEqual([]);

    // Two institutions: the Latvian plural.
    const both = {
      ...model,
      upcomingAnswered: [{ cutoffId: mk.id, cutoffTitle: MK, institutions: ["IEM", "LM"] }],
    };
    const lvBoth = digestMarkdown(digestDocument(both, { ...options, locale: "lv" }));
    expect(lvBoth).toContain(
      `✅ Jau atbildējušas institūcijas (${MK}) – atgādinājumi tām netiks sūtīti: IEM, LM.`,
    );
  });

  it("an older stored digest, without the field, still renders (no answered line)", async () => {
    const [stored] = await listDigests(t.app.db);
    const { upcomingAnswered: _dropped, ...older } = JSON.parse(
      stored?.content ?? "{}",
    ) as DigestModel;
    const options = { zone: t.config.timezone, variant: "digest" as const };
    for (const locale of ["lv", "en"] as const) {
      const doc = digestDocument(older, { ...options, locale });
      const md = digestMarkdown(doc);
      expect(md).not.toMatch(/✅ (Jau atbildēj|Already replied)/u);
      expect(md).toMatch(/Tuvākās 30 dienas|The next 30 days/u);
      for (const m of renderDigestThread(doc))
        expect(validateBlocks(m.blocks, "message")).toEqual([]);
    }
  });
});
