/**
 * The reaction on a thread reply says whether it counts, through the real app (signed Events
 * API callbacks and interactions in, Web API calls out to the emulator, replies in the store):
 * ✅ (white_check_mark) for a verified reply filed under a task, ❔ (grey_question) for one
 * filed under a task by someone who is no contact of the institution (unverified: not counted,
 * as `/task` says "❔"), ❓ (question) for one stored under none ("viss kārtībā" in a reminder
 * for several tasks, "99: …"), turned to ✅ (❔ when unverified) — the same reply kept — when its
 * author attaches it by an edit or the button. Waits on the emulator's records and the app's
 * log lines, never on time.
 */
import { describe, expect, it } from "vitest";
import { findReplyByMessage } from "../../db/replies.ts";
import { isCall } from "../../src/emulator/server.ts";
import type { TestApp } from "../helpers/app.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import {
  type Button,
  buttonsOf,
  ephemeralTo,
  PEOPLE,
  peopleAppHooks,
  replySteps,
  type ThreadFixture,
} from "../replies/support.ts";

let t: TestApp;
let logs: LogWatch;

peopleAppHooks({ level: "debug" }, (app) => ({ t, logs } = app));
const { thread, reply, taskOf, edit } = replySteps(() => ({ t, logs }), "C0RCT");

/** The names of the reactions on message `ts` in the thread's channel, as Slack shows them. */
function reactionsOn(f: ThreadFixture, ts: string): string[] {
  const message = t.emulator.messagesIn(f.channel).find((m) => m.ts === ts);
  return (message?.reactions ?? []).map((r) => r.name);
}

describe("a new reply's reaction", () => {
  it("is ✅ for a reply filed under the task it names", async () => {
    const f = await thread(["2", "5", "14"]);
    const { ts } = await reply(f, "14: pārbaudes veiktas");
    expect(await taskOf(f, ts)).toBe("14");
    expect(reactionsOn(f, ts)).toEqual(["white_check_mark"]);
  });

  it("is ✅ for a reply filed under the one open task for want of a number", async () => {
    const f = await thread(["14"]);
    const { ts } = await reply(f, "Viss kārtībā");
    expect(await taskOf(f, ts)).toBe("14");
    expect(reactionsOn(f, ts)).toEqual(["white_check_mark"]);
  });

  it.each([
    ["Viss kārtībā", ["2", "5", "14"]],
    ["99: nav tāda", ["2", "14"]],
    ["19: darbs turpinās", ["2", "14"]],
  ])("is ❓ for %j, stored under no task of a reminder for %j", async (text, tasks) => {
    const f = await thread(tasks);
    const { ts, stored } = await reply(f, text);
    expect(stored?.text).toBe(text);
    expect(await taskOf(f, ts)).toBeNull();
    expect(reactionsOn(f, ts)).toEqual(["question"]);
    const calls = t.emulator.calls.filter(
      (c) => c.method === "reactions.add" && c.args.timestamp === ts,
    );
    expect(calls.map((c) => [c.args.name, c.ok])).toEqual([["question", true]]);
  });
});

describe("a reply attached later", () => {
  it("edited to start with a task number: ❓ becomes ✅ on the same reply", async () => {
    const f = await thread(["2", "5", "14"]);
    const { ts, stored } = await reply(f, "Viss kārtībā");
    expect(reactionsOn(f, ts)).toEqual(["question"]);
    await edit(f, ts, "Viss kārtībā", "5: viss kārtībā");
    expect(await taskOf(f, ts)).toBe("5");
    expect(reactionsOn(f, ts)).toEqual(["white_check_mark"]);
    const after = await findReplyByMessage(t.app.db, f.channel, ts);
    expect(after).toMatchObject({ id: stored?.id, text: "5: viss kārtībā", withdrawnAt: null });
  });

  it("attached with the prompt's button: ❓ becomes ✅; moved on to another task it stays ✅", async () => {
    const f = await thread(["2", "5", "14"]);
    const prompted = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel));
    const { ts } = await reply(f, "99: nav tāda");
    const buttons = buttonsOf((await prompted).args.blocks);
    const press = async (button: Button | undefined) => {
      if (!button) throw new Error("no such button");
      const pressed = await t.slack.blockAction({
        actionId: button.action_id,
        value: button.value,
        userId: PEOPLE.anna,
        channelId: f.channel,
      });
      await t.slack.waitForResponse(pressed.responseUrl ?? "");
    };
    const removed = t.emulator.waitFor(isCall("reactions.remove", (c) => c.args.timestamp === ts));
    await press(buttons.find((b) => b.value.endsWith(":14")));
    expect((await removed).args.name).toBe("question");
    expect(await taskOf(f, ts)).toBe("14");
    expect(reactionsOn(f, ts)).toEqual(["white_check_mark"]);
    await press(buttons.find((b) => b.value.endsWith(":2")));
    expect(await taskOf(f, ts)).toBe("2");
    expect(reactionsOn(f, ts)).toEqual(["white_check_mark"]);
  });

  it("a filed reply edited to name only a task outside the reminder keeps its task and its ✅", async () => {
    const f = await thread(["2", "14"]);
    const { ts } = await reply(f, "14: pārbaudes veiktas");
    await edit(f, ts, "14: pārbaudes veiktas", "99: pārbaudes veiktas");
    expect(await taskOf(f, ts)).toBe("14");
    expect(reactionsOn(f, ts)).toEqual(["white_check_mark"]);
    const removals = t.emulator.calls.filter(
      (c) => c.method === "reactions.remove" && c.args.timestamp === ts,
    );
    expect(removals).toEqual([]);
  });
});

describe("an unverified reply (its author is no contact of the institution)", () => {
  /** The reactions.add calls the app made on message `ts`: [name, ok]. */
  const addsOn = (ts: string) =>
    t.emulator.calls
      .filter((c) => c.method === "reactions.add" && c.args.timestamp === ts)
      .map((c) => [c.args.name, c.ok]);

  it("filed under the task it names: ❔, never ✅; the reply is kept and its author told", async () => {
    const f = await thread(["2", "5", "14"]);
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.outsider, f.channel));
    const { ts, stored } = await reply(f, "14: Anna raksta", PEOPLE.outsider);
    expect(stored).toMatchObject({ text: "14: Anna raksta", verified: false, withdrawnAt: null });
    expect(await taskOf(f, ts)).toBe("14");
    expect(reactionsOn(f, ts)).toEqual(["grey_question"]);
    expect(addsOn(ts)).toEqual([["grey_question", true]]);
    expect(String((await told).args.text)).toContain("nepārbaudīt");
  });

  it("stored under no task: ❓, as a verified one", async () => {
    const f = await thread(["2", "5", "14"]);
    const { ts } = await reply(f, "Viss kārtībā", PEOPLE.outsider);
    expect(await taskOf(f, ts)).toBeNull();
    expect(reactionsOn(f, ts)).toEqual(["question"]);
  });

  it("edited to start with a task number: ❓ becomes ❔, not ✅, on the same reply", async () => {
    const f = await thread(["2", "5", "14"]);
    const { ts, stored } = await reply(f, "Viss kārtībā", PEOPLE.outsider);
    expect(reactionsOn(f, ts)).toEqual(["question"]);
    await edit(f, ts, "Viss kārtībā", "5: viss kārtībā", PEOPLE.outsider);
    expect(await taskOf(f, ts)).toBe("5");
    expect(reactionsOn(f, ts)).toEqual(["grey_question"]);
    expect(addsOn(ts).map(([name]) => name)).not.toContain("white_check_mark");
    const after = await findReplyByMessage(t.app.db, f.channel, ts);
    expect(after).toMatchObject({ id: stored?.id, text: "5: viss kārtībā", verified: false });
  });

  it("attached with the prompt's button: ❓ becomes ❔, not ✅", async () => {
    const f = await thread(["2", "5", "14"]);
    const prompted = t.emulator.waitFor(
      isCall(
        "chat.postEphemeral",
        (c) =>
          c.args.user === PEOPLE.outsider &&
          c.args.channel === f.channel &&
          buttonsOf(c.args.blocks).length > 0,
      ),
    );
    const { ts } = await reply(f, "99: nav tāda", PEOPLE.outsider);
    const button = buttonsOf((await prompted).args.blocks).find((b) => b.value.endsWith(":14"));
    if (!button) throw new Error("no button for task 14");
    const removed = t.emulator.waitFor(isCall("reactions.remove", (c) => c.args.timestamp === ts));
    const pressed = await t.slack.blockAction({
      actionId: button.action_id,
      value: button.value,
      userId: PEOPLE.outsider,
      channelId: f.channel,
    });
    await t.slack.waitForResponse(pressed.responseUrl ?? "");
    expect((await removed).args.name).toBe("question");
    expect(await taskOf(f, ts)).toBe("14");
    expect(reactionsOn(f, ts)).toEqual(["grey_question"]);
    expect(addsOn(ts).map(([name]) => name)).not.toContain("white_check_mark");
  });
});
