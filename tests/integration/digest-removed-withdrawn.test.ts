/**
 * A reply withdrawn from a removed cut-off's thread is marked in the digest's "Atsauktās
 * atbildes" with that cut-off's title, as new and edited ones are (a reviewer's finding: only
 * withdrawn ones went unmarked). Real app and store (SQLite or PostgreSQL), `/digest` through the
 * signed endpoint, the thread and the DOCX as posted; Markdown and English rendered from the
 * digest as stored, and a digest stored before the mark was kept renders unmarked. Fixture
 * (digest-upcoming-fixture.ts) plus a cut-off "Pusgada pārskats" on task 8; LM replied in its
 * thread and IEM to the live cut-off's task 5, both before a previous digest (posted); both
 * replies were then withdrawn and "Pusgada pārskats" removed.
 */
import { describe, expect, it } from "vitest";
import { removeCutoff } from "../../db/cutoffs.ts";
import { insertDigest } from "../../db/digests.ts";
import { withdrawReply } from "../../db/replies.ts";
import { digestDocument } from "../../src/digest/document.ts";
import type { DigestModel } from "../../src/digest/model.ts";
import { digestMarkdown } from "../../src/digest/render-markdown.ts";
import { renderDigestThread } from "../../src/digest/render-slack.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import type { TestApp } from "../helpers/app.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { SECRETARY, sectionTexts } from "./digest-upcoming-fixture.ts";
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
    const db = t.app.db;
    const lm = await reply(half, "LM", "8", 1, "2027-01-14T10:00:00.000Z");
    const iem = await reply(mk, "IEM", "5", 2, "2027-01-14T11:00:00.000Z");
    // The previous digest, posted to the working group before the withdrawals.
    await insertDigest(db, {
      programmeId: mk.programmeId,
      requestKey: "test-previous",
      kind: "manual",
      since: "1970-01-01T00:00:00.000Z",
      builtAt: "2027-01-15T08:00:00.000Z",
      requestedBy: SECRETARY,
      locale: "lv",
      sessionId: null,
      cutoffId: mk.id,
      content: "{}",
      postedAt: "2027-01-15T08:01:00.000Z",
    });
    await withdrawReply(db, lm, "2027-01-16T10:00:00.000Z");
    await withdrawReply(db, iem, "2027-01-17T10:00:00.000Z");
    await removeCutoff(db, half.id, "2027-01-19T12:00:00.000Z");
  },
);

describe("the digest's withdrawn replies and a removed cut-off's thread", () => {
  it("marks the one withdrawn from the removed cut-off's thread, in the thread, DOCX, Markdown, lv and en", async () => {
    const { docxCall, messages } = await requestDigest(t, logs);
    for (const m of messages) if (m.blocks) expect(validateBlocks(m.blocks, "message")).toEqual([]);
    const all = messages.flatMap((m) => sectionTexts(m.blocks as unknown[] | undefined)).join("\n");
    expect(all).toContain("*Atsauktās atbildes (2)*");
    const lines = all.split("\n");
    const lm = lines.find((l) => l.startsWith("• *8* · *LM* · atsaukta"));
    expect(lm).toContain(LV_MARK);
    const iem = lines.find((l) => l.startsWith("• *5* · *IEM* · atsaukta"));
    expect(iem).toBeDefined();
    expect(iem).not.toContain("noņemtā termiņa");

    const xml = docxXml(t, docxCall);
    expect(xml).toContain(`noņemtā termiņa „${HALF}” pavedienā`);

    const model = await storedDigest(t);
    expect(model.withdrawn?.map((w) => [w.institution, w.removedCutoff])).toEqual([
      ["LM", HALF],
      ["IEM", undefined],
    ]);
    const options = { zone: t.config.timezone, variant: "digest" as const };
    const lvMd = digestMarkdown(digestDocument(model, { ...options, locale: "lv" }));
    expect(lvMd).toContain(LV_MARK);
    const en = digestDocument(model, { ...options, locale: "en" });
    const md = digestMarkdown(en);
    expect(md).toContain("**Withdrawn replies (2)**");
    expect(md.split("\n").find((l) => l.includes("**LM** · withdrawn"))).toContain(EN_MARK);
    expect(md.split("\n").find((l) => l.includes("**IEM** · withdrawn"))).not.toContain(EN_MARK);
    for (const m of renderDigestThread(en)) expect(validateBlocks(m.blocks, "message")).toEqual([]);

    // A digest stored before the mark was kept: the same lines, unmarked.
    const old: DigestModel = {
      ...model,
      withdrawn: model.withdrawn?.map(({ removedCutoff: _r, ...w }) => w),
    };
    const oldMd = digestMarkdown(digestDocument(old, { ...options, locale: "lv" }));
    expect(oldMd).toContain("Atsauktās atbildes (2)");
    expect(oldMd).not.toContain("noņemtā termiņa");
  });
});
