/**
 * The digest's response rate leaves out the cut-offs an institution was never reminded for (a
 * fresh user's finding: IZM, with no Slack channel, read "atsaucība 0 % (0 no 1 …)" though its
 * reminders all failed "no_mapping"). Such an institution is marked not rated instead; one that
 * was reminded (a reminder "sent" in the store) keeps its rate whatever its channel is today.
 * Real app and store (SQLite or PostgreSQL), `/digest` through the signed endpoint, the thread
 * and the DOCX as posted; Markdown and English rendered from the digest as stored. Fixture
 * (digest-upcoming-fixture.ts) plus a passed cut-off "Decembris" on the same tasks: reminders
 * sent to LM, IEM and TM (TM had a channel then, none now), failed "no_mapping" for IZM; LM
 * answered task 5 for it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digestDocument } from "../../src/digest/document.ts";
import type { DigestModel } from "../../src/digest/model.ts";
import { digestMarkdown } from "../../src/digest/render-markdown.ts";
import { renderDigestThread } from "../../src/digest/render-slack.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import type { TestApp } from "../helpers/app.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { addCutoff, sectionTexts, startUpcomingFixture } from "./digest-upcoming-fixture.ts";
import { docxXml, requestDigest, storedDigest, storeReminder } from "./support/digest.ts";
import { storeReply } from "./support/replies.ts";

const PAST_AT = "2027-01-10T21:59:59.999Z";
const IZM_LV =
  "• *IZM* – atbildēts 0/1 · trūkst: 5 · atsaucība nav vērtēta – nav Slack kanāla, atgādinājumi netika sūtīti";
const IZM_EN =
  "• *IZM* – answered 0/1 · missing: 5 · response rate not rated – no Slack channel, no reminders were sent";
let t: TestApp;
let logs: LogWatch;

beforeAll(async () => {
  ({ t, logs } = await startUpcomingFixture());
  const db = t.app.db;
  const past = await addCutoff(t, PAST_AT, "Decembris", ["5", "8", "13.4"]);
  let n = 0;
  for (const [code, sent] of [
    ["LM", true],
    ["IEM", true],
    ["TM", true],
    ["IZM", false],
  ] as const) {
    n++;
    const messageTs = `1799000000.00000${n}`;
    await storeReminder(db, {
      cutoffId: past.id,
      code,
      kind: "test-1d",
      scheduledAt: "2027-01-09T07:00:00.000Z",
      cutoffAt: PAST_AT,
      outcome: sent
        ? { sent: { messageTs, at: "2027-01-09T07:00:01.000Z" } }
        : { failed: "no_mapping" },
    });
  }
  await storeReply(db, {
    code: "LM",
    cutoffId: past.id,
    task: "5",
    channelId: "C0LM",
    ts: "1799000000.000100",
    userId: "U0LMOK",
    text: "5: paveikts",
    verified: true,
    receivedAt: "2027-01-09T10:00:00.000Z",
  });
});
afterAll(async () => {
  await t?.stop();
});

describe("the digest's response rate and institutions never reminded", () => {
  it("marks IZM not rated, keeps the rates of those reminded, in the thread, DOCX, Markdown, lv and en", async () => {
    const { docxCall, messages } = await requestDigest(t, logs);
    for (const m of messages) if (m.blocks) expect(validateBlocks(m.blocks, "message")).toEqual([]);
    const lines = messages
      .flatMap((m) => sectionTexts(m.blocks as unknown[] | undefined))
      .join("\n")
      .split("\n");
    expect(lines).toContain(IZM_LV);
    expect(lines.find((l) => l.startsWith("• *IZM*"))).not.toMatch(/%/u);
    // Reminded: rated, TM too though it has no channel today.
    expect(lines).toContain(
      "• *LM* – atbildēts 0/2 · trūkst: 5, 8 · atsaucība 50 % (1 no 2 prasītajām atbildēm; pagājušie ziņošanas termiņi: 1)",
    );
    expect(lines.find((l) => l.startsWith("• *TM*"))).toContain(
      "atsaucība 0 % (0 no 1 prasītās atbildes; pagājušie ziņošanas termiņi: 1)",
    );
    expect(lines.find((l) => l.startsWith("• *IEM*"))).toContain("atsaucība 0 % (0 no 3");

    const xml = docxXml(t, docxCall);
    expect(xml).toContain("atsaucība nav vērtēta – nav Slack kanāla, atgādinājumi netika sūtīti");

    const model = await storedDigest(t);
    const rate = (code: string) => model.institutions.find((i) => i.code === code)?.rate;
    expect(rate("IZM")).toEqual({
      answered: 0,
      asked: 0,
      cutoffs: 0,
      unreminded: 1,
      noChannel: true,
      unremindedBy: { noChannel: 1, undelivered: 0, notSent: 0 },
    });
    expect(rate("TM")).toEqual({ answered: 0, asked: 1, cutoffs: 1 });
    expect(rate("LM")).toEqual({ answered: 1, asked: 2, cutoffs: 1 });
    const options = { zone: t.config.timezone, variant: "digest" as const };
    expect(digestMarkdown(digestDocument(model, { ...options, locale: "lv" }))).toContain(
      IZM_LV.replace("• *IZM*", "- **IZM**"),
    );
    const en = digestDocument(model, { ...options, locale: "en" });
    expect(digestMarkdown(en)).toContain(IZM_EN.replace("• *IZM*", "- **IZM**"));
    for (const m of renderDigestThread(en)) expect(validateBlocks(m.blocks, "message")).toEqual([]);
  });

  it("a cut-off not reminded beside a rated one is named after the rate, lv and en", async () => {
    const model = await storedDigest(t);
    const mixed: DigestModel = {
      ...model,
      institutions: model.institutions.map((i) =>
        i.code === "TM" ? { ...i, rate: { answered: 1, asked: 2, cutoffs: 2, unreminded: 2 } } : i,
      ),
    };
    const options = { zone: t.config.timezone, variant: "digest" as const };
    const text = (locale: "lv" | "en") =>
      digestMarkdown(digestDocument(mixed, { ...options, locale }));
    expect(text("lv")).toContain(
      "atsaucība 50 % (1 no 2 prasītajām atbildēm; pagājušie ziņošanas termiņi: 2); 2 ziņošanas termiņi nav vērtēti – atgādinājumi netika sūtīti",
    );
    expect(text("en")).toContain(
      "response rate 50% (1 of 2 replies asked for; past reporting cut-offs: 2); 2 reporting cut-offs not rated – no reminders were sent",
    );
  });
});
