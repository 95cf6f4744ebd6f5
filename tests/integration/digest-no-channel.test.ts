/**
 * The digest's "next 30 days" names institutions without a Slack channel apart, as not reminded
 * (a fresh user's finding: they were listed among those a reminder goes to, but the sender never
 * posts to them). Real app and store (SQLite or PostgreSQL), `/digest` through the signed
 * endpoint, the thread and the DOCX as posted; Markdown and English rendered from the digest as
 * stored. Fixture (digest-upcoming-fixture.ts): a cut-off on tasks 5 (LM, IZM, IEM), 8 (LM, IEM)
 * and 13.4 (IEM, TM); LM and IEM have channels, IZM and TM none.
 */
import { describe, expect, it } from "vitest";
import { digestDocument } from "../../src/digest/document.ts";
import { digestMarkdown } from "../../src/digest/render-markdown.ts";
import { renderDigestThread } from "../../src/digest/render-slack.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import type { TestApp } from "../helpers/app.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { sectionTexts, startUpcomingFixture } from "./digest-upcoming-fixture.ts";
import { digestFixtureHooks, docxXml, requestDigest, storedDigest } from "./support/digest.ts";

const LV_LINE =
  "⚠️ Šīm institūcijām nav Slack kanāla, tāpēc atgādinājumi tām netiks sūtīti: IZM, TM. Sekretārs kanālu var norādīt ar `/institution set IZM #kanāls`.";
const EN_LINE =
  "⚠️ These institutions have no Slack channel, so no reminders will be sent to them: IZM, TM. The secretary can set one with `/institution set IZM #channel`.";
let t: TestApp;
let logs: LogWatch;

digestFixtureHooks(startUpcomingFixture, (fixture) => ({ t, logs } = fixture));

describe("the digest's next 30 days and institutions without a channel", () => {
  it("lists them apart as not reminded, in the thread, the DOCX and Markdown, lv and en", async () => {
    const { docxCall, messages } = await requestDigest(t, logs);
    for (const m of messages) if (m.blocks) expect(validateBlocks(m.blocks, "message")).toEqual([]);
    const upcoming = messages.find((m) => JSON.stringify(m.blocks).includes("Tuvākās 30 dienas"));
    const texts = sectionTexts(upcoming?.blocks as unknown[] | undefined);
    const reminderLines = texts
      .join("\n")
      .split("\n")
      .filter((l) => l.includes("atgādinājumi (Informatīvais ziņojums MK)"));
    expect(reminderLines.length).toBeGreaterThanOrEqual(3);
    for (const line of reminderLines) {
      expect(line).toMatch(/: IEM, LM$/u);
      expect(line).not.toMatch(/IZM|TM/u);
    }
    expect(texts).toContain(LV_LINE);

    const xml = docxXml(t, docxCall);
    expect(xml).toContain(
      "Šīm institūcijām nav Slack kanāla, tāpēc atgādinājumi tām netiks sūtīti: IZM, TM.",
    );

    const model = await storedDigest(t);
    expect(model.upcomingNoChannel).toEqual(["IZM", "TM"]);
    const options = { zone: t.config.timezone, variant: "digest" as const };
    const lv = digestMarkdown(digestDocument(model, { ...options, locale: "lv" }));
    expect(lv).toContain(LV_LINE);
    const en = digestDocument(model, { ...options, locale: "en" });
    expect(digestMarkdown(en)).toContain(EN_LINE);
    expect(digestMarkdown(en)).toMatch(/reminders \(Informatīvais ziņojums MK\): IEM, LM$/mu);
    for (const m of renderDigestThread(en)) expect(validateBlocks(m.blocks, "message")).toEqual([]);
  });
});
