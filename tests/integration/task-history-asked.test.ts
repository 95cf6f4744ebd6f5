/**
 * `/task N history` lists only the reminders whose message asked about task N (a fresh user's
 * finding: after LM answered 14, its later reminders listed only 5, yet 14's history showed
 * them). A sent reminder lists the institution's tasks in scope it had not answered when it went
 * out (jobs/send-reminder.ts, `institutionProgress(...).open`): a verified reply stored before
 * it, still standing and filed under the task then. Signed events and slash commands in.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markSending, markSent, upsertPlannedReminder } from "../../db/reminders.ts";
import { OVERDUE_KIND } from "../../src/domain/reminder-plan.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { hideUrls } from "../helpers/links.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { slashText } from "../helpers/slash.ts";
import { addPeople, PEOPLE, replySteps } from "../replies/support.ts";

let t: TestApp;
let logs: LogWatch;
beforeAll(async () => {
  logs = watchLogs("debug");
  t = await startTestApp({ logger: logs.logger });
  addPeople(t.emulator);
});
afterAll(async () => {
  await t?.stop();
});
const { thread, reply, edit } = replySteps(() => ({ t, logs }), "C0ASKD");

let sends = 0;
/** A reminder to the fixture's institution recorded as sent now (+1 ms) or at `at`. */
async function sent(f: { cutoffId: number; institutionId: number }, kind?: string, at?: string) {
  sends++;
  const when = at ?? new Date(Date.now() + 1).toISOString();
  await new Promise((r) => setTimeout(r, 2));
  const row = await upsertPlannedReminder(t.app.db, {
    cutoffId: f.cutoffId,
    institutionId: f.institutionId,
    kind: kind ?? `before-PT${sends}M`,
    scheduledAt: when,
    cutoffAt: "2099-01-01T00:00:00.000Z",
  });
  await markSending(t.app.db, row.id, "C0ASKDX");
  await markSent(t.app.db, row.id, { channelId: "C0ASKDX", messageTs: `3.${sends}`, at: when });
}

let deletions = 0;
/** Slack's message_deleted for `ts` in `channel`, waited for until handled (the reply withdrawn). */
async function remove(channel: string, ts: string) {
  deletions++;
  const at = `1900000002.${String(deletions).padStart(6, "0")}`;
  await t.slack.event({
    type: "message",
    subtype: "message_deleted",
    channel,
    hidden: true,
    deleted_ts: ts,
    ts: at,
    event_ts: at,
    previous_message: { type: "message", user: PEOPLE.anna, text: "", ts },
  });
  await logs.waitFor((l) => l.msg === "reply changed" && l.ts === ts);
}

const reminders = async (text: string) =>
  (hideUrls(await slashText(t, "/task", text, PEOPLE.anna)).match(/🔔/gu) ?? []).length;

describe("/task N history: only the reminders that asked about N", () => {
  it("leaves out the reminders sent after the institution answered the task", async () => {
    const f = await thread(["5", "14"]);
    await sent(f, undefined, "2026-11-02T07:00:00.000Z");
    await reply(f, "14: izpildīts");
    await sent(f);
    await sent(f, OVERDUE_KIND);
    expect(await reminders("14 history")).toBe(1);
    expect(await reminders("5 history")).toBe(3);
  });

  it("follows a reply moved to another task by an edit", async () => {
    const f = await thread(["2", "19"]);
    const first = await reply(f, "2: gatavs");
    await sent(f); // asks 19 only
    await edit(f, first.ts, "2: gatavs", "19: gatavs");
    await sent(f); // asks 2 only
    expect(await reminders("19 history")).toBe(1);
    expect(await reminders("2 history")).toBe(1);
  });

  it("asks again once the answer is withdrawn; an unverified reply answers nothing", async () => {
    const before = await reminders("14 history");
    const f = await thread(["14"]);
    const answer = await reply(f, "14: gatavs");
    await sent(f); // answered: asks nothing about 14
    await remove(f.channel, answer.ts);
    await sent(f); // withdrawn: asks 14 again
    await reply(f, "14: svešs", PEOPLE.outsider);
    await sent(f); // a non-contact's reply: still asks 14
    expect((await reminders("14 history")) - before).toBe(2);
  });
});
