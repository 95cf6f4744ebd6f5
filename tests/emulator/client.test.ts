import { once } from "node:events";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { verifySlackRequest } from "@slack/bolt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSlackClient, type SlackClient } from "../../src/emulator/client.ts";
import type { Emulator } from "../../src/emulator/server.ts";
import { startEmulator, webClient } from "./support.ts";

const SECRET = "test-signing-secret";

interface Captured {
  headers: IncomingHttpHeaders;
  raw: string;
  verified: boolean;
}

/** A stand-in app that checks every request with Bolt's own verifier and keeps it. */
let server: Server;
let appUrl: string;
const captured: Captured[] = [];
let emulator: Emulator;
let slack: SlackClient;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    let verified = true;
    try {
      verifySlackRequest({
        signingSecret: SECRET,
        body: raw,
        headers: {
          "x-slack-signature": String(req.headers["x-slack-signature"]),
          "x-slack-request-timestamp": Number(req.headers["x-slack-request-timestamp"]),
        },
      });
    } catch {
      verified = false;
    }
    captured.push({ headers: req.headers, raw, verified });
    res.writeHead(verified ? 200 : 401, { "content-type": "application/json" });
    res.end(JSON.stringify({ verified }));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  emulator = await startEmulator();
  slack = createSlackClient({ appUrl, signingSecret: SECRET, emulator });
});
afterAll(async () => {
  server.close();
  await emulator.stop();
});
beforeEach(() => {
  captured.length = 0;
  emulator.reset();
});

const form = (c: Captured | undefined) => Object.fromEntries(new URLSearchParams(c?.raw ?? ""));
const payloadOf = (c: Captured | undefined) =>
  JSON.parse(form(c).payload ?? "{}") as Record<string, unknown>;

describe("signing", () => {
  it("signs every request so Bolt's verifySlackRequest accepts it", async () => {
    const result = await slack.command("/task", "14");
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ verified: true });
    await slack.event({ type: "app_mention", text: "hi" });
    await slack.urlVerification("challenge-1");
    expect(captured.map((c) => c.verified)).toEqual([true, true, true]);
    expect(captured[0]?.headers["x-slack-signature"]).toMatch(/^v0=[0-9a-f]{64}$/);
  });

  it("lets tests forge a signature or a stale timestamp", async () => {
    expect((await slack.command("/task", "14", { signature: "v0=deadbeef" })).status).toBe(401);
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await slack.command("/task", "14", { timestamp: sixMinutesAgo })).status).toBe(401);
    expect(captured[1]?.headers["x-slack-request-timestamp"]).toBe(String(sixMinutesAgo));
  });
});

describe("payloads", () => {
  it("sends a slash command with Slack's fields, a live response_url and trigger_id", async () => {
    const result = await slack.command("/task", "14", { responseUrlId: "r-14" });
    expect(captured[0]?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(form(captured[0])).toEqual({
      token: expect.any(String),
      team_id: emulator.identity.teamId,
      team_domain: emulator.identity.teamDomain,
      channel_id: "C0LOCAL01",
      channel_name: "general",
      user_id: "U0LOCAL01",
      user_name: "local.user",
      command: "/task",
      text: "14",
      api_app_id: emulator.identity.appId,
      is_enterprise_install: "false",
      response_url: `${emulator.url}/response/r-14`,
      trigger_id: result.triggerId,
    });
    expect(result.responseUrl).toBe(`${emulator.url}/response/r-14`);
    const web = webClient(emulator);
    const view = {
      type: "modal" as const,
      title: { type: "plain_text" as const, text: "T" },
      blocks: [],
    };
    expect((await web.views.open({ trigger_id: result.triggerId, view })).ok).toBe(true);
  });

  it("sends block_actions with the stored message and the button's block", async () => {
    const web = webClient(emulator);
    const posted = await web.chat.postMessage({
      channel: "C0LOCAL01",
      text: "Task 14",
      blocks: [
        {
          type: "actions",
          block_id: "task_actions",
          elements: [
            {
              type: "button",
              action_id: "open_task",
              value: "14",
              text: { type: "plain_text", text: "Open" },
            },
          ],
        },
      ],
    });
    const result = await slack.blockAction({ actionId: "open_task", messageTs: posted.ts });
    const payload = payloadOf(captured[0]);
    expect(payload).toMatchObject({
      type: "block_actions",
      user: { id: "U0LOCAL01" },
      container: { type: "message", message_ts: posted.ts, channel_id: "C0LOCAL01" },
      message: { ts: posted.ts, text: "Task 14" },
      response_url: result.responseUrl,
      actions: [{ type: "button", action_id: "open_task", block_id: "task_actions", value: "14" }],
    });
  });

  it("sends view_submission with state values", async () => {
    await slack.viewSubmission({
      callbackId: "reply_modal",
      privateMetadata: '{"task":"14"}',
      values: {
        progress: { text: "Done in 2010" },
        status: { pick: { type: "static_select", selected_option: null } },
      },
    });
    expect(payloadOf(captured[0])).toMatchObject({
      type: "view_submission",
      view: {
        callback_id: "reply_modal",
        private_metadata: '{"task":"14"}',
        state: {
          values: {
            progress: { text: { type: "plain_text_input", value: "Done in 2010" } },
            status: { pick: { type: "static_select", selected_option: null } },
          },
        },
      },
    });
  });

  it("wraps events in event_callback and marks retries", async () => {
    await slack.event(
      { type: "app_mention", text: "hi" },
      { eventId: "Ev1", retryNum: 1, retryReason: "http_timeout" },
    );
    const [request] = captured;
    expect(request?.headers["x-slack-retry-num"]).toBe("1");
    expect(request?.headers["x-slack-retry-reason"]).toBe("http_timeout");
    expect(JSON.parse(request?.raw ?? "{}")).toMatchObject({
      type: "event_callback",
      event_id: "Ev1",
      team_id: emulator.identity.teamId,
      event: { type: "app_mention", text: "hi" },
      authorizations: [{ user_id: emulator.identity.botUserId, is_bot: true }],
    });
    await slack.urlVerification("abc");
    expect(JSON.parse(captured[1]?.raw ?? "{}")).toMatchObject({
      type: "url_verification",
      challenge: "abc",
    });
  });

  it("stores a human thread reply and sends its message event", async () => {
    const parent = await webClient(emulator).chat.postMessage({
      channel: "C0LOCAL01",
      text: "Reminder",
    });
    const { ts } = await slack.userMessage({ text: "Progress: done", threadTs: parent.ts });
    expect(emulator.messagesIn("C0LOCAL01").map((m) => m.text)).toEqual([
      "Reminder",
      "Progress: done",
    ]);
    expect(JSON.parse(captured[0]?.raw ?? "{}").event).toMatchObject({
      type: "message",
      ts,
      thread_ts: parent.ts,
      parent_user_id: emulator.identity.botUserId,
      user: "U0LOCAL01",
      channel_type: "channel",
    });
  });
});

describe("waitForResponse", () => {
  it("resolves on a response_url post, in-process or through the control API", async () => {
    const local = await slack.command("/task", "14");
    const remote = createSlackClient({
      appUrl,
      signingSecret: SECRET,
      emulator: { url: emulator.url },
    });
    const viaControl = await remote.command("/task", "15");
    const pending = [
      slack.waitForResponse(local.responseUrl, 2000),
      remote.waitForResponse(viaControl.responseUrl, 2000),
    ];
    for (const url of [local.responseUrl, viaControl.responseUrl]) {
      await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: '{"text":"ok"}',
      });
    }
    const [first, second] = await Promise.all(pending);
    expect(first?.url).toBe(local.responseUrl);
    expect(second?.url).toBe(viaControl.responseUrl);
    await expect(slack.waitForResponse(local.responseUrl, 20, 1)).rejects.toThrow(/timed out/);
  });
});
