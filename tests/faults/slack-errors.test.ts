/**
 * Slack failing in bursts: HTTP 500s and 429s (with Retry-After) on chat.postMessage while
 * reminders go out, and on reactions.add while replies arrive (each also delivered twice, as
 * Slack retries an event it thinks was lost). Nothing is lost and nothing is doubled.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findInstitution } from "../../db/institutions.ts";
import { listReplies } from "../../db/replies.ts";
import { findThread } from "../../db/threads.ts";
import { createSlackClient, type SlackClient } from "../../src/emulator/client.ts";
import { createLogger } from "../../src/logger.ts";
import { type Running, start } from "../../src/main.ts";
import { countOutcome, type FaultWorld, faultWorld, MAPPED, SECRET, until } from "./support.ts";

let w: FaultWorld;
let app: Running;
let slack: SlackClient;

beforeAll(async () => {
  w = await faultWorld();
  app = await start(w.config, { logger: createLogger("silent"), skipSeed: true });
  slack = createSlackClient({ appUrl: app.url, signingSecret: SECRET, emulator: w.emulator });
});
afterAll(async () => {
  await app?.stop();
  await w?.stop();
});

const failures = (method: string, status: number) =>
  w.emulator.calls.filter((c) => c.method === method && c.status === status).length;

describe("Slack answering 500 and 429 in bursts", () => {
  it("posts every reminder once", async () => {
    for (const spec of [
      { status: 500 },
      { error: "ratelimited", retryAfter: 1 },
      { status: 500 },
      { error: "ratelimited", retryAfter: 1 },
      { status: 503 },
    ] as const)
      w.emulator.failNext("chat.postMessage", spec);
    const cutoffId = await w.addCutoff(10 * 24 * 3600_000);
    await app.replan(cutoffId);
    await until(async () => {
      const o = await countOutcome(w, cutoffId);
      return o.expected === 3 && o.losses === 0;
    }, 60_000);
    expect(failures("chat.postMessage", 500) + failures("chat.postMessage", 503)).toBe(3);
    expect(failures("chat.postMessage", 429)).toBe(2);
    expect(await countOutcome(w, cutoffId)).toEqual({ expected: 3, duplicates: 0, losses: 0 });
  }, 90_000);

  it("stores every reply once, though reactions fail and events come twice", async () => {
    const cutoffId = await w.addCutoff(10 * 24 * 3600_000);
    await app.replan(cutoffId);
    const lm = await findInstitution(w.db, "LM");
    await until(async () => (await findThread(w.db, cutoffId, lm?.id ?? 0)) !== undefined);
    const thread = await findThread(w.db, cutoffId, lm?.id ?? 0);
    const contact = MAPPED[0];
    for (const spec of [
      { status: 500 },
      { error: "ratelimited", retryAfter: 1 },
      { status: 500 },
    ] as const)
      w.emulator.failNext("reactions.add", spec);
    const sent: string[] = [];
    for (let i = 0; i < 6; i++) {
      const ts = w.emulator.postAsUser({
        channelId: contact.channel,
        userId: contact.user,
        threadTs: thread?.threadTs,
        text: `14: solis ${i + 1}`,
      });
      const event = {
        type: "message",
        channel: contact.channel,
        user: contact.user,
        text: `14: solis ${i + 1}`,
        ts,
        event_ts: ts,
        thread_ts: thread?.threadTs,
        channel_type: "channel",
      };
      const eventId = `EvFAULT${cutoffId}x${i}`;
      const first = await slack.event(event, { eventId });
      const again = await slack.event(event, { eventId, retryNum: 1, retryReason: "http_error" });
      expect([first.status, again.status]).toEqual([200, 200]);
      sent.push(ts);
    }
    // Events are acknowledged before they are handled (Bolt answers Slack first).
    const stored = async () =>
      (await listReplies(w.db, cutoffId)).filter((r) => sent.includes(r.ts));
    await until(async () => (await stored()).length >= sent.length);
    expect((await stored()).map((r) => r.ts).sort()).toEqual([...sent].sort());
    expect(failures("reactions.add", 500) + failures("reactions.add", 429)).toBeGreaterThan(0);
    process.stdout.write(
      `Slack 500/429 bursts: ${sent.length} replies (each delivered twice) stored once each\n`,
    );
  }, 60_000);
});
