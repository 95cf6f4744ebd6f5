/**
 * The "Submit update" modal through the real app: the reminder's button opens it (views.open),
 * its submission becomes the institution's reply and a confirmation in the reminder thread.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listNamedReplies } from "../../db/replies.ts";
import { collect } from "../../jobs/index.ts";
import { isCall } from "../../src/emulator/server.ts";
import type { RecordedCall } from "../../src/emulator/types.ts";
import { validateView } from "../../src/slack/block-limits.ts";
import { ActionId, CallbackId } from "../../src/slack/ids.ts";
import { updateButtonValue } from "../../src/slack/render-reminder.ts";
import { UpdateField } from "../../src/slack/render-update-modal.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import {
  addPeople,
  jobDepsOf,
  PEOPLE,
  reminderThread,
  type ThreadFixture,
} from "../replies/support.ts";

let t: TestApp;
let logs: LogWatch;
let f: ThreadFixture;

beforeAll(async () => {
  logs = watchLogs();
  t = await startTestApp({ logger: logs.logger });
  addPeople(t.emulator);
  f = await reminderThread(
    { db: t.app.db, emulator: t.emulator },
    { code: "LM", channel: "C0LMMODAL", tasks: ["2", "14", "19"] },
  );
});
afterAll(async () => {
  await t?.stop();
});

/** Presses "Submit update" for `number` as `user`; returns the views.open call. */
async function openModal(number: string, user: string = PEOPLE.anna): Promise<RecordedCall> {
  const opened = t.emulator.waitFor(isCall("views.open", (c) => c.ok));
  await t.slack.blockAction({
    actionId: ActionId.reminderSubmitUpdate,
    value: updateButtonValue(f.cutoffId, f.institutionId, number),
    userId: user,
    channelId: f.channel,
    messageTs: f.threadTs,
  });
  return opened;
}

function submit(
  call: RecordedCall,
  values: { status?: string; text?: string },
  user: string = PEOPLE.anna,
) {
  const view = call.response.view as { id: string; private_metadata: string };
  const state: Record<
    string,
    Record<string, string | { type: string; selected_option: unknown }>
  > = {
    [UpdateField.text.block]: { [UpdateField.text.action]: values.text ?? "" },
    [UpdateField.status.block]: {
      [UpdateField.status.action]: {
        type: "radio_buttons",
        selected_option: values.status ? { value: values.status } : null,
      },
    },
  };
  return t.slack.viewSubmission({
    callbackId: CallbackId.submitUpdate,
    viewId: view.id,
    privateMetadata: view.private_metadata,
    values: state,
    userId: user,
  });
}

const confirmationIn = (threadTs: string) =>
  isCall("chat.postMessage", (c) => c.args.thread_ts === threadTs && c.ok);

describe("the Submit update modal", () => {
  it("opens a valid modal for the task from the reminder's button", async () => {
    const call = await openModal("14");
    const view = call.args.view as Record<string, unknown>;
    expect(validateView(view)).toEqual([]);
    expect(view.callback_id).toBe(CallbackId.submitUpdate);
    expect(JSON.parse(String(view.private_metadata))).toEqual({
      cutoffId: f.cutoffId,
      institutionId: f.institutionId,
      number: "14",
    });
    expect(JSON.stringify(view.blocks)).toContain("Bez izmaiņām");
  });

  it("refuses an empty submission with an error on the text field", async () => {
    const call = await openModal("14");
    const res = await submit(call, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      response_action: "errors",
      errors: { [UpdateField.text.block]: expect.stringContaining("izvēlieties statusu") },
    });
    expect(await listNamedReplies(t.app.db, f.cutoffId)).toEqual([]);
  });

  it("stores the submission as a reply with its status and confirms it in the thread", async () => {
    const call = await openModal("14");
    const confirmed = t.emulator.waitFor(confirmationIn(f.threadTs));
    const res = await submit(call, {
      status: "done",
      text: "Pārbaudes pabeigtas; 3 licences anulētas.",
    });
    expect(res.status).toBe(200);
    expect(res.body).toBe("");
    const confirmation = await confirmed;
    const text = JSON.stringify(confirmation.args.blocks);
    expect(text).toContain(`<@${PEOPLE.anna}>`);
    expect(text).toContain("*14*");
    expect(text).toContain("Izpildīts");
    expect(text).toContain("3 licences anulētas");
    const [reply] = await listNamedReplies(t.app.db, f.cutoffId);
    expect(reply).toMatchObject({
      taskNumber: "14",
      statusClaim: "done",
      source: "modal",
      channelId: "modal",
      ts: (call.response.view as { id: string }).id,
      threadTs: f.threadTs,
      verified: true,
      text: "Pārbaudes pabeigtas; 3 licences anulētas.",
    });

    // Submitting the same view again stores nothing new and posts nothing.
    await submit(call, { status: "done", text: "Pārbaudes pabeigtas; 3 licences anulētas." });
    await logs.waitFor((l) => l.msg === "update stored" && l.created === false);
    expect(await listNamedReplies(t.app.db, f.cutoffId)).toHaveLength(1);
    expect(t.emulator.calls.filter((c) => confirmationIn(f.threadTs)(c))).toHaveLength(1);
  });

  it("never takes its own confirmation for a reply, neither as an event nor when collecting", async () => {
    const confirmation = t.emulator
      .messagesIn(f.channel)
      .find((m) => m.thread_ts === f.threadTs && m.bot_id !== undefined);
    expect(confirmation).toBeDefined();
    await t.slack.event({ ...confirmation, channel: f.channel, event_ts: confirmation?.ts });
    const summary = await collect.process({ trigger: "manual" }, jobDepsOf(t));
    expect(summary).toMatchObject({ threads: 1, created: 0 });
    expect((await listNamedReplies(t.app.db, f.cutoffId)).map((r) => r.source)).toEqual(["modal"]);
  });

  it("keeps an outsider's update, unverified, and tells them why", async () => {
    const call = await openModal("2", PEOPLE.outsider);
    const told = t.emulator.waitFor(
      isCall("chat.postEphemeral", (c) => c.args.user === PEOPLE.outsider),
    );
    const confirmed = t.emulator.waitFor(confirmationIn(f.threadTs));
    await submit(call, { status: "no_change" }, PEOPLE.outsider);
    expect(String((await told).args.text)).toContain("nepārbaudīta");
    expect(JSON.stringify((await confirmed).args.blocks)).toContain("nepārbaudīts");
    const replies = await listNamedReplies(t.app.db, f.cutoffId);
    expect(replies.find((r) => r.taskNumber === "2")).toMatchObject({
      verified: false,
      statusClaim: "no_change",
      text: "",
    });
  });

  it("answers a button of a removed cut-off or task kindly instead of opening a modal", async () => {
    const pressed = await t.slack.blockAction({
      actionId: ActionId.reminderSubmitUpdate,
      value: updateButtonValue(9999, f.institutionId, "14"),
      userId: PEOPLE.anna,
      channelId: f.channel,
    });
    const answer = await t.slack.waitForResponse(pressed.responseUrl ?? "");
    expect(answer.body.text).toContain("vairs nav aktuāls");
  });
});
