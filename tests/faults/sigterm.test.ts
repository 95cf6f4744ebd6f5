/**
 * SIGTERM while work is in flight: `serve` (receiver and worker in one process) is stopped
 * while Slack is slow to answer its reminder posts. It stops in order (receiver → worker →
 * queue → Redis → store), letting the jobs in flight finish; nothing stays active in the
 * queue, and a new process sends whatever was left, each reminder once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listReminders } from "../../db/reminders.ts";
import { isCall } from "../../src/emulator/server.ts";
import { freePort } from "../../src/redis-server.ts";
import {
  type CliChild,
  countOutcome,
  type FaultWorld,
  faultWorld,
  healthy,
  spawnCli,
  until,
} from "./support.ts";

let w: FaultWorld;
const children: CliChild[] = [];
beforeAll(async () => {
  w = await faultWorld();
});
afterAll(async () => {
  for (const c of children) c.child.kill("SIGKILL");
  await w?.stop();
});

const cutoffOf = (c: { args: Record<string, unknown> }) =>
  (c.args.metadata as { event_payload?: { cutoff_id?: number } } | undefined)?.event_payload
    ?.cutoff_id;

describe("SIGTERM during work", () => {
  it("lets jobs in flight finish, leaves nothing active, and the rest is sent once", async () => {
    const cutoffs = [
      await w.addCutoff(10 * 24 * 3600_000),
      await w.addCutoff(10 * 24 * 3600_000 + 60_000),
    ];
    for (const id of cutoffs) await w.replan(id);
    // Slack takes 3 s to answer the first two posts: they are in flight when SIGTERM comes.
    w.emulator.slowNext("chat.postMessage", 3_000);
    w.emulator.slowNext("chat.postMessage", 3_000);
    const port = await freePort();
    const serve = spawnCli(["serve"], w.env({ PORT: String(port), LOG_LEVEL: "info" }));
    children.push(serve);
    await healthy(`http://127.0.0.1:${port}`);
    const first = await w.emulator.waitFor(
      isCall("chat.postMessage", (c) => cutoffs.includes(cutoffOf(c) ?? -1)),
      20_000,
      { includePast: true },
    );
    serve.child.kill("SIGTERM");
    expect(await serve.exited).toBe(0);
    expect(serve.output()).toContain('"msg":"stopping"');

    // The post in flight was answered and recorded before the process ended.
    const inFlight = Number(
      (first.args.metadata as { event_payload?: { reminder_id?: number } }).event_payload
        ?.reminder_id,
    );
    const rows = (await Promise.all(cutoffs.map((id) => listReminders(w.db, id)))).flat();
    expect(rows.find((r) => r.id === inFlight)?.state).toBe("sent");
    expect(rows.filter((r) => r.state === "sending")).toEqual([]);
    expect(await w.queue.getActiveCount()).toBe(0);

    const again = spawnCli(["worker"], w.env());
    children.push(again);
    await until(async () => {
      const o = await Promise.all(cutoffs.map((id) => countOutcome(w, id)));
      return o.every((x) => x.expected === 3 && x.losses === 0);
    }, 60_000);
    again.child.kill("SIGTERM");
    expect(await again.exited).toBe(0);
    expect(await w.queue.getActiveCount()).toBe(0);
    for (const id of cutoffs)
      expect(await countOutcome(w, id)).toEqual({ expected: 3, duplicates: 0, losses: 0 });
  }, 120_000);
});
