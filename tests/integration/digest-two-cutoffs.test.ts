/**
 * The digest with two live reporting cut-offs (a fresh user's finding): #1 just passed, #2 ahead,
 * the digest about #2 (the one the app works towards). LM's reply filed for #1 and moved to task
 * 14 is listed with its own cut-off named, "not answered yet" names #2, and the institution part
 * says #1 has replies and how to see them (`/task 14 history`). Real app and store (SQLite or
 * PostgreSQL), `/digest` through the signed endpoint, the thread and the DOCX as posted; English
 * and Markdown rendered from the stored model, and an older stored digest without the fields.
 */
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { type Cutoff, insertCutoff } from "../../db/cutoffs.ts";
import { listDigests } from "../../db/digests.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { assignReply, insertReply } from "../../db/replies.ts";
import { digestDocument } from "../../src/digest/document.ts";
import type { DigestModel } from "../../src/digest/model.ts";
import { digestMarkdown } from "../../src/digest/render-markdown.ts";
import { renderDigestThread } from "../../src/digest/render-slack.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { fileId, SECRETARY, sectionTexts, uploaded, WG } from "./digest-upcoming-fixture.ts";

const NOW = "2026-12-02T10:00:00Z";
let t: TestApp;
let logs: LogWatch;
let first: Cutoff;
let second: Cutoff;

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
  first = await add("2026-12-01T21:59:59.999Z", "Pirmais", ["14"]);
  second = await add("2027-02-01T21:59:59.999Z", "Otrais", ["14"]);
  const taskId = async (number: string) =>
    (
      await db
        .selectFrom("tasks")
        .select("id")
        .where("number", "=", number)
        .executeTakeFirstOrThrow()
    ).id;
  const stored = await insertReply(db, {
    cutoffId: first.id,
    institutionId: lm?.id ?? 0,
    taskId: await taskId("18"),
    channelId: "C0LM",
    ts: "1800000000.000001",
    threadTs: null,
    userId: "U0LMOK",
    text: "14: paveikts",
    files: [],
    statusClaim: null,
    verified: true,
    source: "event",
    receivedAt: "2026-11-30T10:00:00.000Z",
  });
  await assignReply(db, stored.reply.id, await taskId("14"));
});
afterAll(async () => {
  await t?.stop();
});

describe("the digest names the cut-off of every reply and of 'not answered'", () => {
  it("lv thread and DOCX, en and Markdown from the stored model", async () => {
    const docx = t.emulator.waitFor(uploaded(WG, ".docx"), 60_000);
    const res = await t.slack.command("/digest", "", { userId: SECRETARY, channelId: "C0LOCAL01" });
    expect(res.status).toBe(200);
    const docxCall = await docx;
    await logs.waitFor((l) => l.msg === "digest posted" && l.channel === WG, 60_000);
    const messages = t.emulator.messagesIn(WG);
    for (const m of messages) if (m.blocks) expect(validateBlocks(m.blocks, "message")).toEqual([]);
    const all = messages.flatMap((m) => sectionTexts(m.blocks as unknown[] | undefined)).join("\n");
    expect(all).toContain(`Ziņošanas termiņš *Otrais* (#${second.id}, `);
    expect(all).toContain(`Institūcijas: Otrais (#${second.id}, `);
    expect(all).toContain(`*Vēl nav atbildējušas uz #${second.id}:* LM (14)`);
    expect(all).toMatch(
      new RegExp(
        `^• \\*14\\* · \\*LM\\* · <@U0LMOK> · .*paveikts.*_\\(uz ziņošanas termiņu #${first.id} \\(01\\.12\\.2026\\.\\)\\)_$`,
        "mu",
      ),
    );
    expect(all).toContain(
      `↩️ Atbildes saņemtas arī uz ziņošanas termiņu #${first.id} „Pirmais” (01.12.2026.): LM (14). Uzdevuma atbildes ar to ziņošanas termiņiem – \`/task 14 history\`.`,
    );

    const files = unzipSync(new Uint8Array(t.emulator.files.get(fileId(docxCall))?.bytes ?? []));
    const xml = strFromU8(files["word/document.xml"] ?? new Uint8Array());
    expect(xml).toContain(`uz ziņošanas termiņu #${first.id} (01.12.2026.)`);

    const [stored] = await listDigests(t.app.db);
    const model = JSON.parse(stored?.content ?? "{}") as DigestModel;
    expect(model.otherCutoffs).toEqual([
      {
        id: first.id,
        title: "Pirmais",
        at: first.at,
        institutions: [{ code: "LM", tasks: ["14"] }],
      },
    ]);
    const options = { zone: t.config.timezone, variant: "digest" as const };
    const en = digestDocument(model, { ...options, locale: "en" });
    const md = digestMarkdown(en);
    expect(md).toContain(`**Not answered for #${second.id} yet:** LM (14)`);
    expect(md).toContain(`(for reporting cut-off #${first.id} (1 Dec 2026))`);
    expect(md).toContain(
      `↩️ Replies were also received for reporting cut-off #${first.id} “Pirmais” (1 Dec 2026): LM (14). A task's replies with their cut-offs: \`/task 14 history\`.`,
    );
    for (const m of renderDigestThread(en)) expect(validateBlocks(m.blocks, "message")).toEqual([]);
  });

  it("an older stored digest, without the fields, still renders", async () => {
    const [stored] = await listDigests(t.app.db);
    const { otherCutoffs: _o, ...older } = JSON.parse(stored?.content ?? "{}") as DigestModel;
    const bare = {
      ...older,
      replies: older.replies.map(({ forCutoff: _f, ...r }) => r),
      tasks: older.tasks.map((task) =>
        task.latest ? { ...task, latest: { ...task.latest, forCutoff: undefined } } : task,
      ),
    };
    const md = digestMarkdown(
      digestDocument(bare, { zone: t.config.timezone, variant: "digest", locale: "lv" }),
    );
    expect(md).not.toContain("↩️");
    expect(md).not.toContain("uz ziņošanas termiņu #");
  });
});
