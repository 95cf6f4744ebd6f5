/**
 * A reply written in a removed cut-off's thread is shown in the digest's new replies, marked with
 * that cut-off's title (a fresh user's finding: the digest after a cut-off mixed such replies
 * into "Jaunas atbildes (6)" with no mark). Marked, never dropped: the secretary must see every
 * reply anyone sent. Real app and store (SQLite or PostgreSQL), `/digest` through the signed
 * endpoint, the thread and the DOCX as posted; Markdown and English rendered from the digest as
 * stored. Fixture (digest-upcoming-fixture.ts) plus a cut-off "Pusgada pārskats" on task 8,
 * removed after LM replied in its thread; IEM replied to the live cut-off's task 5.
 */
import { describe, expect, it } from "vitest";
import { removeCutoff } from "../../db/cutoffs.ts";
import { digestDocument } from "../../src/digest/document.ts";
import { digestMarkdown } from "../../src/digest/render-markdown.ts";
import { renderDigestThread } from "../../src/digest/render-slack.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import type { TestApp } from "../helpers/app.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { sectionTexts } from "./digest-upcoming-fixture.ts";
import {
  docxXml,
  HALF_CUTOFF,
  halfDigestSuite,
  requestDigest,
  storedDigest,
} from "./support/digest.ts";

const { title: HALF, lvMark: LV_MARK, enMark: EN_MARK } = HALF_CUTOFF;
let t: TestApp;
let logs: LogWatch;

halfDigestSuite(
  (fixture) => ({ t, logs } = fixture),
  async ({ cutoff: mk, half, reply }) => {
    await reply(half, "LM", "8", 1, "2027-01-18T10:00:00.000Z");
    await reply(mk, "IEM", "5", 2, "2027-01-19T10:00:00.000Z");
    await removeCutoff(t.app.db, half.id, "2027-01-19T12:00:00.000Z");
  },
);

describe("the digest's new replies and a removed cut-off's thread", () => {
  it("keeps the reply and marks it with the removed cut-off, in the thread, DOCX, Markdown, lv and en", async () => {
    const { docxCall, messages } = await requestDigest(t, logs);
    for (const m of messages) if (m.blocks) expect(validateBlocks(m.blocks, "message")).toEqual([]);
    const all = messages.flatMap((m) => sectionTexts(m.blocks as unknown[] | undefined)).join("\n");
    expect(all).toContain("*Jaunas atbildes (2)*");
    const lines = all.split("\n");
    const lm = lines.find((l) => l.startsWith("• *8* · *LM*"));
    expect(lm).toContain("„LM paveikts”");
    expect(lm).toContain(LV_MARK);
    const iem = lines.find((l) => l.startsWith("• *5* · *IEM*"));
    expect(iem).toContain("„IEM paveikts”");
    expect(iem).not.toContain("noņemtā termiņa");

    const xml = docxXml(t, docxCall);
    expect(xml).toContain(`noņemtā termiņa „${HALF}” pavedienā`);

    const model = await storedDigest(t);
    expect(model.replies.map((r) => [r.institution, r.removedCutoff])).toEqual([
      ["LM", HALF],
      ["IEM", undefined],
    ]);
    const options = { zone: t.config.timezone, variant: "digest" as const };
    expect(digestMarkdown(digestDocument(model, { ...options, locale: "lv" }))).toContain(LV_MARK);
    const en = digestDocument(model, { ...options, locale: "en" });
    const md = digestMarkdown(en);
    expect(md).toContain("**New replies (2)**");
    expect(md).toContain(EN_MARK);
    for (const m of renderDigestThread(en)) expect(validateBlocks(m.blocks, "message")).toEqual([]);
  });
});
