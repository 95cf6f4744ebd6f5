/**
 * A contact whose institution's reminder could not be posted in its channel (a fresh user's
 * finding: the reminder failed with not_in_channel, so there was no thread to answer in, yet
 * anna's Home said "atbildiet #1 atgādinājuma pavedienā" and offered no way to answer — a dead
 * end). Now the line says the reminder could not be posted, that the secretary has been told and
 * how the channel is fixed, and the Home offers the reminder's own "Submit update" button per
 * missing task: its modal stores the reply exactly as from the thread (LM's, for that cut-off,
 * verified as from its contact) and the line goes. Both the current cut-off (ahead) and one
 * passed within the grace days. Through the signed endpoint (`app_home_opened`, the Home's
 * `block_actions`, `views.open`, `view_submission` in the emulator), lv and en. SQLite or
 * PostgreSQL (TEST_DATABASE).
 */
import { describe, expect, it } from "vitest";
import { checkOfPostError, recordChannelCheck } from "../../db/channel-checks.ts";
import type { Cutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { markSkipped, upsertPlannedReminder } from "../../db/reminders.ts";
import { listNamedReplies } from "../../db/replies.ts";
import { isCall } from "../../src/emulator/server.ts";
import type { RecordedCall } from "../../src/emulator/types.ts";
import { ActionId, CallbackId } from "../../src/slack/ids.ts";
import { UpdateField } from "../../src/slack/render-update-modal.ts";
import type { TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { HOME_PEOPLE, openHome, startHomeApp } from "./support/home.ts";
import { LM_CHANNEL, twoCutoffsSuite } from "./support/lm-cutoffs.ts";

const NOW = "2027-02-01T22:05:00Z";
const PASSED = "2027-02-01T21:59:00.000Z";
const AHEAD = "2027-04-01T20:59:00.000Z";
const { secretary: SECRETARY, anna: ANNA } = HOME_PEOPLE;

/**
 * Records LM's reminder for `cutoff` as failed with Slack's `detail`, as the send job does: with
 * the channel's state it means kept as LM's channel's last known reachability (send-reminder's
 * `recordChannelCheck(…, checkOfPostError(code), …)`), so the Home reads it as still unreachable.
 */
async function failReminder(t: TestApp, cutoff: Cutoff, detail: string): Promise<number> {
  await recordChannelCheck(t.app.db, LM_CHANNEL, checkOfPostError(detail), NOW);
  const lm = await findInstitution(t.app.db, "LM");
  const row = await upsertPlannedReminder(t.app.db, {
    cutoffId: cutoff.id,
    institutionId: lm?.id ?? 0,
    kind: "before-P1D",
    scheduledAt: "2027-01-31T07:00:00.000Z",
    cutoffAt: cutoff.at,
  });
  await markSkipped(t.app.db, row.id, "failed", detail);
  return lm?.id ?? 0;
}

/** The Home the emulator holds for `userId` (with its `id`), after {@link openHome}. */
async function homeView(t: TestApp, userId: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${t.emulator.url}/_emulator/home?user=${userId}`);
  const body = (await res.json()) as { view?: Record<string, unknown> };
  return body.view ?? {};
}

/** Presses the Home's "Submit update" button whose value is `value`; returns the modal opened. */
async function pressOnHome(t: TestApp, value: string): Promise<RecordedCall> {
  const view = await homeView(t, ANNA);
  expect(JSON.stringify(view.blocks)).toContain(`"value":"${value}"`);
  const opened = t.emulator.waitFor(isCall("views.open", (c) => c.ok));
  const res = await t.slack.blockAction({
    actionId: ActionId.reminderSubmitUpdate,
    value,
    userId: ANNA,
    view,
  });
  expect(res.status).toBe(200);
  return opened;
}

/** Submits the modal `call` opened with status "done" and `text`, as anna. */
async function submitDone(t: TestApp, call: RecordedCall, text: string) {
  const view = call.response.view as { id: string; private_metadata: string };
  const res = await t.slack.viewSubmission({
    callbackId: CallbackId.submitUpdate,
    viewId: view.id,
    privateMetadata: view.private_metadata,
    values: {
      [UpdateField.text.block]: { [UpdateField.text.action]: text },
      [UpdateField.status.block]: {
        [UpdateField.status.action]: { type: "radio_buttons", selected_option: { value: "done" } },
      },
    },
    userId: ANNA,
  });
  expect(res.status).toBe(200);
  expect(res.body).toBe("");
}

describe("LM's reminders for #1 (passed) and #2 (ahead) failed: not_in_channel", () => {
  const s = twoCutoffsSuite(() => startHomeApp(NOW), {
    firstAt: PASSED,
    thirdAt: AHEAD,
    taskNumbers: ["5"],
    createdBy: SECRETARY,
    now: NOW,
  });

  it("anna's Home says so, who fixes it, and offers Submit update for each; lv and en", async () => {
    const lm = await failReminder(s.t, s.first, "not_in_channel");
    await failReminder(s.t, s.third, "not_in_channel");
    const lv = await openHome(s.t, ANNA);
    expect(lv).toContain(`*Vēl gaidām jūsu atbildi uz #${s.third.id} par:* 5`);
    expect(lv).toContain(
      `⌛ *Vēl gaidām jūsu atbildi uz #${s.first.id} (pagājis 01.02.2027.) par:* 5 – termiņš ir nokavēts, taču atbilde joprojām noderēs.`,
    );
    // No thread: never sent to one.
    expect(lv).not.toContain("atgādinājuma pavedienā");
    for (const id of [s.first.id, s.third.id]) {
      expect(lv).toContain(
        `⚠️ Atgādinājumu uz #${id} nevarēja publicēt LM kanālā (lietotne nav pievienota kanālam), tāpēc pavediena nav: atbildiet ar pogu „Iesniegt atjauninājumu” zemāk. Sekretārs par to ir informēts; to salabo kāds kanāla dalībnieks ar \`/invite @Koordinators\` tajā vai sekretārs ar \`/institution set LM #kanāls\`.`,
      );
      expect(lv).toContain(`[ Iesniegt atjauninājumu: 5 (#${id}) ]`);
    }
    const view = JSON.stringify((await homeView(s.t, ANNA)).blocks);
    expect(view).toContain(`"value":"${s.first.id}:${lm}:5"`);
    expect(view).toContain(`"value":"${s.third.id}:${lm}:5"`);
    await chooseLanguage(s.t, ANNA, "en");
    const en = await openHome(s.t, ANNA);
    expect(en).toContain(
      `⚠️ The reminder for #${s.third.id} could not be posted in LM's channel (the app is not in the channel), so there is no thread: reply with the "Submit update" button below. The secretary has been told; a member of the channel can fix it with \`/invite @Koordinators\` in it, or the secretary with \`/institution set LM #channel\`.`,
    );
    expect(en).toContain(`[ Submit update: 5 (#${s.first.id}) ]`);
    await chooseLanguage(s.t, ANNA, "lv");
  });

  it("the Home's button stores LM's reply to that cut-off, as from the thread; the line goes", async () => {
    const lm = (await findInstitution(s.t.app.db, "LM"))?.id ?? 0;
    await openHome(s.t, ANNA);
    const modal = await pressOnHome(s.t, `${s.first.id}:${lm}:5`);
    const dm = s.t.emulator.waitFor(isCall("chat.postMessage", (c) => c.args.channel === ANNA));
    const after = s.t.emulator.calls.length;
    // The Home is published again by itself (no app_home_opened): the line goes at once.
    const published = s.t.emulator.waitFor(
      isCall("views.publish", (c) => c.args.user_id === ANNA && c.seq > after && c.ok),
    );
    await submitDone(s.t, modal, "Paveikts.");
    expect(JSON.stringify((await dm).args)).toContain("5");
    const again = JSON.stringify((await published).args);
    expect(again).not.toContain(`(#${s.first.id})`);
    expect(again).toContain(`(#${s.third.id})`);
    const [reply, ...rest] = await listNamedReplies(s.t.app.db, s.first.id);
    expect(rest).toEqual([]);
    expect(reply).toMatchObject({
      institutionCode: "LM",
      taskNumber: "5",
      statusClaim: "done",
      source: "modal",
      threadTs: null,
      userId: ANNA,
      verified: true,
      text: "Paveikts.",
    });
    // #2 is not answered by it.
    expect(await listNamedReplies(s.t.app.db, s.third.id)).toEqual([]);
    const lv = await openHome(s.t, ANNA);
    expect(lv).not.toContain("pagājis 01.02.2027.) par:*");
    expect(lv).not.toContain(`(#${s.first.id}) ]`);
    expect(lv).toContain(`[ Iesniegt atjauninājumu: 5 (#${s.third.id}) ]`);
  });
});

describe("the Home is not published again: the reply stays stored", () => {
  const s = twoCutoffsSuite(() => startHomeApp(NOW), {
    firstAt: PASSED,
    thirdAt: AHEAD,
    taskNumbers: ["5"],
    createdBy: SECRETARY,
    now: NOW,
  });

  it("views.publish fails after a submission from the Home: stored, confirmed, logged", async () => {
    await failReminder(s.t, s.third, "not_in_channel");
    const lm = (await findInstitution(s.t.app.db, "LM"))?.id ?? 0;
    await openHome(s.t, ANNA);
    const modal = await pressOnHome(s.t, `${s.third.id}:${lm}:5`);
    const after = s.t.emulator.calls.length;
    s.t.emulator.failNext("views.publish", { error: "internal_error" });
    const failed = s.t.emulator.waitFor(
      isCall("views.publish", (c) => c.args.user_id === ANNA && c.seq > after && !c.ok),
    );
    const dm = s.t.emulator.waitFor(isCall("chat.postMessage", (c) => c.args.channel === ANNA));
    await submitDone(s.t, modal, "Paveikts.");
    await failed;
    expect((await dm).ok).toBe(true);
    expect(await listNamedReplies(s.t.app.db, s.third.id)).toMatchObject([
      { institutionCode: "LM", taskNumber: "5", source: "modal", text: "Paveikts." },
    ]);
    // The next Home, opened, no longer offers it.
    expect(await openHome(s.t, ANNA)).not.toContain(`(#${s.third.id}) ]`);
  });
});

describe("a Home button whose task has left the cut-off since", () => {
  const s = twoCutoffsSuite(() => startHomeApp(NOW), {
    firstAt: PASSED,
    thirdAt: AHEAD,
    taskNumbers: ["5"],
    createdBy: SECRETARY,
    now: NOW,
  });

  it("is answered with the stale notice by direct message (a Home action has no response_url)", async () => {
    const lm = await failReminder(s.t, s.third, "not_in_channel");
    await openHome(s.t, ANNA);
    const view = await homeView(s.t, ANNA);
    const dm = s.t.emulator.waitFor(isCall("chat.postMessage", (c) => c.args.channel === ANNA));
    // Task 14 is not in #2's scope (as after `/cutoff` changed it): the target is gone.
    const res = await s.t.slack.blockAction({
      actionId: `${ActionId.reminderSubmitUpdate}_0`,
      value: `${s.third.id}:${lm}:14`,
      userId: ANNA,
      view,
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify((await dm).args)).toContain("Šis atgādinājums vairs nav aktuāls");
  });
});
