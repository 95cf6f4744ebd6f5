/**
 * The digest's "↩️" line marks the replies to another live cut-off as the App Home marks them
 * (fresh-user finding): `withLateTasks` (src/digest/other-late.ts) per institution, "LM (3); LM
 * (5) _(papildināts pēc ziņošanas termiņa)_; LM (14) _(pēc ziņošanas termiņa)_" for a task
 * answered in time, one answered in time and supplemented after #1's time, and one answered only
 * after it. Real app and store (SQLite or PostgreSQL), `/digest` through the signed endpoint, the
 * thread and the DOCX as posted; English and Markdown (what `cli digest` prints) from the stored
 * model, and an older stored model without the marks still renders, unmarked.
 */
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { type Cutoff, insertCutoff } from "../../db/cutoffs.ts";
import { listDigests } from "../../db/digests.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { insertReply } from "../../db/replies.ts";
import { digestDocument } from "../../src/digest/document.ts";
import type { DigestModel } from "../../src/digest/model.ts";
import { digestMarkdown } from "../../src/digest/render-markdown.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { fileId, SECRETARY, sectionTexts, uploaded, WG } from "./digest-upcoming-fixture.ts";

const NOW = "2026-12-02T10:00:00Z";
let t: TestApp;
let logs: LogWatch;
let first: Cutoff;

beforeAll(async () => {
  logs = watchLogs();
  t = await startTestApp({
    logger: logs.logger,
    clock: fixedClock(NOW),
    config: { secretaryUserIds: [SECRETARY], workgroupChannelId: WG },
  });
  t.emulator.addUser({ id: SECRETARY, name: "sekretare", locale: "lv-LV" });
  t.emulator.addChannel({ id: WG, name: "darba-grupa" });
  const db = t.app.db;
  const lm = await findInstitution(db, "LM");
  await setMapping(db, lm?.id ?? 0, "C0LM", ["U0LMOK"], NOW);
  const programmeId = (await currentProgramme(db))?.id ?? 0;
  const add = (at: string, title: string, taskNumbers: string[]) =>
    insertCutoff(db, { programmeId, at, title, taskNumbers, createdBy: SECRETARY, createdAt: NOW });
  first = await add("2026-12-01T21:59:59.999Z", "Pārbaude", ["3", "5", "14"]);
  await add("2027-02-01T21:59:59.999Z", "Otrais", ["14"]);
  let ts = 0;
  const reply = async (number: string, receivedAt: string) => {
    const task = await db
      .selectFrom("tasks")
      .select("id")
      .where("number", "=", number)
      .executeTakeFirstOrThrow();
    ts++;
    await insertReply(db, {
      cutoffId: first.id,
      institutionId: lm?.id ?? 0,
      taskId: task.id,
      channelId: "C0LM",
      ts: `1800000000.00000${ts}`,
      threadTs: null,
      userId: "U0LMOK",
      text: `${number}: paveikts`,
      files: [],
      statusClaim: null,
      verified: true,
      source: "event",
      receivedAt,
    });
  };
  await reply("3", "2026-11-30T10:00:00.000Z"); // in time
  await reply("5", "2026-11-30T11:00:00.000Z"); // in time …
  await reply("5", "2026-12-02T08:00:00.000Z"); // … and supplemented after #1's time
  await reply("14", "2026-12-02T09:00:00.000Z"); // only after it
});
afterAll(async () => {
  await t?.stop();
});

describe("the digest's ↩️ line marks late and supplemented replies as the Home does", () => {
  it("lv thread and DOCX, en and Markdown from the stored model; an older model unmarked", async () => {
    const docx = t.emulator.waitFor(uploaded(WG, ".docx"), 60_000);
    const res = await t.slack.command("/digest", "", { userId: SECRETARY, channelId: "C0LOCAL01" });
    expect(res.status).toBe(200);
    const docxCall = await docx;
    await logs.waitFor((l) => l.msg === "digest posted" && l.channel === WG, 60_000);
    const all = t.emulator
      .messagesIn(WG)
      .flatMap((m) => sectionTexts(m.blocks as unknown[] | undefined))
      .join("\n");
    expect(all).toContain(
      `↩️ Atbildes saņemtas arī uz ziņošanas termiņu #${first.id} „Pārbaude” (01.12.2026.): LM (3); LM (5) _(papildināts pēc ziņošanas termiņa)_; LM (14) _(pēc ziņošanas termiņa)_.`,
    );

    const files = unzipSync(new Uint8Array(t.emulator.files.get(fileId(docxCall))?.bytes ?? []));
    const xml = strFromU8(files["word/document.xml"] ?? new Uint8Array()).replace(/<[^>]+>/g, "");
    expect(xml).toContain(
      "LM (3); LM (5) (papildināts pēc ziņošanas termiņa); LM (14) (pēc ziņošanas termiņa)",
    );

    const [stored] = await listDigests(t.app.db);
    const model = JSON.parse(stored?.content ?? "{}") as DigestModel;
    expect(model.otherCutoffs?.[0]?.institutions).toEqual([
      { code: "LM", tasks: ["3", "5", "14"], late: ["14"], supplemented: ["5"] },
    ]);
    const options = { zone: t.config.timezone, variant: "digest" as const };
    const md = digestMarkdown(digestDocument(model, { ...options, locale: "en" }));
    expect(md).toContain(
      `↩️ Replies were also received for reporting cut-off #${first.id} “Pārbaude” (1 Dec 2026): LM (3); LM (5) _(supplemented after the reporting cut-off)_; LM (14) _(after the reporting cut-off)_.`,
    );
    const lvMd = digestMarkdown(digestDocument(model, { ...options, locale: "lv" }));
    expect(lvMd).toContain("LM (5) _(papildināts pēc ziņošanas termiņa)_");

    // A digest stored before the marks were kept: one entry per institution, unmarked.
    const older = {
      ...model,
      otherCutoffs: model.otherCutoffs?.map((c) => ({
        ...c,
        institutions: c.institutions.map(({ code, tasks }) => ({ code, tasks })),
      })),
    };
    const oldMd = digestMarkdown(digestDocument(older, { ...options, locale: "lv" }));
    expect(oldMd).toContain(`„Pārbaude” (01.12.2026.): LM (3, 5, 14). Uzdevumu atbildes`);
  });
});
