import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ActionId } from "../../src/slack/ids.ts";
import { ListenerRouter } from "../../src/slack/router.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";

let t: TestApp;
let log: LogWatch;

beforeAll(async () => {
  log = watchLogs();
  t = await startTestApp({ worker: false, logger: log.logger });
});
afterAll(async () => {
  await t.stop();
});

describe("actions, events and views through one middleware (router.ts)", () => {
  it("acknowledges a block action nobody handles, and says so in the log", async () => {
    const res = await t.slack.blockAction({
      actionId: "no_such_action",
      value: "x",
      userId: "U0LV",
    });
    expect(res.status).toBe(200);
    await log.waitFor(
      (line) => line.msg === "action nobody handles" && line.actionId === "no_such_action",
    );
  });

  it("still routes a known action to its handler (events and views: replies-events, replies-modal, home-language)", async () => {
    const res = await t.slack.blockAction({
      actionId: ActionId.taskShare,
      value: "2009-2013:14",
      userId: "U0LV",
      messageTs: "1.000001",
    });
    const shared = await t.slack.waitForResponse(res.responseUrl ?? "", 5_000);
    expect(shared.body.response_type).toBe("in_channel");
  });

  it("refuses a second handler for the same action id, event type or callback id", () => {
    const router = new ListenerRouter();
    const noop = async () => {};
    router.action("a", noop);
    router.event("message", noop);
    router.view("v", noop);
    expect(() => router.action("a", noop)).toThrow(/two handlers/);
    expect(() => router.event("message", noop)).toThrow(/two handlers/);
    expect(() => router.view("v", noop)).toThrow(/two handlers/);
    router.action(/^a_\d+$/, noop);
  });
});
