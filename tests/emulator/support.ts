/** Shared test setup for the emulator suites: a started emulator and a quiet WebClient on it. */
import { type Logger, LogLevel } from "@slack/logger";
import { WebClient, type WebClientOptions } from "@slack/web-api";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { type Emulator, startEmulator } from "../../src/emulator/server.ts";

/** A logger that drops everything (WebClient logs Slack's `[ERROR]` messages otherwise). */
export const quietLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

/** A WebClient on the emulator's API, without retries unless asked for. */
export function webClient(emulator: Emulator, options: WebClientOptions = {}): WebClient {
  return new WebClient(emulator.botToken, {
    slackApiUrl: emulator.apiUrl,
    logger: quietLogger,
    retryConfig: { retries: 0 },
    ...options,
  });
}

/**
 * Registers a suite's hooks: `beforeAll` starts an emulator and a {@link webClient} on it and
 * hands both to `set` (which keeps them in the suite's own variables), `beforeEach` resets the
 * emulator, `afterAll` stops it.
 */
export function emulatorHooks(set: (suite: { emulator: Emulator; web: WebClient }) => void): void {
  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator();
    set({ emulator, web: webClient(emulator) });
  });
  afterAll(() => emulator?.stop());
  beforeEach(() => emulator?.reset());
}

/** The `data` of a rejected Web API call (WebAPIPlatformError), for asserting Slack's error. */
export async function apiError(call: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await call;
  } catch (error) {
    const data = (error as { data?: Record<string, unknown> }).data;
    if (data) return data;
    throw error;
  }
  throw new Error("expected the call to fail");
}

/**
 * POST /_emulator/<route> of the emulator's control API (src/emulator/control-api.ts) with a JSON
 * body: the HTTP status and the JSON answer (`{ok, …}`; a refusal is 400 `{ok: false, error}`).
 */
export async function control(
  emulator: Emulator,
  route: string,
  body: Record<string, unknown>,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${emulator.url}/_emulator/${route}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

export { startEmulator };
