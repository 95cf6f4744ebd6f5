/**
 * The digest counts heading tasks (10, 10.1, 13: no status of their own, sub-tasks under them)
 * by the rule of `/task`'s views (src/domain/status-rollup.ts): apart, as "📂 Virsraksti ar
 * apakšuzdevumiem *3*", never under "⚪ Bez statusa"; the DOCX task table shows a
 * heading's sub-tasks' statuses ("Sk. apakšuzdevumus: ✅ 2 · 🟡 1"). A digest stored before
 * (no `headings`, no `rollup`) still renders as it did, and a digest after it does not read the
 * change of rule as a move. Real app and store (SQLite or PostgreSQL), `/digest` through the
 * signed endpoint and the DOCX as posted (lv); English from the digest as stored. Fixture:
 * digest-upcoming-fixture.ts; the bundled annex: 10.1.1 partly done, 10.1.2, 10.1.3, 10.2 done.
 */
import { strFromU8, unzipSync } from "fflate";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDigests } from "../../db/digests.ts";
import { buildDigestModel } from "../../src/digest/build.ts";
import { digestDocument } from "../../src/digest/document.ts";
import type { DigestModel } from "../../src/digest/model.ts";
import { renderDigestDocx } from "../../src/digest/render-docx.ts";
import { digestMarkdown } from "../../src/digest/render-markdown.ts";
import type { TestApp } from "../helpers/app.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import {
  fileId,
  NOW,
  SECRETARY,
  sectionTexts,
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

/** The rows of the DOCX task table in `bytes`: each row's cells' text, header row first. */
function tableRows(bytes: Uint8Array): string[][] {
  const xml = strFromU8(unzipSync(bytes)["word/document.xml"] ?? new Uint8Array());
  return [...xml.matchAll(/<w:tr>(.*?)<\/w:tr>/gsu)].map((row) =>
    [...(row[1] ?? "").matchAll(/<w:tc>(.*?)<\/w:tc>/gsu)].map((c) =>
      [...(c[1] ?? "").matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/gu)].map((x) => x[1]).join(""),
    ),
  );
}

/** The status cell (5th column) of task `n`'s row. */
function statusCell(rows: string[][], n: string): string | undefined {
  return rows.find((r) => r[0] === n)?.[4];
}

/** The headline's count line ("*N* uzdevumi: …") in `text`. */
function countLine(text: string): string {
  const line = text
    .split("\n")
    .find((l) => /^\*\d+\* (uzdevum|task)/u.test(l.replace(/^\*\*/u, "*")));
  expect(line, text).toBeDefined();
  return line ?? "";
}

/** The stored digest's model. */
async function storedModel(): Promise<DigestModel> {
  const [stored] = await listDigests(t.app.db);
  return JSON.parse(stored?.content ?? "{}") as DigestModel;
}

/** The model as a digest stored before headings were counted apart would hold it. */
function asStoredBefore(model: DigestModel): DigestModel {
  const { headings = 0, ...rest } = model;
  return {
    ...rest,
    counts: { ...model.counts, none: model.counts.none + headings },
    tasks: model.tasks.map(({ rollup: _r, ...task }) => task),
  };
}

describe("the digest counts heading tasks by /task's rule", () => {
  it("counts the three headings apart in the headline and rolls them up in the DOCX (lv)", async () => {
    const docx = t.emulator.waitFor(uploaded(WG, ".docx"), 60_000);
    const res = await t.slack.command("/digest", "", { userId: SECRETARY, channelId: "C0LOCAL01" });
    expect(res.status).toBe(200);
    const docxCall = await docx;
    await logs.waitFor((l) => l.msg === "digest posted" && l.channel === WG, 60_000);
    const posted = t.emulator
      .messagesIn(WG)
      .flatMap((m) => sectionTexts(m.blocks as unknown[] | undefined))
      .join("\n");
    const line = countLine(posted);
    expect(line).toContain("📂 Virsraksti ar apakšuzdevumiem *3*");
    expect(line).not.toContain("Bez statusa");

    const model = await storedModel();
    expect(model.headings).toBe(3);
    expect(model.counts.none).toBe(0);
    // The 35 rows counted as /task help and the README count them: 26 tasks and 9 sub-tasks.
    expect(line).toMatch(/^\*26\* uzdevumi un \*9\* apakšuzdevumi: /u);
    expect(model.tasks.length).toBe(35);
    expect(model.tasks.find((x) => x.number === "10.1")?.rollup).toEqual([
      { status: "done", count: 2 },
      { status: "partial", count: 1 },
    ]);
    expect(model.tasks.find((x) => x.number === "10.1.1")?.rollup).toBeUndefined();

    const rows = tableRows(new Uint8Array(t.emulator.files.get(fileId(docxCall))?.bytes ?? []));
    expect(statusCell(rows, "10.1")).toBe("Sk. apakšuzdevumus: ✅ 2 · 🟡 1");
    expect(statusCell(rows, "10")).toBe("Sk. apakšuzdevumus: ✅ 3 · 🟡 1");
    expect(statusCell(rows, "13")).toMatch(/^Sk\. apakšuzdevumus: /u);
    expect(statusCell(rows, "10.1.1")).toMatch(/^🟡 /u);
  });

  it("reads the same in English from the digest as stored", async () => {
    const model = await storedModel();
    const doc = digestDocument(model, { zone: t.config.timezone, variant: "digest", locale: "en" });
    expect(digestMarkdown(doc)).toContain("📂 Headings with sub-tasks **3**");
    expect(doc.headline[0]).toContain("📂 Headings with sub-tasks *3*");
    expect(doc.headline[0]).not.toContain("⚪");
    const rows = tableRows(new Uint8Array(await renderDigestDocx(doc, model, "en")));
    expect(statusCell(rows, "10.1")).toBe("See sub-tasks: ✅ 2 · 🟡 1");
  });

  it("renders a digest stored before as it did, and the next one moves nothing for it", async () => {
    const old = asStoredBefore(await storedModel());
    const doc = digestDocument(old, { zone: t.config.timezone, variant: "digest", locale: "lv" });
    expect(doc.headline[0]).toContain("⚪ Bez statusa *3*");
    expect(doc.headline[0]).not.toContain("📂");
    const rows = tableRows(new Uint8Array(await renderDigestDocx(doc, old, "lv")));
    expect(statusCell(rows, "10.1")).toBe("⚪ Bez statusa");

    // The digest posted above, as if stored before the rule: the next digest compares like with like.
    const [stored] = await listDigests(t.app.db);
    await t.app.db
      .updateTable("digests")
      .set({ content: JSON.stringify(old) })
      .where("id", "=", stored?.id ?? 0)
      .execute();
    const next = await buildDigestModel(t.app.db, {
      now: DateTime.fromISO(NOW).plus({ hours: 1 }),
      zone: t.config.timezone,
    });
    expect(next.previous?.id).toBe(stored?.id);
    expect(next.moved?.none).toBe(0);
    const nextLine = digestDocument(next, {
      zone: t.config.timezone,
      variant: "digest",
      locale: "lv",
    }).headline[0];
    expect(nextLine).not.toContain("⚪");
    expect(nextLine).toContain("📂 Virsraksti ar apakšuzdevumiem *3*");
  });
});
