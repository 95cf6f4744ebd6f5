/**
 * A forged Slack request (a bad signature, or signed too long ago) leaves one warn line of ours
 * in the operator's log, "Slack request rejected: bad signature" with a fixed reason code, not
 * Bolt's wording, and nothing of the request: no token, no signature, no body, no user.
 * The real app over signed HTTP; the pure mapping of Bolt's lines beside it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REJECTED_MSG, rejectedRequest } from "../../src/slack/bolt-logger.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";

describe("rejectedRequest (pure)", () => {
  const bolt = "Failed to parse and verify the request data: Failed to verify authenticity";
  it("names why from Bolt 5's lines, null for the others", () => {
    expect(rejectedRequest(`${bolt}: signature mismatch`)).toBe("signature_mismatch");
    expect(
      rejectedRequest(
        `${bolt}: x-slack-request-timestamp must differ from system time by no more than 5 minutes or request is stale`,
      ),
    ).toBe("stale_timestamp");
    expect(
      rejectedRequest(
        `${bolt}: header x-slack-signature did not have the expected type (received undefined, expected string)`,
      ),
    ).toBe("missing_header");
    expect(rejectedRequest(`${bolt}: unknown signature version`)).toBe("unknown_version");
    expect(rejectedRequest("Failed to parse and verify the request data: request aborted")).toBe(
      null,
    );
    expect(rejectedRequest("Malformed request body: Unexpected token")).toBe(null);
  });
});

describe("a forged request in the app's log", () => {
  let t: TestApp;
  let logs: LogWatch;
  beforeAll(async () => {
    logs = watchLogs("info");
    t = await startTestApp({ logger: logs.logger, worker: false });
  });
  afterAll(async () => t?.stop());

  const rejected = () => logs.lines.filter((l) => l.msg === REJECTED_MSG);

  it("a bad signature: one warn line of ours, nothing of the request", async () => {
    const before = logs.lines.length;
    const res = await t.slack.command("/task", "14 personas kods 010101-12345", {
      userId: "U0FORGED",
      signature: "v0=0123456789abcdef",
    });
    expect(res.status).toBe(401);
    const line = await logs.waitFor((l) => l.msg === REJECTED_MSG);
    expect(line).toMatchObject({ level: 40, reason: "signature_mismatch" });
    const written = logs.lines.slice(before);
    // Bolt's own wording is gone; nothing else was logged for the request.
    expect(written.map((l) => l.msg)).toEqual([REJECTED_MSG]);
    const text = JSON.stringify(written);
    for (const secret of [
      "Failed to verify",
      "0123456789abcdef",
      "010101-12345",
      "U0FORGED",
      t.emulator.botToken,
      "test-secret-1234",
    ])
      expect(text).not.toContain(secret);
  });

  it("a request signed more than 5 minutes ago: the same line, its own reason", async () => {
    const res = await t.slack.command("/task", "14", {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(res.status).toBe(401);
    await logs.waitFor((l) => l.msg === REJECTED_MSG && l.reason === "stale_timestamp");
    expect(rejected().map((l) => l.reason)).toEqual(["signature_mismatch", "stale_timestamp"]);
  });
});
