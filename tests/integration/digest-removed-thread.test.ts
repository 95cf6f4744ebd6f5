/**
 * A reply written in a removed cut-off's thread is shown in the digest's new replies, marked with
 * that cut-off's title (a fresh user's finding: the digest after a cut-off mixed such replies
 * into "Jaunas atbildes (6)" with no mark). Marked, never dropped: the secretary must see every
 * reply anyone sent. Real app and store (SQLite or PostgreSQL), `/digest` through the signed
 * endpoint, the thread and the DOCX as posted; Markdown and English rendered from the digest as
 * stored. Fixture (digest-upcoming-fixture.ts) plus a cut-off "Pusgada pārskats" on task 8,
 * removed after LM replied in its thread; IEM replied to the live cut-off's task 5.
 */
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cutoff } from "../../db/cutoffs.ts";
import { removeCutoff } from "../../db/cutoffs.ts";
import { listDigests } from "../../db/digests.ts";
import { findInstitution } from "../../db/institutions.ts";
import { insertReply } from "../../db/replies.ts";
import { digestDocument } from "../../src/digest/document.ts";
import type { DigestModel } from "../../src/digest/model.ts";
import { digestMarkdown } from "../../src/digest/render-markdown.ts";
import { renderDigestThread } from "../../src/digest/render-slack.ts";
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

const HALF = "Pusgada pārskats";
const LV_MARK = `_(noņemtā termiņa „${HALF}” pavedienā)_`;
const EN_MARK = `_(in the thread of removed cut-off “${HALF}”)_`;
let t: TestApp;
let logs: LogWatch;

/** A verified reply of `code` to task `number` for `cutoff`, received at `at`. */
async function reply(cutoff: Cutoff, code: string, number: string, n: number, at: string) {
  const db = t.app.db;
  const inst = await findInstitution(db, code);
  const task = await db
    .selectFrom("tasks")
    .select("id")
    .where("number", "=", number)
    .executeTakeFirstOrThrow();
  await insertReply(db, {
    cutoffId: cutoff.id,
    institutionId: inst?.id ?? 0,
    taskId: task.id,
    channelId: `C0${code}`,
    ts: `1800000000.00000${n}`,
    threadTs: null,
    userId: `U0${code}OK`,
    text: `${number}: ${code} paveikts`,
    files: [],
    statusClaim: null,
    verified: true,
    source: "event",
    receivedAt: at,
  });
}

beforeAll(async () => {
  let mk: Cutoff;
  ({ t, logs, cutoff: mk } = await startUpcomingFixture());
  const half = await addCutoff(t, "2027-02-17T21:59:59.999Z", HALF, ["8"]);
  await reply(half, "LM", "8", 1, "2027-01-18T10:00:00.000Z");
  await reply(mk, "IEM", "5", 2, "2027-01-19T10:00:00.000Z");
  await removeCutoff(t.app.db, half.id, "2027-01-19T12:00:00.000Z");
});
afterAll(async () => {
  await t?.stop();
});

describe("the digest's new replies and a removed cut-off's thread", () => {
  it("keeps the reply and marks it with the removed cut-off, in the thread, DOCX, Markdown, lv and en", async () => {
    const docx = t.emulator.waitFor(uploaded(WG, ".docx"), 60_000);
    const res = await t.slack.command("/digest", "", { userId: SECRETARY, channelId: "C0LOCAL01" });
    expect(res.status).toBe(200);
    const docxCall = await docx;
    await logs.waitFor((l) => l.msg === "digest posted" && l.channel === WG, 60_000);

    const messages = t.emulator.messagesIn(WG);
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

    const files = unzipSync(new Uint8Array(t.emulator.files.get(fileId(docxCall))?.bytes ?? []));
    const xml = strFromU8(files["word/document.xml"] ?? new Uint8Array());
    expect(xml).toContain(`noņemtā termiņa „${HALF}” pavedienā`);

    const [stored] = await listDigests(t.app.db);
    const model = JSON.parse(stored?.content ?? "{}") as DigestModel;
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
