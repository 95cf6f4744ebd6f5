/**
 * A very long reply (37,000 characters) keeps its "atvērt" / "open" link at the end of its line
 * in the digest, as every other reply does (a fresh user's finding: the line ended "…ģķļņšž.…”"
 * with no link): in the working group's thread (each section ≤ 3,000 characters) and in the
 * DOCX. Sent in the cut-off's thread through the real app, worker and store (SQLite or
 * PostgreSQL), private Redis, signed Events API callbacks and the emulator; then the stored
 * digest rendered with the whole text as its excerpt (as a digest stored with a longer excerpt
 * holds it) and with one Slack's escaping lengthens, in both languages.
 */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { digestDocument } from "../../src/digest/document.ts";
import type { DigestModel } from "../../src/digest/model.ts";
import { renderDigestDocx } from "../../src/digest/render-docx.ts";
import { digestMarkdown } from "../../src/digest/render-markdown.ts";
import { renderDigestThread } from "../../src/digest/render-slack.ts";
import { REPLY_LINE_MAX } from "../../src/digest/reply-line.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import type { TestApp } from "../helpers/app.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { WG } from "../replies/findings-support.ts";
import { replySteps } from "../replies/support.ts";
import { fileId, sectionTexts, uploaded } from "./digest-upcoming-fixture.ts";
import { findingsAppHooks, manualDigest } from "./support/findings.ts";

let t: TestApp;
let logs: LogWatch;
let model: DigestModel;
let long = "";

findingsAppHooks((app) => ({ t, logs } = app));
const { thread, reply } = replySteps(() => ({ t, logs }), "C0LONG");

/** A digest as `/digest` asks for it (a "manual" build-digest job), once posted; its model. */
const digest = (): Promise<DigestModel> => manualDigest(t, logs);

const SENTENCE =
  "Ziņojums par pasākuma izpildi, ābcčdēfgģhiījkķlļmnņoprsštuūvzž un ĀBCČĒĢĪĶĻŅŠŪŽ ģķļņšž. ";

describe("a very long reply in the digest", () => {
  it("keeps its link in the group's thread and in the DOCX", async () => {
    const f = await thread(["5"]);
    let text = "5: ";
    while (text.length < 37_000) text += SENTENCE;
    long = text.slice(0, 37_000).trim();
    expect(long.length).toBeGreaterThan(36_900);
    await reply(f, long);
    await reply(f, "5: īss papildinājums");
    const docx = t.emulator.waitFor(uploaded(WG, ".docx"), 60_000);
    model = await digest();
    expect(model.replies.every((r) => r.link !== null)).toBe(true);
    const lines = t.emulator
      .messagesIn(WG)
      .flatMap((m) => sectionTexts(m.blocks as unknown[] | undefined))
      .flatMap((s) => s.split("\n"))
      .filter((l) => l.startsWith("• *5* · *LM*"));
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/<https:\/\/[^|>]+\|atvērt>/u);
    const xml = strFromU8(
      unzipSync(new Uint8Array(t.emulator.files.get(fileId(await docx))?.bytes ?? []))[
        "word/document.xml"
      ] ?? new Uint8Array(),
    );
    expect(xml.match(/<w:hyperlink /gu)?.length ?? 0).toBeGreaterThanOrEqual(2);
  }, 240_000);

  it("keeps it when the stored excerpt is the whole text, or escaping lengthens it", async () => {
    const [first, second] = model.replies;
    if (!first || !second) throw new Error("two replies expected");
    const older: DigestModel = {
      ...model,
      replies: [
        { ...first, excerpt: long.slice(3) },
        { ...second, excerpt: "R&D <> ".repeat(5000), verified: false },
        ...model.replies.slice(2),
      ],
    };
    for (const [locale, open] of [
      ["lv", "atvērt"],
      ["en", "open"],
    ] as const) {
      const doc = digestDocument(older, { zone: t.config.timezone, variant: "digest", locale });
      const messages = renderDigestThread(doc);
      for (const m of messages) expect(validateBlocks(m.blocks, "message")).toEqual([]);
      const lines = messages
        .flatMap((m) => sectionTexts(m.blocks as unknown[] | undefined))
        .flatMap((s) => s.split("\n"))
        .filter((l) => l.startsWith("• *5* · *LM*"));
      expect(lines).toHaveLength(2);
      for (const line of lines) {
        expect(line.length).toBeLessThanOrEqual(REPLY_LINE_MAX);
        expect(line).toMatch(new RegExp(`<https://[^|>]+\\|${open}>`, "u"));
      }
      // As long as fits: the excerpt ends "…", the link follows it.
      expect(lines[0]?.length).toBeGreaterThan(REPLY_LINE_MAX - 150);
      expect(lines[0]).toMatch(/ģķļņšž\.…” <https:/u);
      const links = digestMarkdown(doc).match(new RegExp(`\\[${open}\\]\\(https://`, "gu"));
      expect(links?.length ?? 0).toBe(2);
      const xml = strFromU8(
        unzipSync(new Uint8Array(await renderDigestDocx(doc, older, locale)))[
          "word/document.xml"
        ] ?? new Uint8Array(),
      );
      expect(xml.match(/<w:hyperlink /gu)?.length ?? 0).toBeGreaterThanOrEqual(2);
    }
  });
});
