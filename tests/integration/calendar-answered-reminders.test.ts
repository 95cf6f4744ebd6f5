/**
 * Fresh-user finding: `/calendar LM` counted as upcoming a reminder that will never be sent
 * because LM already answered every task of the cut-off (`/cutoff plan` lists it as "netiks
 * nosūtīts – viss atbildēts"). The calendar now leaves out such reminders by the rule the plan
 * uses (src/reminders/answered-institutions.ts); before LM answers, they are in it as before.
 * Through the real app over signed HTTP and the emulator, lv and en; SQLite or PostgreSQL
 * (TEST_DATABASE).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCutoffs } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { listReminders } from "../../db/reminders.ts";
import { insertReply } from "../../db/replies.ts";
import { exportCommandText } from "../../src/i18n/export-command.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";

const SECRETARY = "U0SEC0001";
const JOHN = "U0SEC0002";
const [lv, en] = [exportCommandText("lv"), exportCommandText("en")];
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    clock: fixedClock("2027-02-02T12:00:00Z"),
    config: { secretaryUserIds: [SECRETARY, JOHN] },
  });
  t.emulator.addUser({ id: SECRETARY, name: "sekretare", locale: "lv-LV" });
  t.emulator.addUser({ id: JOHN, name: "john", locale: "en-US" });
  await chooseLanguage(t, JOHN, "en");
  t.emulator.addChannel({ id: "C0LM00001", name: "lm-darba-grupa" });
  await command("/institution", "set LM <#C0LM00001|lm-darba-grupa>");
  await command("/cutoff", "add 2027-03-15 --tasks 14 Ziņojums");
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

/** `command typed` as `userId`: the answer's text, from the response or its response_url. */
async function command(name: string, typed: string, userId = SECRETARY): Promise<string> {
  const res = await t.slack.command(name, typed, { userId });
  expect(res.status).toBe(200);
  let body = res.body as { blocks?: unknown[] } | "";
  if (body === "" || body.blocks === undefined)
    body = (await t.slack.waitForResponse(res.responseUrl, 10_000)).body as { blocks?: unknown[] };
  return blocksToText((body.blocks ?? []) as Parameters<typeof blocksToText>[0]);
}

/** The text of the last .ics file sent whose name ends with `suffix`. */
function lastIcs(suffix: string): string {
  const files = [...t.emulator.files.values()].filter((f) => f.name.endsWith(suffix));
  return files.at(-1)?.bytes?.toString("utf8") ?? "";
}

describe("/calendar leaves out reminders the plan says will not be sent", () => {
  it("holds LM's reminders while LM has something to answer, none once it answered all", async () => {
    const [cutoff] = await listCutoffs(t.app.db);
    if (!cutoff) throw new Error("no cut-off");
    const lm = await findInstitution(t.app.db, "LM");
    const planned = (await listReminders(t.app.db, cutoff.id)).filter(
      (r) => r.institutionId === lm?.id && r.state === "planned",
    );
    const times = new Set(planned.map((r) => r.scheduledAt)).size;
    expect(times).toBeGreaterThan(0);

    // 8 past deadlines of LM's tasks, the cut-off and LM's reminders.
    expect(await command("/calendar", "LM")).toContain(lv.calendarEvents(9 + times));
    expect(lastIcs("LM.ics")).toContain(`UID:reminder-${cutoff.id}-`);

    const task = await t.app.db
      .selectFrom("tasks")
      .select("id")
      .where("number", "=", "14")
      .executeTakeFirstOrThrow();
    await insertReply(t.app.db, {
      cutoffId: cutoff.id,
      institutionId: lm?.id ?? 0,
      taskId: task.id,
      channelId: "C0LM00001",
      ts: "1800000000.000001",
      threadTs: null,
      userId: "U0LMOK001",
      text: "14: paveikts",
      files: [],
      statusClaim: null,
      verified: true,
      source: "event",
      receivedAt: "2027-02-01T10:00:00.000Z",
    });
    expect(await command("/cutoff", `plan ${cutoff.id}`)).toContain(
      "netiks nosūtīts – viss atbildēts",
    );

    const text = await command("/calendar", "LM");
    expect(text).toContain(lv.calendarEvents(9));
    expect(text).not.toContain(lv.calendarNoneUpcoming);
    expect(lastIcs("LM.ics")).not.toContain("UID:reminder-");
    expect(lastIcs("LM.ics")).toContain(`UID:cutoff-${cutoff.id}@`);
    expect(await command("/calendar", "LM", JOHN)).toContain(en.calendarEvents(9));
  });
});
