import { strFromU8, unzipSync } from "fflate";
import { DateTime } from "luxon";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { buildDigestModel } from "../../src/digest/build.ts";
import { chartSize, renderStatusChart } from "../../src/digest/chart.ts";
import { type DigestDoc, digestDocument } from "../../src/digest/document.ts";
import type { DigestModel } from "../../src/digest/model.ts";
import { renderDigestDocx } from "../../src/digest/render-docx.ts";
import { digestMarkdown, mrkdwnToMarkdown } from "../../src/digest/render-markdown.ts";
import { renderDigestParent, renderDigestThread } from "../../src/digest/render-slack.ts";
import { MESSAGE_TEXT_MAX, validateBlocks } from "../../src/slack/block-limits.ts";
import { importedStore } from "../helpers/store.ts";
import { NOW, scriptStore } from "./support.ts";

let db: Db;
let model: DigestModel;
const docs: Record<"lv" | "en", DigestDoc> = {} as Record<"lv" | "en", DigestDoc>;

beforeAll(async () => {
  ({ db } = await importedStore());
  await scriptStore(db);
  model = await buildDigestModel(db, { now: DateTime.fromISO(NOW), zone: "Europe/Riga" });
  for (const locale of ["lv", "en"] as const)
    docs[locale] = digestDocument(model, { locale, zone: "Europe/Riga", variant: "digest", id: 7 });
});
afterAll(async () => {
  await db?.destroy();
});

type Section = { type: string; text?: { text: string } };

function sectionTexts(blocks: unknown[]): string[] {
  return (blocks as Section[]).filter((b) => b.type === "section").map((b) => b.text?.text ?? "");
}

describe("the digest in Slack", () => {
  it.each(["lv", "en"] as const)("parent and thread pass Slack's limits (%s)", (locale) => {
    const parent = renderDigestParent(docs[locale], locale, { digestId: 7, intro: "x" });
    const thread = renderDigestThread(docs[locale]);
    for (const m of [parent, ...thread]) {
      expect(validateBlocks(m.blocks, "message")).toEqual([]);
      expect(m.text.length).toBeLessThanOrEqual(MESSAGE_TEXT_MAX);
    }
    expect(parent.blocks.length).toBeLessThanOrEqual(6);
    expect(thread.length).toBeGreaterThanOrEqual(4);
  });

  it("splits the long replies at line boundaries and loses nothing", () => {
    const thread = renderDigestThread(docs.lv);
    const pieces = thread.flatMap((m) => sectionTexts(m.blocks));
    const whole = docs.lv.sections.flatMap((s) => s.paragraphs).join("\n");
    const lines = new Set(whole.split("\n"));
    for (const piece of pieces)
      for (const line of piece.split("\n")) expect(lines.has(line)).toBe(true);
    const changes = pieces.filter((p) => p.includes("„"));
    expect(changes.length).toBeGreaterThan(1);
    for (const r of model.replies) expect(pieces.join("\n")).toContain(r.excerpt.slice(0, 60));
  });

  it("headlines the figures and names who has not answered", () => {
    // Counted as /task help and the README count it: 26 tasks and 9 sub-tasks (35 rows).
    expect(docs.lv.headline.join("\n")).toContain("*26* uzdevumi un *9* apakšuzdevumi: ");
    expect(docs.en.headline.join("\n")).toContain("*26* tasks and *9* sub-tasks: ");
    expect(docs.lv.headline.join("\n")).toContain(
      "visu prasīto iesniegušas *2* no *5* institūcijām",
    );
    const institutions = docs.lv.sections[1]?.paragraphs.join("\n") ?? "";
    expect(institutions).toContain(
      "*Vēl nav atbildējušas uz #2:* ĀM (10.1.3, 11, 13.1, 21; nepārbaudīta atbilde: 11); IEM (10.1.1, 10.2, 11, 13.4, 18, 20, 22, 23, 24, 25, 26; nepārbaudīta atbilde: 18); TM (13.4)",
    );
    // An unverified reply is no answer: named apart, never counted in "atbildēts".
    expect(institutions).toContain(
      "• *ĀM* – atbildēts 0/4 · trūkst: 10.1.3, 13.1, 21 · nepārbaudītas: 11",
    );
    expect(institutions).toContain("• *IEM* – atbildēts 2/13 · trūkst:");
    expect(docs.en.sections[1]?.paragraphs.join("\n")).toContain(
      "*Not answered for #2 yet:* ĀM (10.1.3, 11, 13.1, 21; unverified reply: 11)",
    );
    expect(docs.en.sections[1]?.paragraphs.join("\n")).toContain(
      "response rate 15% (2 of 13 replies asked for; past reporting cut-offs: 1)",
    );
  });

  it("`digest --md` holds the same content as the Slack thread", () => {
    const md = digestMarkdown(docs.lv);
    expect(md).toContain(`# ${docs.lv.title}`);
    for (const m of renderDigestThread(docs.lv))
      for (const text of sectionTexts(m.blocks))
        for (const line of text.split("\n")) expect(md).toContain(mrkdwnToMarkdown(line));
    expect(md).toContain("[atvērt](https://slack.com/archives/C0IEM/p17");
  });

  it("only the Slack parent points to its thread; Markdown and DOCX, which have none, do not", async () => {
    const parent = JSON.stringify(renderDigestParent(docs.lv, "lv").blocks);
    expect(parent).toContain("Kopsavilkums #7 · Periods: kopš sākuma · Sīkāk – pavedienā ⤵");
    expect(JSON.stringify(renderDigestParent(docs.en, "en").blocks)).toContain("in the thread ⤵");
    const md = digestMarkdown(docs.lv);
    expect(md).toContain("_Kopsavilkums #7 · Periods: kopš sākuma_");
    expect(md).not.toContain("pavedienā");
    expect(digestMarkdown(docs.en)).not.toContain("thread");
    const chart = await renderStatusChart(model.institutions, "lv", null);
    const docx = unzipSync(new Uint8Array(await renderDigestDocx(docs.lv, model, "lv", chart)));
    expect(strFromU8(docx["word/document.xml"] ?? new Uint8Array())).not.toContain("pavedienā");
  });
});

describe("the chart and the document", () => {
  it("renders the chart to a PNG of the expected size", async () => {
    const chart = await renderStatusChart(model.institutions, "lv", "Informatīvais ziņojums MK");
    expect([...chart.png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(chart.png.subarray(12, 16).toString("ascii")).toBe("IHDR");
    const decoded = PNG.sync.read(chart.png);
    expect({ width: decoded.width, height: decoded.height }).toEqual(chartSize(5));
    expect(chartSize(5)).toEqual({ width: 1600, height: 480 });
    expect(chart.summary).toContain("IEM: izpildīts 1, daļēji 1, tiek pildīts 0, nav atbildes 11");
  });

  it("writes a DOCX that opens and holds every task", async () => {
    const chart = await renderStatusChart(model.institutions, "lv", null);
    const bytes = await renderDigestDocx(docs.lv, model, "lv", chart);
    const files = unzipSync(new Uint8Array(bytes));
    expect(Object.keys(files).filter((f) => /^word\/media\/.+\.png$/.test(f))).toHaveLength(1);
    const xml = strFromU8(files["word/document.xml"] ?? new Uint8Array());
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => m[1] ?? "")
      .join("\n")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
    for (const task of model.tasks) {
      expect(text).toContain(task.title);
      expect(text).toContain(task.number);
    }
    expect(text).toContain(docs.lv.title);
  });
});
