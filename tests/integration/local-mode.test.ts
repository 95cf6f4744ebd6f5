/**
 * The local mode (`npm start` without Slack credentials): the app starts its own emulator and,
 * with no WORKGROUP_CHANNEL_ID, takes the local channel as the working group's, so the digest
 * the README's walkthrough asks for is posted where `npm run slack -- --history` shows it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_USER_ID, testConfig } from "../../src/config.ts";
import { createSlackClient } from "../../src/emulator/client.ts";
import { isCall } from "../../src/emulator/server.ts";
import { createLogger } from "../../src/logger.ts";
import { type Running, start } from "../../src/main.ts";
import { tempDir, testDatabaseUrl } from "../helpers/store.ts";

const LOCAL_CHANNEL = "C0LOCAL01";
let app: Running;

async function startLocal(workgroupChannelId: string | null): Promise<Running> {
  const dir = tempDir();
  return start(
    testConfig({
      slack: {
        mode: "local",
        botToken: null,
        signingSecret: null,
        appToken: null,
        apiUrl: "https://slack.com/api/",
      },
      databaseUrl: await testDatabaseUrl(dir, "local.db"),
      dataDir: dir,
      secretaryUserIds: [LOCAL_USER_ID],
      workgroupChannelId,
    }),
    { logger: createLogger("silent") },
  );
}

beforeAll(async () => {
  app = await startLocal(null);
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
    const other = await startLocal("C0WORKGRP");
    try {
      expect(other.config.workgroupChannelId).toBe("C0WORKGRP");
    } finally {
      await other.stop();
    }
  });
});
