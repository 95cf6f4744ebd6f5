/**
 * The local mode (`npm start` without Slack credentials): the app starts its own emulator and,
 * with no WORKGROUP_CHANNEL_ID, takes the local channel as the working group's, so the digest
 * the README's walkthrough asks for is posted where `npm run slack -- --history` shows it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_USER_ID } from "../../src/config.ts";
import { createSlackClient } from "../../src/emulator/client.ts";
import { isCall } from "../../src/emulator/server.ts";
import type { Running } from "../../src/main.ts";
import { startLocalApp } from "../helpers/app.ts";

const LOCAL_CHANNEL = "C0LOCAL01";
let app: Running;

beforeAll(async () => {
  app = await startLocalApp({ workgroupChannelId: null });
});
afterAll(async () => {
  await app?.stop();
});

describe("local mode", () => {
  it("takes the local channel as the working group's when WORKGROUP_CHANNEL_ID is unset", () => {
    expect(app.config.workgroupChannelId).toBe(LOCAL_CHANNEL);
  });

  it("posts /digest there, even when asked from another channel", async () => {
    const emulator = app.emulator;
    if (!emulator) throw new Error("local mode starts an emulator");
    const slack = createSlackClient({
      appUrl: app.url,
      signingSecret: app.config.slack.signingSecret ?? "",
      emulator,
      userId: LOCAL_USER_ID,
      channelId: "C0ELSEWHERE",
    });
    const posted = emulator.waitFor(
      isCall("chat.postMessage", (c) => c.ok && c.args.channel === LOCAL_CHANNEL),
      30_000,
    );
    const res = await slack.command("/digest", "");
    expect(res.status).toBe(200);
    expect((await posted).args.channel).toBe(LOCAL_CHANNEL);
  });

  it("keeps a WORKGROUP_CHANNEL_ID that is set", async () => {
    const other = await startLocalApp({ workgroupChannelId: "C0WORKGRP" });
    try {
      expect(other.config.workgroupChannelId).toBe("C0WORKGRP");
    } finally {
      await other.stop();
    }
  });
});
