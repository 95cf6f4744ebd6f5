import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Emulator, isResponse } from "../../src/emulator/server.ts";
import { startEmulator } from "./support.ts";

let emulator: Emulator;
const C = "C0LOCAL01";
const U = "U0LOCAL01";

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.reset());

/** Posts JSON as Bolt's `respond()` does. */
async function respond(url: string, body: unknown): Promise<{ status: number; text: string }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

const section = (text: string) => ({ type: "section", text: { type: "mrkdwn", text } });

describe("response_url", () => {
  it("records what the app posted and wakes waiters", async () => {
    const url = emulator.responseUrl("cmd-1", { channelId: C, userId: U });
    expect(url).toBe(`${emulator.url}/response/cmd-1`);
    const waiting = emulator.waitFor(isResponse("cmd-1"), 2000);
    expect(await respond(url, { text: "Task 14", blocks: [section("*14*")] })).toEqual({
      status: 200,
      text: "ok",
    });
    const recorded = await waiting;
    expect(recorded).toMatchObject({ id: "cmd-1", url, ok: true, status: 200 });
    expect(recorded.body.blocks).toEqual([section("*14*")]);
    expect(emulator.ephemerals).toMatchObject([{ channel: C, user: U, text: "Task 14" }]);
  });

  it("posts in_channel answers into the channel", async () => {
    const url = emulator.responseUrl(undefined, { channelId: C, userId: U });
    await respond(url, { response_type: "in_channel", text: "for everyone" });
    expect(emulator.messagesIn(C).map((m) => m.text)).toEqual(["for everyone"]);
  });

  it("deletes the original message an action came from", async () => {
    const ts = emulator.postAsUser({ channelId: C, userId: U, text: "to go" });
    const url = emulator.responseUrl(undefined, { channelId: C, userId: U, messageTs: ts });
    expect((await respond(url, { delete_original: true })).status).toBe(200);
    expect(emulator.messagesIn(C)).toHaveLength(0);
  });

  it("refuses invalid blocks with HTTP 400 like Slack", async () => {
    const url = emulator.responseUrl();
    const tooLong = await respond(url, { text: "x", blocks: [section("x".repeat(3001))] });
    expect(tooLong).toEqual({ status: 400, text: "invalid_blocks" });
    expect(await respond(url, {})).toEqual({ status: 400, text: "no_text" });
    expect(emulator.responses.map((r) => [r.ok, r.error])).toEqual([
      [false, "invalid_blocks"],
      [false, "no_text"],
    ]);
  });

  it("allows five uses, then answers used_url; unknown ids are invalid_url", async () => {
    const url = emulator.responseUrl();
    for (let i = 0; i < 5; i += 1) expect((await respond(url, { text: `n${i}` })).status).toBe(200);
    expect(await respond(url, { text: "sixth" })).toEqual({ status: 404, text: "used_url" });
    expect(await respond(`${emulator.url}/response/never-issued`, { text: "x" })).toEqual({
      status: 404,
      text: "invalid_url",
    });
  });

  it("expires after its lifetime", async () => {
    let now = Date.now();
    const timed = await startEmulator({ now: () => now, responseUrlTtlMs: 1000 });
    try {
      const url = timed.responseUrl();
      now += 1001;
      expect(await respond(url, { text: "late" })).toEqual({ status: 404, text: "expired_url" });
    } finally {
      await timed.stop();
    }
  });
});

describe("control API", () => {
  const control = async (path: string, body?: unknown) => {
    const response = await fetch(`${emulator.url}/_emulator/${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await response.json()) as Record<string, unknown>;
  };

  it("long-polls a response_url until the app answers", async () => {
    const { id, url } = (await control("response-urls", { channelId: C, userId: U })) as {
      id: string;
      url: string;
    };
    const polling = control(`responses/${id}?wait=5000`);
    await respond(url, { text: "late answer" });
    const { responses, next } = (await polling) as {
      responses: { body: { text: string } }[];
      next: number;
    };
    expect(responses.map((r) => r.body.text)).toEqual(["late answer"]);
    expect(next).toBe(1);
    expect(await control(`responses/${id}?since=1&wait=10`)).toMatchObject({
      responses: [],
      next: 1,
    });
  });

  it("gives a user's published Home, and long-polls for its re-publish", async () => {
    expect(await control(`home?user=${U}`)).toEqual({ ok: true, view: null });
    const publish = (text: string) =>
      fetch(`${emulator.apiUrl}views.publish`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${emulator.botToken}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({
          user_id: U,
          view: { type: "home", blocks: [{ type: "section", text: { type: "mrkdwn", text } }] },
        }),
      }).then((r) => r.json());
    await publish("first");
    const { view } = (await control(`home?user=${U}`)) as { view: { id: string; hash: string } };
    expect(view).toMatchObject({ type: "home", blocks: [{ text: { text: "first" } }] });
    const waiting = control(`home?user=${U}&after=${view.hash}&wait=5000`);
    await publish("second");
    expect(await waiting).toMatchObject({
      view: { id: view.id, blocks: [{ text: { text: "second" } }] },
    });
    const { view: latest } = (await control(`home?user=${U}`)) as { view: { hash: string } };
    expect(await control(`home?user=${U}&after=${latest.hash}&wait=10`)).toEqual({
      ok: true,
      view: null,
    });
  });

  it("adds users and channels, issues triggers, lists calls and resets", async () => {
    expect(await control("users", { id: "U0LV", locale: "lv-LV" })).toMatchObject({
      user: { id: "U0LV", locale: "lv-LV", tz: "Europe/Riga" },
    });
    expect(emulator.user("U0LV")?.locale).toBe("lv-LV");
    await control("channels", { id: "C9", name: "darba-grupa", botIsMember: false });
    expect(emulator.channel("C9")?.botIsMember).toBe(false);
    const { trigger_id: trigger } = (await control("triggers", { userId: U })) as {
      trigger_id: string;
    };
    expect(trigger).toMatch(/^\d+\.\d+\.[0-9a-f]+$/);
    await fetch(`${emulator.apiUrl}auth.test?token=${emulator.botToken}`);
    expect(await control("calls?since=0")).toMatchObject({
      calls: [{ method: "auth.test", ok: true }],
      next: 1,
    });
    const { ts } = (await control("messages", { channelId: C, userId: U, text: "hi" })) as {
      ts: string;
    };
    expect(await control(`messages?channel=${C}`)).toMatchObject({
      messages: [{ ts, text: "hi" }],
    });
    await control("reset", {});
    expect(emulator.calls).toHaveLength(0);
    expect(emulator.user("U0LV")).toBeUndefined();
    expect(emulator.user(U)).toBeDefined();
  });
});
