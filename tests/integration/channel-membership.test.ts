/**
 * The app hears itself invited to (and removed from) an institution's channel: after
 * `/institution set` found LM's channel unreachable (the app not in it), a member's
 * `/invite @Koordinators` there (Slack's `member_joined_channel` for the app's bot user) makes
 * the Home and `/institution list` stop saying "lietotne nav pievienota kanālam"; the same event
 * twice is harmless; another user's join, or the app joining a channel no institution has,
 * changes nothing; the app removed (`member_left_channel` for its bot user, `channel_left`,
 * `group_left`) makes the channel unreachable again; after a failed reminder, the invitation
 * makes the list say it failed then and the channel was fixed since, as the Home. Through the signed endpoint and the
 * emulator, SQLite or PostgreSQL (TEST_DATABASE).
 * https://api.slack.com/events/member_joined_channel
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { markSending, markSkipped, upsertPlannedReminder } from "../../db/reminders.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { slashText } from "../helpers/slash.ts";
import { HOME_PEOPLE, openHome } from "./support/home.ts";
import { LM_CHANNEL, storeCutoff } from "./support/lm-cutoffs.ts";

const NOW = "2027-02-01T22:05:00Z";
const { secretary: SECRETARY, anna: ANNA } = HOME_PEOPLE;
const NOT_MEMBER = "lietotne nav pievienota kanālam";
const OTHER_CHANNEL = "C0OTHER01";

/** `/institution list`'s line about LM, as the secretary sees it. */
async function lmLine(t: TestApp): Promise<string> {
  const list = await slashText(t, "/institution", "list", SECRETARY);
  return list.split("\n").find((line) => line.includes("LM")) ?? "";
}

/** The app's bot user id in the emulator's workspace (what auth.test gives the app). */
const bot = (t: TestApp) => t.emulator.identity.botUserId;

/** The app, its log, and the cut-off LM owes with no reminder thread (the Home's 💬 line). */
type World = { t: TestApp; log: LogWatch; cutoff: Cutoff };

/**
 * Sends `event` (type, user, channel) through the signed endpoint (expects 200), then waits
 * until the app has handled it: Slack is answered before the handler runs, and the handler
 * logs "channel membership recorded" or "… ignored" when done.
 */
async function send(w: World, event: Record<string, unknown>, eventId?: string, retry?: number) {
  const from = w.log.lines.length;
  const res = await w.t.slack.event(
    {
      channel_type: "C",
      team: w.t.emulator.identity.teamId,
      event_ts: "1801346700.000100",
      ...event,
    },
    { eventId, retryNum: retry },
  );
  expect(res.status).toBe(200);
  await w.log.waitFor(
    (line) =>
      w.log.lines.indexOf(line) >= from &&
      /^channel membership (recorded|ignored)$/.test(line.msg ?? "") &&
      line.channel === event.channel,
  );
}

/** The stored channel checks, channel id → state. */
async function checks(t: TestApp): Promise<Record<string, string>> {
  const rows = await t.app.db
    .selectFrom("channel_checks")
    .select(["channel_id", "state"])
    .execute();
  return Object.fromEntries(rows.map((r) => [r.channel_id, r.state]));
}

describe("LM's channel: the app invited, then removed", () => {
  const s = {} as World;
  beforeAll(async () => {
    const log = watchLogs("debug");
    const t = await startTestApp({
      clock: fixedClock(NOW),
      worker: false,
      logger: log.logger,
      config: { secretaryUserIds: [SECRETARY] },
    });
    t.emulator.addUser({ id: SECRETARY, name: "sekretare", locale: "lv-LV" });
    t.emulator.addUser({ id: ANNA, name: "anna", locale: "lv-LV" });
    const cutoff = await storeCutoff(t.app.db, {
      at: "2027-04-01T20:59:00.000Z",
      title: "Trešais",
      taskNumbers: ["5"],
      createdBy: SECRETARY,
      createdAt: NOW,
    });
    Object.assign(s, { t, log, cutoff });
  }, 60_000);
  afterAll(async () => {
    await s.t?.stop();
  });

  it("unreachable after /institution set; the app's member_joined_channel makes it reachable", async () => {
    s.t.emulator.addChannel({ id: LM_CHANNEL, name: "lm", botIsMember: false });
    s.t.emulator.addChannel({ id: OTHER_CHANNEL, name: "other", botIsMember: false });
    await slashText(s.t, "/institution", `set LM <#${LM_CHANNEL}> <@${ANNA}>`, SECRETARY);
    expect(await lmLine(s.t)).toContain(`⚠️ *LM*`);
    expect(await lmLine(s.t)).toContain(NOT_MEMBER);
    expect(await openHome(s.t, ANNA)).toContain(`(${NOT_MEMBER})`);

    // Another user joining LM's channel, or the app joining a channel no institution has: nothing.
    await send(s, { type: "member_joined_channel", user: ANNA, channel: LM_CHANNEL });
    await send(s, { type: "member_joined_channel", user: bot(s.t), channel: OTHER_CHANNEL });
    expect(await checks(s.t)).toEqual({ [LM_CHANNEL]: "not_member" });
    expect(await lmLine(s.t)).toContain(NOT_MEMBER);

    // A member does `/invite @Koordinators` in LM's channel.
    s.t.emulator.addChannel({ id: LM_CHANNEL, name: "lm", botIsMember: true });
    await send(
      s,
      { type: "member_joined_channel", user: bot(s.t), channel: LM_CHANNEL },
      "Ev0JOIN01",
    );
    expect(await checks(s.t)).toEqual({ [LM_CHANNEL]: "ok" });
    const line = await lmLine(s.t);
    expect(line).toContain(`✅ *LM*`);
    expect(line).not.toContain(NOT_MEMBER);
    const home = await openHome(s.t, ANNA);
    expect(home).not.toContain(NOT_MEMBER);
    expect(home).toContain(`💬 Atgādinājuma pavediena uz #${s.cutoff.id} vēl nav: atbildiet šeit`);

    // Slack delivers the same event again (a retry): the same answer.
    await send(
      s,
      { type: "member_joined_channel", user: bot(s.t), channel: LM_CHANNEL },
      "Ev0JOIN01",
      1,
    );
    expect(await checks(s.t)).toEqual({ [LM_CHANNEL]: "ok" });
    expect(await lmLine(s.t)).toContain(`✅ *LM*`);
    expect(await openHome(s.t, ANNA)).not.toContain(NOT_MEMBER);
  });

  it("another user leaving changes nothing; the app removed makes it unreachable again", async () => {
    await send(s, { type: "member_left_channel", user: ANNA, channel: LM_CHANNEL });
    expect(await checks(s.t)).toEqual({ [LM_CHANNEL]: "ok" });
    for (const left of [
      { type: "member_left_channel", user: bot(s.t), channel: LM_CHANNEL },
      { type: "channel_left", channel: LM_CHANNEL, actor_id: ANNA },
      { type: "group_left", channel: LM_CHANNEL, actor_id: ANNA },
    ]) {
      await send(s, { type: "member_joined_channel", user: bot(s.t), channel: LM_CHANNEL });
      expect(await lmLine(s.t)).toContain(`✅ *LM*`);
      await send(s, left);
      expect(await checks(s.t), left.type).toEqual({ [LM_CHANNEL]: "not_member" });
      expect(await lmLine(s.t), left.type).toContain(NOT_MEMBER);
      expect(await openHome(s.t, ANNA), left.type).toContain(`(${NOT_MEMBER})`);
    }
    // The app leaving a channel no institution has: nothing recorded for it.
    await send(s, { type: "channel_left", channel: OTHER_CHANNEL });
    expect(await checks(s.t)).toEqual({ [LM_CHANNEL]: "not_member" });
  });

  it("after a failed reminder, the app invited: the list says it failed then and was fixed, as the Home", async () => {
    // LM's reminder failed for want of the app in the channel, as the send job records it.
    const db = s.t.app.db;
    const lm = await findInstitution(db, "LM");
    const row = await upsertPlannedReminder(db, {
      cutoffId: s.cutoff.id,
      institutionId: lm?.id ?? 0,
      kind: "before-P1D",
      scheduledAt: "2027-02-01T07:00:00.000Z",
      cutoffAt: s.cutoff.at,
    });
    await markSending(db, row.id, LM_CHANNEL);
    await markSkipped(db, row.id, "failed", "not_in_channel");
    expect(await lmLine(s.t)).toContain(`⚠️ *LM*`);

    await send(s, { type: "member_joined_channel", user: bot(s.t), channel: LM_CHANNEL });
    expect(await lmLine(s.t)).toBe(
      `✅ *LM* Labklājības ministrija → #${LM_CHANNEL} – _pēdējais atgādinājums netika nosūtīts (toreiz: ${NOT_MEMBER}); kopš tā kanāls ir salabots vai nomainīts_`,
    );
    expect(await openHome(s.t, ANNA)).toContain(
      `(toreiz: ${NOT_MEMBER}); kopš tā kanāls ir salabots vai nomainīts`,
    );
  });
});
