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
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cutoff } from "../../db/cutoffs.ts";
import { removeCutoff } from "../../db/cutoffs.ts";
import { insertDigest, listDigests } from "../../db/digests.ts";
import { findInstitution } from "../../db/institutions.ts";
import { insertReply, withdrawReply } from "../../db/replies.ts";
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

/** A verified reply of `code` to task `number` for `cutoff`, received at `at`; its id. */
async function reply(cutoff: Cutoff, code: string, number: string, n: number, at: string) {
  const db = t.app.db;
  const inst = await findInstitution(db, code);
  const task = await db
    .selectFrom("tasks")
    .select("id")
    .where("number", "=", number)
    .executeTakeFirstOrThrow();
  const stored = await insertReply(db, {
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
  return stored.reply.id;
}

beforeAll(async () => {
  let mk: Cutoff;
  ({ t, logs, cutoff: mk } = await startUpcomingFixture());
  const db = t.app.db;
  const half = await addCutoff(t, "2027-02-17T21:59:59.999Z", HALF, ["8"]);
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
});
afterAll(async () => {
  await t?.stop();
});

describe("the digest's withdrawn replies and a removed cut-off's thread", () => {
  it("marks the one withdrawn from the removed cut-off's thread, in the thread, DOCX, Markdown, lv and en", async () => {
    const docx = t.emulator.waitFor(uploaded(WG, ".docx"), 60_000);
    const res = await t.slack.command("/digest", "", { userId: SECRETARY, channelId: "C0LOCAL01" });
    expect(res.status).toBe(200);
    const docxCall = await docx;
    await logs.waitFor((l) => l.msg === "digest posted" && l.channel === WG, 60_000);

    const messages = t.emulator.messagesIn(WG);
    for (const m of messages) if (m.blocks) expect(validateBlocks(m.blocks, "message")).toEqual([]);
    const all = messages.flatMap((m) => sectionTexts(m.blocks as unknown[] | undefined)).join("\n");
    expect(all).toContain("*Atsauktās atbildes (2)*");
    const lines = all.split("\n");
    const lm = lines.find((l) => l.startsWith("• *8* · *LM* · atsaukta"));
    expect(lm).toContain(LV_MARK);
    const iem = lines.find((l) => l.startsWith("• *5* · *IEM* · atsaukta"));
    expect(iem).toBeDefined();
    expect(iem).not.toContain("noņemtā termiņa");

    const files = unzipSync(new Uint8Array(t.emulator.files.get(fileId(docxCall))?.bytes ?? []));
    const xml = strFromU8(files["word/document.xml"] ?? new Uint8Array());
    expect(xml).toContain(`noņemtā termiņa „${HALF}” pavedienā`);

    const [stored] = await listDigests(t.app.db);
    const model = JSON.parse(stored?.content ?? "{}") as DigestModel;
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
