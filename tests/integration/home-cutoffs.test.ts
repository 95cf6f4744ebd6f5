/**
 * The App Home names the cut-off it is about, as `/task N` and the digest do since e25f548,
 * 7cda3a3 and 2f67fc4 (a fresh user's finding there: "LM has not replied" beside LM's reply to
 * another cut-off): "⏰ Ziņošanas termiņš #1 pagājis: …" for one whose time is up, the digest's
 * "*Vēl nav atbildējušas uz #2:* …" for the secretary, "*Vēl gaidām jūsu atbildi uz #2 par:* …"
 * for a contact, and, with a second live cut-off, the other one's replies named with it (the
 * digest's "↩️ Atbildes saņemtas arī uz ziņošanas termiņu #1 …" line). Through the signed
 * endpoint (`app_home_opened`, `views.publish` in the emulator), in Latvian and English.
 * Fixture: at 2 Dec 2026 cut-off #1 (1 Dec 2026, task 14) has passed; LM (anna its contact)
 * answers it; then #2 (1 Feb 2027, tasks 14 and 18) is added. SQLite or PostgreSQL
 * (TEST_DATABASE).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { setMapping } from "../../db/contacts.ts";
import { type Cutoff, insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { insertReply } from "../../db/replies.ts";
import { isCall } from "../../src/emulator/server.ts";
import type { RecordedCall } from "../../src/emulator/types.ts";
import { validateView } from "../../src/slack/block-limits.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";

const NOW = "2026-12-02T10:00:00Z";
const SECRETARY = "U0SEC0001";
const JOHN = "U0JOHN001";
const ANNA = "U0ANNA001";
let t: TestApp;
let db: Db;
let first: Cutoff;

beforeAll(async () => {
  t = await startTestApp({
    clock: fixedClock(NOW),
    worker: false,
    config: { secretaryUserIds: [SECRETARY, JOHN] },
  });
  db = t.app.db;
  t.emulator.addUser({ id: SECRETARY, name: "sekretare", locale: "lv-LV" });
  t.emulator.addUser({ id: JOHN, name: "john", locale: "en-US" });
  t.emulator.addUser({ id: ANNA, name: "anna", locale: "lv-LV" });
  await chooseLanguage(t, JOHN, "en");
  const lm = await findInstitution(db, "LM");
  await setMapping(db, lm?.id ?? 0, "C0LM", [ANNA], NOW);
  first = await add("2026-12-01T21:59:59.999Z", "Pirmais", ["14"]);
}, 60_000);
afterAll(async () => {
  await t?.stop();
});

async function add(at: string, title: string, taskNumbers: string[]): Promise<Cutoff> {
  const programmeId = (await currentProgramme(db))?.id ?? 0;
  return insertCutoff(db, {
    programmeId,
    at,
    title,
    taskNumbers,
    createdBy: SECRETARY,
    createdAt: NOW,
  });
}

/** Opens `userId`'s Home tab through the signed endpoint; the published view as text. */
async function openHome(userId: string): Promise<string> {
  const after = t.emulator.calls.length;
  const call = t.emulator.waitFor(
    isCall("views.publish", (c) => c.args.user_id === userId && c.seq > after),
    60_000,
  );
  await t.slack.event({ type: "app_home_opened", user: userId, channel: "D0HOME001", tab: "home" });
  const done: RecordedCall = await call;
  expect(done.ok, JSON.stringify(done.response)).toBe(true);
  const view = done.args.view as { type: "home"; blocks: unknown[] };
  expect(validateView(view, "home")).toEqual([]);
  return blocksToText(view.blocks as Parameters<typeof blocksToText>[0]);
}

describe("the App Home names the cut-off it is about", () => {
  it("a passed cut-off is said to have passed; 'not answered' names it", async () => {
    const lv = await openHome(SECRETARY);
    expect(lv).toContain(
      `⏰ Ziņošanas termiņš #${first.id} pagājis: *Pirmais* – otrd. 01.12.2026. 23:59`,
    );
    expect(lv).toMatch(
      new RegExp(`\\*Vēl nav atbildējušas uz #${first.id}:\\* .*LM \\(14\\)`, "u"),
    );
    expect(lv).not.toContain("↩️");
    const en = await openHome(JOHN);
    expect(en).toContain(
      `⏰ Reporting cut-off #${first.id} passed: *Pirmais* – Tue 1 Dec 2026 23:59`,
    );
    expect(en).toMatch(new RegExp(`\\*Not answered for #${first.id} yet:\\* .*LM \\(14\\)`, "u"));
    const anna = await openHome(ANNA);
    expect(anna).toContain(`*Vēl gaidām jūsu atbildi uz #${first.id} par:* 14`);
  });

  it("LM answers #1: the contact is told everything for #1 is in", async () => {
    const lm = await findInstitution(db, "LM");
    const task = await db
      .selectFrom("tasks")
      .select("id")
      .where("number", "=", "14")
      .executeTakeFirstOrThrow();
    await insertReply(db, {
      cutoffId: first.id,
      institutionId: lm?.id ?? 0,
      taskId: task.id,
      channelId: "C0LM",
      ts: "1800000000.000001",
      threadTs: null,
      userId: ANNA,
      text: "14: paveikts",
      files: [],
      statusClaim: null,
      verified: true,
      source: "event",
      receivedAt: "2026-11-30T10:00:00.000Z",
    });
    const anna = await openHome(ANNA);
    expect(anna).toContain(`✅ Par ziņošanas termiņu #${first.id} viss ir iesniegts. Paldies!`);
    expect(await openHome(SECRETARY)).not.toMatch(/LM \(14\)/u);
  });

  it("with #2 live too: #2 named, the reply to #1 named with #1, never as #2's", async () => {
    const second = await add("2027-02-01T21:59:59.999Z", "Otrais", ["14", "18"]);
    const lv = await openHome(SECRETARY);
    expect(lv).toContain(`⏰ Ziņošanas termiņš #${second.id}: *Otrais* – pirmd. 01.02.2027. 23:59`);
    expect(lv).not.toContain("pagājis");
    expect(lv).toMatch(
      new RegExp(`\\*Vēl nav atbildējušas uz #${second.id}:\\* .*LM \\(14, 18\\)`, "u"),
    );
    const also = `↩️ Atbildes saņemtas arī uz ziņošanas termiņu #${first.id} „Pirmais” (01.12.2026.): LM (14). Uzdevuma atbildes ar to ziņošanas termiņiem – \`/task 14 history\`.`;
    expect(lv).toContain(also);
    const en = await openHome(JOHN);
    expect(en).toContain(`⏰ Reporting cut-off #${second.id}: *Otrais* – Mon 1 Feb 2027 23:59`);
    expect(en).toMatch(
      new RegExp(`\\*Not answered for #${second.id} yet:\\* .*LM \\(14, 18\\)`, "u"),
    );
    expect(en).toContain(
      `↩️ Replies were also received for reporting cut-off #${first.id} “Pirmais” (1 Dec 2026): LM (14). A task's replies with their cut-offs: \`/task 14 history\`.`,
    );
    const anna = await openHome(ANNA);
    expect(anna).toContain(`*Vēl gaidām jūsu atbildi uz #${second.id} par:* 14, 18`);
    expect(anna).toContain(also);
  });
});
