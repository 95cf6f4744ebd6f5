/**
 * `/cutoff add` and `/cutoff move` through the signed HTTP endpoint, when institutions in the
 * cut-off's scope have no Slack channel: the answer names them, says how many of the reminders
 * planned are theirs out of how many in all ("4 no 6"; counted as planned, never sent) and
 * gives the fix, in lv and en.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCutoffs } from "../../db/cutoffs.ts";
import { listReminders } from "../../db/reminders.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";

const SECRETARY = "U0SEC0001";
const ENGLISH = "U0SEC0002";
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    clock: fixedClock("2026-11-29T12:00:00Z"),
    config: { secretaryUserIds: [SECRETARY, ENGLISH] },
  });
  t.emulator.addUser({ id: SECRETARY, name: "sekretare", locale: "lv-LV" });
  t.emulator.addUser({ id: ENGLISH, name: "secretary", locale: "en-US" });
  await chooseLanguage(t, ENGLISH, "en");
  t.emulator.addChannel({ id: "C0IEM0001", name: "iem-darba-grupa" });
});
afterAll(async () => {
  await t?.stop();
});

async function slash(text: string, userId = SECRETARY): Promise<string> {
  const res = await t.slack.command("/cutoff", text, { userId });
  expect(res.status).toBe(200);
  let body = res.body as { blocks?: unknown[] } | "";
  if (body === "" || body.blocks === undefined)
    body = (await t.slack.waitForResponse(res.responseUrl, 10_000)).body as { blocks?: unknown[] };
  expect(validateBlocks(body.blocks, "message")).toEqual([]);
  return JSON.stringify(body.blocks);
}

describe("/cutoff add and move name the institutions without a Slack channel", () => {
  it("says which institutions' reminders will not be sent, how many, and the fix", async () => {
    const res = await t.slack.command("/institution", "set IEM <#C0IEM0001|iem-darba-grupa>", {
      userId: SECRETARY,
    });
    expect(res.status).toBe(200);
    const added = await slash("add 2027-02-01 --tasks 14 Ziņojums");
    const [cutoff] = await listCutoffs(t.app.db);
    if (!cutoff) throw new Error("no cut-off");
    const rows = await listReminders(t.app.db, cutoff.id);
    const perInstitution = rows.length / new Set(rows.map((r) => r.institutionId)).size;
    const codes = await unmappedCodes("14");
    expect(codes.length).toBeGreaterThan(0);
    expect(codes).not.toContain("IEM");
    const count = codes.length * perInstitution;
    // Out of every reminder planned, so the share reads at once ("4 no 6").
    expect(added).toContain(
      `⚠️ Nav Slack kanāla: ${codes.join(", ")} – ${count} no ${rows.length} plānotajiem atgādinājumiem netiks nosūtīti.`,
    );
    expect(added).toContain(`Norādiet kanālu: \`/institution set ${codes[0]} #kanāls\``);

    const moved = await slash(`move ${cutoff.id} 2027-03-01`);
    expect(moved).toContain(`Jaunajam laikam plānoti ${rows.length} atgādinājumi`);
    expect(moved).toContain(
      `⚠️ Nav Slack kanāla: ${codes.join(", ")} – ${count} no ${rows.length} plānotajiem atgādinājumiem`,
    );
    expect(moved).toContain(`\`/institution set ${codes[0]} #kanāls\``);

    const en = await slash(`move ${cutoff.id} 2027-03-02`, ENGLISH);
    expect(en).toContain(
      `⚠️ No Slack channel: ${codes.join(", ")} – ${count} of the ${rows.length} reminders planned will not be sent. Set a channel: \`/institution set ${codes[0]} #channel\`.`,
    );
  });

  it("counts them out of every reminder planned when some institutions have a channel", async () => {
    // Task 5: LM responsible, IEM (mapped above) co-responsible.
    const added = await slash("add 2027-05-03 --tasks 5,14 Abi");
    const cutoff = (await listCutoffs(t.app.db)).find((c) => c.title === "Abi");
    if (!cutoff) throw new Error("no cut-off");
    const rows = await listReminders(t.app.db, cutoff.id);
    const codes = [...new Set([...(await unmappedCodes("5")), ...(await unmappedCodes("14"))])];
    const mapped = await t.app.db
      .selectFrom("institutions")
      .select("id")
      .where("slack_channel_id", "is not", null)
      .execute();
    const theirs = rows.filter((r) => !mapped.some((m) => m.id === r.institutionId)).length;
    expect(theirs).toBeGreaterThan(0);
    expect(theirs).toBeLessThan(rows.length);
    expect(added).toContain(
      `⚠️ Nav Slack kanāla: ${codes.sort((a, b) => a.localeCompare(b, "lv")).join(", ")} – ${theirs} no ${rows.length} plānotajiem atgādinājumiem netiks nosūtīti.`,
    );
    const en = await slash(`move ${cutoff.id} 2027-05-04 --time 12:00`, ENGLISH);
    expect(en).toContain(`– ${theirs} of the ${rows.length} reminders planned will not be sent.`);
  });

  it("says nothing of channels when every institution in scope has one", async () => {
    const codes = await unmappedCodes("14");
    for (const [i, code] of codes.entries()) {
      const id = `C0MAP000${i}`;
      t.emulator.addChannel({ id, name: `kanals-${i}` });
      const res = await t.slack.command("/institution", `set ${code} <#${id}|kanals-${i}>`, {
        userId: SECRETARY,
      });
      expect(res.status).toBe(200);
    }
    const [cutoff] = await listCutoffs(t.app.db);
    const moved = await slash(`move ${cutoff?.id} 2027-03-03`);
    expect(moved).toContain("Jaunajam laikam plānoti");
    expect(moved).not.toContain("Nav Slack kanāla");
    const added = await slash("add 2027-04-01 --tasks 14 Cits");
    expect(added).not.toContain("Nav Slack kanāla");
  });
});

/** Codes of task `number`'s institutions with no channel in the store, in `/cutoff plan`'s order. */
async function unmappedCodes(number: string): Promise<string[]> {
  const rows = await t.app.db
    .selectFrom("tasks")
    .innerJoin("task_institutions", "task_institutions.task_id", "tasks.id")
    .innerJoin("institutions", "institutions.id", "task_institutions.institution_id")
    .select(["institutions.code", "institutions.slack_channel_id"])
    .where("tasks.number", "=", number)
    .execute();
  const codes = rows.filter((r) => r.slack_channel_id === null).map((r) => r.code);
  return [...new Set(codes)].sort((a, b) => a.localeCompare(b, "lv"));
}
