/**
 * The digest's reply lines mark a reply after the cut-off to a task its institution had
 * answered in time for that cut-off as a supplement, "(papildināts pēc ziņošanas termiņa)" /
 * "(supplemented after the reporting cut-off)", as `/task`, the reminder's root and the Home do
 * (src/domain/late-reply.ts), and count the task in time; a first answer after the cut-off stays
 * "(pēc ziņošanas termiņa)", also when another institution answered the task in time or the
 * institution's own reply in time was unverified (an unverified reply answers nothing). Real app
 * and store (SQLite or PostgreSQL), `/digest` through the signed endpoint: the Slack thread
 * (lv), the DOCX (lv), and the stored digest rendered as Markdown (lv, en). Fixture
 * (digest-upcoming-fixture.ts) plus a passed cut-off "Decembris" on tasks 5 and 8.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findInstitution } from "../../db/institutions.ts";
import { digestDocument } from "../../src/digest/document.ts";
import { digestMarkdown } from "../../src/digest/render-markdown.ts";
import { recordReminders } from "../digest/support.ts";
import type { TestApp } from "../helpers/app.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { addCutoff, sectionTexts, startUpcomingFixture } from "./digest-upcoming-fixture.ts";
import { docxXml, requestDigest, storedDigest } from "./support/digest.ts";
import { storeReply } from "./support/replies.ts";

const LATE = "(pēc ziņošanas termiņa)";
const SUPPLEMENT = "(papildināts pēc ziņošanas termiņa)";
let t: TestApp;
let logs: LogWatch;

beforeAll(async () => {
  ({ t, logs } = await startUpcomingFixture());
  const db = t.app.db;
  const december = await addCutoff(t, "2027-01-10T21:59:59.999Z", "Decembris", ["5", "8"]);
  const ids = await Promise.all(
    ["IEM", "LM"].map(async (code) => (await findInstitution(db, code))?.id ?? 0),
  );
  await recordReminders(db, december, ids);
  let n = 0;
  const reply = (code: string, task: string, text: string, receivedAt: string, verified = true) =>
    storeReply(db, {
      code,
      cutoffId: december.id,
      task,
      channelId: `C0${code}`,
      ts: `1799000000.00000${++n}`,
      userId: verified ? `U0${code}OK` : "U0STRANGER",
      text: `${task}: ${text}`,
      verified,
      receivedAt,
    });
  await reply("LM", "5", "laikā sniegtā", "2027-01-09T08:00:00.000Z");
  await reply("LM", "5", "papildinājums", "2027-01-12T08:00:00.000Z");
  await reply("IEM", "5", "pirmā pēc termiņa", "2027-01-12T09:00:00.000Z");
  await reply("IEM", "8", "nepārbaudīta laikā", "2027-01-09T09:00:00.000Z", false);
  await reply("IEM", "8", "pārbaudīta pēc termiņa", "2027-01-13T09:00:00.000Z");
});
afterAll(async () => {
  await t?.stop();
});

/** The line of `lines` holding `excerpt`, or "". */
const lineOf = (lines: readonly string[], excerpt: string) =>
  lines.find((l) => l.includes(excerpt)) ?? "";

describe("a reply after the cut-off in the digest", () => {
  it("is a supplement to a task answered in time, else late: Slack, DOCX, Markdown, lv and en", async () => {
    const { docxCall, messages } = await requestDigest(t, logs);
    const lines = messages
      .flatMap((m) => sectionTexts(m.blocks as unknown[] | undefined))
      .join("\n")
      .split("\n");
    expect(lineOf(lines, "laikā sniegtā")).not.toContain("termiņa)");
    expect(lineOf(lines, "papildinājums")).toContain(`_${SUPPLEMENT}_`);
    expect(lineOf(lines, "papildinājums")).not.toContain(` _${LATE}_`);
    expect(lineOf(lines, "pirmā pēc termiņa")).toContain(` _${LATE}_`);
    expect(lineOf(lines, "pārbaudīta pēc termiņa")).toContain(` _${LATE}_`);
    // The rate: LM answered 5 in time (the supplement does not make it late), IEM both late.
    expect(lineOf(lines, "• *LM*")).not.toContain("pēc ziņošanas termiņa");

    const docx = docxXml(t, docxCall).replace(/<[^>]+>/gu, "");
    expect(docx).toMatch(/papildinājums”[^„]*\(papildināts pēc ziņošanas termiņa\)/u);
    expect(docx).toMatch(/pirmā pēc termiņa”[^„]*\(pēc ziņošanas termiņa\)/u);

    const model = await storedDigest(t);
    const byText = (text: string) => model.replies.find((r) => r.excerpt.includes(text));
    expect(byText("papildinājums")).toMatchObject({ late: true, supplement: true });
    expect(byText("pirmā pēc termiņa")?.supplement).toBeUndefined();
    const zone = t.config.timezone;
    const md = (locale: "lv" | "en") =>
      digestMarkdown(digestDocument(model, { zone, variant: "digest", locale })).split("\n");
    expect(lineOf(md("lv"), "papildinājums")).toContain(SUPPLEMENT);
    expect(lineOf(md("lv"), "pirmā pēc termiņa")).toContain(LATE);
    expect(lineOf(md("lv"), "pirmā pēc termiņa")).not.toContain("papildināts");
    const en = md("en");
    expect(lineOf(en, "papildinājums")).toContain("(supplemented after the reporting cut-off)");
    expect(lineOf(en, "pirmā pēc termiņa")).toContain("(after the reporting cut-off)");
    expect(lineOf(en, "pirmā pēc termiņa")).not.toContain("supplemented");
    expect(lineOf(en, "pārbaudīta pēc termiņa")).not.toContain("supplemented");
  });
});
