import { WebClientEvent } from "@slack/web-api";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../src/emulator/server.ts";
import { isCall } from "../../src/emulator/server.ts";
import { apiError, startEmulator, webClient } from "./support.ts";

let emulator: Emulator;
const C = "C0LOCAL01";

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.reset());

describe("rate limits", () => {
  it("answers 429 with Retry-After, and WebClient succeeds after waiting it out", async () => {
    emulator.setRateLimit({ method: "chat.postMessage", perChannelPerSecond: 1 });
    const web = webClient(emulator, { retryConfig: { retries: 1, minTimeout: 0, maxTimeout: 0 } });
    const limited: number[] = [];
    web.on(WebClientEvent.RATE_LIMITED, (seconds: number) => limited.push(seconds));
    await web.chat.postMessage({ channel: C, text: "first" });
    const started = Date.now();
    const second = await web.chat.postMessage({ channel: C, text: "second" });
    const waited = Date.now() - started;
    expect(second.ok).toBe(true);
    expect(limited).toEqual([1]);
    expect(waited).toBeGreaterThanOrEqual(1000);
    expect(waited).toBeLessThan(2000);
    expect(emulator.calls.map((c) => [c.status, c.error])).toEqual([
      [200, undefined],
      [429, "ratelimited"],
      [200, undefined],
    ]);
    expect(emulator.messagesIn(C).map((m) => m.text)).toEqual(["first", "second"]);
  });

  it("limits per channel and sends the Retry-After header", async () => {
    emulator.setRateLimit({ method: "chat.postMessage", perChannelPerSecond: 1 });
    emulator.addChannel({ id: "C2", name: "other" });
    const web = webClient(emulator);
    await web.chat.postMessage({ channel: C, text: "a" });
    await web.chat.postMessage({ channel: "C2", text: "b" });
    const response = await fetch(`${emulator.apiUrl}chat.postMessage`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: emulator.botToken, channel: C, text: "c" }).toString(),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(await response.json()).toEqual({ ok: false, error: "ratelimited" });
    emulator.setRateLimit(null);
    expect((await web.chat.postMessage({ channel: C, text: "d" })).ok).toBe(true);
  });
});

describe("failNext", () => {
  it("fails the next call once: API error, HTTP status, rate limit", async () => {
    const web = webClient(emulator, { rejectRateLimitedCalls: true });
    emulator.failNext("chat.postMessage", { error: "fatal_error" });
    expect((await apiError(web.chat.postMessage({ channel: C, text: "x" }))).error).toBe(
      "fatal_error",
    );
    emulator.failNext("chat.postMessage", { status: 503 });
    await expect(web.chat.postMessage({ channel: C, text: "x" })).rejects.toMatchObject({
      code: "slack_webapi_http_error",
      statusCode: 503,
    });
    emulator.failNext("users.info", { error: "ratelimited", retryAfter: 30 });
    await expect(web.users.info({ user: "U0LOCAL01" })).rejects.toMatchObject({
      code: "slack_webapi_rate_limited_error",
      retryAfter: 30,
    });
    expect((await web.chat.postMessage({ channel: C, text: "fine" })).ok).toBe(true);
    expect(emulator.calls.map((c) => c.status)).toEqual([200, 503, 429, 200]);
  });
});

describe("waitFor", () => {
  it("resolves on the next matching record, or with includePast on an earlier one", async () => {
    const web = webClient(emulator);
    const next = emulator.waitFor(isCall("chat.postMessage"), 2000);
    await web.auth.test();
    await web.chat.postMessage({ channel: C, text: "hello" });
    expect((await next).args.text).toBe("hello");
    const past = await emulator.waitFor(isCall("auth.test"), 100, { includePast: true });
    expect(past.method).toBe("auth.test");
  });

  it("rejects after the timeout, naming what was recorded", async () => {
    await webClient(emulator).auth.test();
    await expect(emulator.waitFor(isCall("views.open"), 20)).rejects.toThrow(
      /timed out.*auth\.test\(ok\)/,
    );
  });
});
