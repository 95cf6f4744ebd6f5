/**
 * Inline code in the digest (`/institution set IZM #kanāls`, `/session add`) reads as code in
 * the Word document — a monospace run without the backticks — and keeps its backticks in
 * Markdown (a fresh user's finding: the DOCX showed the backticks as characters). Real app and
 * store (SQLite or PostgreSQL), `/digest` through the signed endpoint and the DOCX as posted;
 * the English DOCX and Markdown rendered from the digest as stored. Fixture:
 * digest-upcoming-fixture.ts (IZM and TM have no channel, so the digest shows the command to
 * set one; no session is planned, so the headline shows `/session add`).
 */
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDigests } from "../../db/digests.ts";
import { digestDocument } from "../../src/digest/document.ts";
import type { DigestModel } from "../../src/digest/model.ts";
import { CODE_FONT, renderDigestDocx } from "../../src/digest/render-docx.ts";
import { digestMarkdown } from "../../src/digest/render-markdown.ts";
import type { TestApp } from "../helpers/app.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import {
  fileId,
  SECRETARY,
  startUpcomingFixture,
  uploaded,
  WG,
} from "./digest-upcoming-fixture.ts";

let t: TestApp;
let logs: LogWatch;

beforeAll(async () => {
  ({ t, logs } = await startUpcomingFixture());
});
afterAll(async () => {
  await t?.stop();
});

/** A run of a DOCX body: its text and whether it is set in the code font, bold. */
interface Run {
  text: string;
  code: boolean;
  bold: boolean;
}

/** The runs of `word/document.xml` in the DOCX `bytes`, in order. */
function runs(bytes: Uint8Array): Run[] {
  const xml = strFromU8(unzipSync(bytes)["word/document.xml"] ?? new Uint8Array());
  return [...xml.matchAll(/<w:r>(.*?)<\/w:r>/gsu)].map((m) => {
    const body = m[1] ?? "";
    const text = [...body.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/gu)].map((x) => x[1]).join("");
    return {
      text: text.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">"),
      code: body.includes(`w:ascii="${CODE_FONT}"`),
      bold: /<w:b\/>|<w:b w:val="(true|1)"\/>/u.test(body),
    };
  });
}

describe("inline code in the digest's DOCX and Markdown", () => {
  it("is a monospace run in the DOCX as posted and in English; Markdown keeps the backticks", async () => {
    const docx = t.emulator.waitFor(uploaded(WG, ".docx"), 60_000);
    const res = await t.slack.command("/digest", "", { userId: SECRETARY, channelId: "C0LOCAL01" });
    expect(res.status).toBe(200);
    const docxCall = await docx;
    await logs.waitFor((l) => l.msg === "digest posted" && l.channel === WG, 60_000);

    const lv = runs(new Uint8Array(t.emulator.files.get(fileId(docxCall))?.bytes ?? []));
    expect(lv.filter((r) => r.text.includes("`"))).toEqual([]);
    expect(lv).toContainEqual({ text: "/institution set IZM #kanāls", code: true, bold: false });
    expect(lv).toContainEqual({ text: "/session add", code: true, bold: false });
    const before = lv.findIndex((r) => r.text === "/institution set IZM #kanāls") - 1;
    expect(lv[before]?.text).toMatch(/Sekretārs kanālu var norādīt ar $/u);
    expect(lv[before]?.code).toBe(false);

    const [stored] = await listDigests(t.app.db);
    const model = JSON.parse(stored?.content ?? "{}") as DigestModel;
    const options = { zone: t.config.timezone, variant: "digest" as const };
    const enDoc = digestDocument(model, { ...options, locale: "en" });
    const en = runs(new Uint8Array(await renderDigestDocx(enDoc, model, "en")));
    expect(en.filter((r) => r.text.includes("`"))).toEqual([]);
    expect(en).toContainEqual({ text: "/institution set IZM #channel", code: true, bold: false });

    const lvDoc = digestDocument(model, { ...options, locale: "lv" });
    expect(digestMarkdown(lvDoc)).toContain(
      "Sekretārs kanālu var norādīt ar `/institution set IZM #kanāls`.",
    );
    expect(digestMarkdown(enDoc)).toContain(
      "The secretary can set one with `/institution set IZM #channel`.",
    );
  });

  it("keeps code as written: no bold or entity inside it, bold around it, one line each", async () => {
    const [stored] = await listDigests(t.app.db);
    const model = JSON.parse(stored?.content ?? "{}") as DigestModel;
    const doc = digestDocument(model, {
      zone: t.config.timezone,
      variant: "digest",
      locale: "lv",
    });
    const line = "Iestatiet `DATABASE_URL=*a*` un *`R&amp;D` vēlreiz*; `a&lt;b` vai *trekni*.";
    doc.sections.push({ heading: "Pārbaude", paragraphs: [line] });
    const all = runs(new Uint8Array(await renderDigestDocx(doc, model, "lv")));
    const from = all.findIndex((r) => r.text === "Iestatiet ");
    expect(all.slice(from, from + 8)).toEqual([
      { text: "Iestatiet ", code: false, bold: false },
      { text: "DATABASE_URL=*a*", code: true, bold: false },
      { text: " un ", code: false, bold: false },
      { text: "R&D", code: true, bold: true },
      { text: " vēlreiz", code: false, bold: true },
      { text: "; ", code: false, bold: false },
      { text: "a<b", code: true, bold: false },
      { text: " vai ", code: false, bold: false },
    ]);
    expect(digestMarkdown(doc)).toContain(
      "Iestatiet `DATABASE_URL=*a*` un **`R&D` vēlreiz**; `a<b` vai **trekni**.",
    );
  });
});
