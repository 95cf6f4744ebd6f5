/**
 * A `worker` process killed with SIGKILL at random moments while it sends reminders, many
 * times over: before it starts, as Slack receives a post (before the worker hears back), and
 * shortly after. A second worker takes over once the dead one's job locks expire. Every due
 * reminder must be posted exactly once: duplicates and losses are counted and printed.
 * FAULT_KILL_TRIALS (default 50) and FAULT_SEED (printed) make a run repeatable.
 */
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listReminders } from "../../db/reminders.ts";
import { isCall } from "../../src/emulator/server.ts";
import { createLogger } from "../../src/logger.ts";
import { redisChannelGate } from "../../src/reminders/channel-gate.ts";
import { createJobWebClient } from "../../src/slack/web.ts";
import { systemClock } from "../../src/time.ts";
import { createWorker } from "../../src/worker.ts";
import { countOutcome, type FaultWorld, faultWorld, spawnCli, until } from "./support.ts";

const TRIALS = Number(process.env.FAULT_KILL_TRIALS ?? 50);
const SEED = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** mulberry32: a small seeded generator, so a failing run can be replayed with FAULT_SEED. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let w: FaultWorld;
beforeAll(async () => {
  w = await faultWorld();
});
afterAll(async () => {
  await w?.stop();
});

describe("a worker killed with SIGKILL while sending reminders", () => {
  it(`posts every reminder exactly once over ${TRIALS} trials`, async () => {
    const rnd = random(SEED);
    const totals = { trials: 0, reminders: 0, duplicates: 0, losses: 0, sending: 0 };
    const moments: Record<string, number> = { early: 0, "on arrival": 0, after: 0 };
    for (let trial = 0; trial < TRIALS; trial++) {
      // Ten days ahead: each institution's 14-day reminder is due now.
      const cutoffId = await w.addCutoff(10 * 24 * 3600_000);
      await w.replan(cutoffId);
      const worker = spawnCli(["worker"], w.env());
      const moment = (["early", "on arrival", "after"] as const)[trial % 3] ?? "early";
      moments[moment] = (moments[moment] ?? 0) + 1;
      if (moment === "early") {
        await new Promise((resolve) => setTimeout(resolve, rnd() * 2_500));
      } else {
        await w.emulator
          .waitFor(
            isCall(
              "chat.postMessage",
              (c) =>
                (c.args.metadata as { event_payload?: { cutoff_id?: number } } | undefined)
                  ?.event_payload?.cutoff_id === cutoffId,
            ),
            20_000,
            { includePast: true },
          )
          .catch(() => undefined);
        if (moment === "after") await new Promise((resolve) => setTimeout(resolve, rnd() * 100));
      }
      worker.child.kill("SIGKILL");
      await worker.exited;
      // Left "sending": killed between recording the intent and recording Slack's answer.
      totals.sending += (await listReminders(w.db, cutoffId)).filter(
        (r) => r.state === "sending",
      ).length;
      await rescue(cutoffId);
      const outcome = await countOutcome(w, cutoffId);
      totals.trials++;
      totals.reminders += outcome.expected;
      totals.duplicates += outcome.duplicates;
      totals.losses += outcome.losses;
    }
    process.stdout.write(
      `worker SIGKILL: ${totals.trials} trials (${Object.entries(moments)
        .map(([k, v]) => `${v} ${k}`)
        .join(
          ", ",
        )}), ${totals.reminders} reminders due: ${totals.duplicates} duplicates, ${totals.losses} losses; ${totals.sending} were left mid-send (FAULT_SEED=${SEED})\n`,
    );
    expect(totals.reminders).toBe(TRIALS * 3);
    expect(totals.duplicates).toBe(0);
    expect(totals.losses).toBe(0);
  }, 600_000);
});

/** Another worker (in this process) finishes what the dead one left: stalled jobs after 1 s. */
async function rescue(cutoffId: number): Promise<void> {
  const connection = new Redis(w.redis.url, { maxRetriesPerRequest: null });
  const worker = createWorker(
    {
      db: w.db,
      config: w.config,
      clock: systemClock,
      logger: createLogger("silent"),
      slack: createJobWebClient(w.emulator.botToken, w.emulator.apiUrl),
      gate: redisChannelGate(w.connection, w.prefix),
    },
    connection,
    { prefix: w.prefix, lockDurationMs: 1_000, stalledIntervalMs: 500 },
  );
  try {
    await until(async () => {
      const due = (await listReminders(w.db, cutoffId)).filter(
        (r) => r.scheduledAt <= new Date().toISOString() && r.state !== "skipped",
      );
      return due.length === 3 && due.every((r) => r.state === "sent");
    }, 30_000);
  } finally {
    await worker.close();
    connection.disconnect();
  }
}
