/**
 * `/task N`'s cut-off part for a task with many institutions, each with a long reply: every
 * institution's line and the reminder lines (next reminder, no channel, all answered) are shown,
 * none cut off by the 3,000-character section limit (a reviewer's finding: with 8–9 such lines
 * the reminder lines, last in one truncated section, were lost silently). Real app, real store
 * (SQLite or PostgreSQL), the signed endpoint, reminders planned by the app's own planner.
 * Fixture: task 8 given 12 institutions; all have channels but the last.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { setMapping } from "../../db/contacts.ts";
import { type Cutoff, insertCutoff } from "../../db/cutoffs.ts";
import { insertInstitution, listInstitutions } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { insertReply } from "../../db/replies.ts";
import { parseOffsets } from "../../src/domain/reminder-plan.ts";
import { noChannelNotice } from "../../src/i18n/no-channel.ts";
import { planCutoff } from "../../src/reminders/plan.ts";
import {
  MESSAGE_BLOCKS_MAX,
  SECTION_TEXT_MAX,
  validateBlocks,
} from "../../src/slack/block-limits.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";

const NOW = "2027-01-20T08:00:00Z";
const COUNT = 12;
let t: TestApp;
let db: Db;
let cutoff: Cutoff;
let taskId = 0;
let institutions: Array<{ id: number; code: string }> = [];
let replies = 0;

beforeAll(async () => {
  t = await startTestApp({ clock: fixedClock(NOW), worker: false });
  db = t.app.db;
  t.emulator.addUser({ id: "U0LV", name: "anna", locale: "lv-LV" });
  t.emulator.addUser({ id: "U0EN", name: "john", locale: "en-US" });
  await chooseLanguage(t, "U0EN", "en");
  const task = await db
    .selectFrom("tasks")
    .select("id")
    .where("number", "=", "8")
    .executeTakeFirstOrThrow();
  taskId = task.id;
  const own = await db
    .selectFrom("task_institutions")
    .select("institution_id")
    .where("task_id", "=", taskId)
    .execute();
  // The bundled report names more than 12 institutions; made up only if it ever names fewer.
  const known = (await listInstitutions(db)).length;
  for (let n = known; n < COUNT; n++)
    await insertInstitution(db, { code: `X${n}M`, name: `X${n}M`, aliases: [], createdAt: NOW });
  const all = await listInstitutions(db);
  // The task's own institutions first, then others up to 12, in the order the task lists them.
  const mine = new Set(own.map((r) => r.institution_id));
  const chosen = [
    ...all.filter((i) => mine.has(i.id)),
    ...all.filter((i) => !mine.has(i.id)),
  ].slice(0, COUNT);
  let position = own.length;
  for (const i of chosen) {
    if (mine.has(i.id)) continue;
    await db
      .insertInto("task_institutions")
      .values({
        task_id: taskId,
        institution_id: i.id,
        role: "co_responsible",
        position: position++,
      })
      .execute();
  }
  institutions = chosen.map((i) => ({ id: i.id, code: i.code }));
  for (const [n, i] of institutions.entries()) {
    await setMapping(db, i.id, n === COUNT - 1 ? null : `C0I${n}`, [`U0I${n}OK`], NOW);
  }
  const programme = await currentProgramme(db);
  cutoff = await insertCutoff(db, {
    programmeId: programme?.id ?? 0,
    at: "2027-02-01T21:59:59.999Z",
    title: "Informatīvais ziņojums MK",
    taskNumbers: ["8"],
    createdBy: "U0SEC",
    createdAt: NOW,
  });
  const offsets = parseOffsets("14,7,1");
  if (!offsets.ok) throw new Error(offsets.error);
  const settings = { offsets: offsets.offsets, time: { hour: 9, minute: 0 }, zone: "Europe/Riga" };
  await planCutoff(db, cutoff, settings, NOW);
});
afterAll(async () => {
  await t?.stop();
});

/** A long reply (~900 characters) of the n-th institution to task 8; by its contact when `verified`. */
async function reply(n: number, verified: boolean): Promise<void> {
  replies++;
  const sentence = `Institūcija ir izvērtējusi uzdevuma izpildi un sagatavojusi grozījumus normatīvajos aktos (${n}). `;
  await insertReply(db, {
    cutoffId: cutoff.id,
    institutionId: institutions[n]?.id ?? 0,
    taskId,
    channelId: `C0I${n}`,
    ts: `1800000000.${String(replies).padStart(6, "0")}`,
    threadTs: null,
    userId: verified ? `U0I${n}OK` : "U0STRANGER",
    text: `8: ${sentence.repeat(9)}`,
    files: [],
    statusClaim: null,
    verified,
    source: "event",
    receivedAt: "2027-01-19T10:00:00.000Z",
  });
}

/** `/task 8` as `userId` gets it: all blocks checked, and the texts of the cut-off sections. */
async function cutoffTexts(userId: string): Promise<string[]> {
  const res = await t.slack.command("/task", "8", { userId });
  expect(res.status).toBe(200);
  const blocks = ((res.body as { blocks?: unknown[] }).blocks ?? []) as Array<{
    block_id?: string;
    text?: { text?: string };
  }>;
  expect(validateBlocks(blocks, "message")).toEqual([]);
  expect(blocks.length).toBeLessThanOrEqual(MESSAGE_BLOCKS_MAX);
  return blocks.filter((b) => b.block_id?.startsWith("task_cutoff")).map((b) => b.text?.text ?? "");
}

describe("/task N with 12 institutions, each with a long reply", () => {
  it("shows every institution's line and the reminder lines in a section of their own", async () => {
    // Ten answered; the 11th (with a channel) and the 12th (without) only by a stranger.
    for (let n = 0; n < COUNT; n++) await reply(n, n < COUNT - 2);
    const texts = await cutoffTexts("U0LV");
    const whole = texts.join("\n");
    // More than one section could hold: the case that lost the reminder lines.
    expect(whole.length).toBeGreaterThan(SECTION_TEXT_MAX);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
    for (const [n, i] of institutions.entries())
      expect(whole).toContain(
        n < COUNT - 2
          ? `✅ *${i.code}* atbildēja`
          : `❔ *${i.code}* – pārbaudītas atbildes uz #${cutoff.id} vēl nav; `,
      );
    expect(whole).not.toContain("nav parādīt");
    const [reached, unreached] = [institutions[COUNT - 2]?.code, institutions[COUNT - 1]?.code];
    const reminders = texts.at(-1) ?? "";
    expect(reminders.split("\n")).toEqual([
      `Nākamais atgādinājums: pirmd. 25.01.2027. 09:00 – ${reached}`,
      `⚠️ ${noChannelNotice("lv", [unreached ?? ""])}`,
    ]);
    const en = (await cutoffTexts("U0EN")).at(-1) ?? "";
    expect(en.split("\n")).toEqual([
      `Next reminder: Mon 25 Jan 2027 09:00, to ${reached}`,
      `⚠️ ${noChannelNotice("en", [unreached ?? ""])}`,
    ]);
  });

  it("says all have answered, whatever the length of the replies above it", async () => {
    await reply(COUNT - 2, true);
    await reply(COUNT - 1, true);
    const texts = await cutoffTexts("U0LV");
    for (const i of institutions) expect(texts.join("\n")).toContain(`✅ *${i.code}* atbildēja`);
    expect(texts.at(-1)).toBe(
      "Visas institūcijas ir atbildējušas – atgādinājumi par šo uzdevumu šim ziņošanas termiņam vairs netiks sūtīti.",
    );
    expect((await cutoffTexts("U0EN")).at(-1)).toBe(
      "All institutions have replied: no more reminders about this task will be sent for this cut-off.",
    );
  });
});
