/**
 * Two digests built a moment apart never both list the same replies (a fresh user's finding:
 * `/digest` at 04:18:59 and the cut-off digest at 04:19:00 were both "kopš sākuma" with the same
 * three replies). The later starts where the earlier ended, even while the earlier is still on
 * its way to the working group (stored, not yet posted); a cut-off digest that would repeat one
 * about the same cut-off posted within the minute, with nothing new, is not posted and the log
 * says so at info. The real build-digest job, the emulator, a fixed clock; both stores.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildDigest } from "../../jobs/index.ts";
import type { DigestModel } from "../../src/digest/model.ts";
import { fixedClock } from "../../src/time.ts";
import { CUTOFF_AT, NOW, scriptStore } from "../digest/support.ts";
import { type JobWorld, jobWorld } from "../helpers/jobs.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { storeReply } from "./support/replies.ts";

const WG = "C0WG";
const clock = fixedClock(NOW);
let w: JobWorld;
let cutoffId: number;
let logs: LogWatch;

/** A stored digest's model and when it reached the working group. */
type Stored = DigestModel & { postedAt: string | null };

/** `NOW` plus `seconds` (UTC ISO). */
function at(seconds: number): string {
  return new Date(Date.parse(NOW) + seconds * 1000).toISOString();
}

beforeEach(async () => {
  clock.set(NOW);
  w = await jobWorld({ clock, config: { workgroupChannelId: WG } });
  logs = watchLogs();
  w.deps = { ...w.deps, logger: logs.logger };
  w.emulator.addChannel({ id: WG, name: "darba-grupa" });
  ({ currentId: cutoffId } = await scriptStore(w.db));
});
afterEach(async () => {
  await w.stop();
});

/** A `/digest` at `iso` whose delivery stops at the DOCX (stored, on its way, not posted). */
async function manualOnItsWay(iso: string): Promise<Stored> {
  clock.set(iso);
  w.emulator.failNext("files.completeUploadExternal", { error: "internal_error" });
  const data = { key: "manual-U0SEC-1", kind: "manual" as const, at: iso, requestedBy: "U0SEC" };
  await expect(buildDigest.process(data, w.deps)).rejects.toThrow();
  return stored("manual-U0SEC-1");
}

/** The cut-off digest's job at `iso`; returns what it did. */
async function cutoffDigest(iso: string): Promise<string> {
  clock.set(iso);
  const data: buildDigest.Data = {
    key: `cutoff-${cutoffId}`,
    kind: "cutoff",
    at: iso,
    requestedBy: "schedule",
    cutoffId,
    cutoffAt: CUTOFF_AT,
  };
  return buildDigest.process(data, w.deps);
}

async function stored(key: string): Promise<Stored> {
  const row = await w.db
    .selectFrom("digests")
    .select(["content", "posted_at"])
    .where("request_key", "=", key)
    .executeTakeFirstOrThrow();
  return { ...(JSON.parse(row.content) as DigestModel), postedAt: row.posted_at };
}

function parents(): number {
  return w.emulator.messagesIn(WG).filter((m) => m.thread_ts === undefined).length;
}

describe("two digests a second apart", () => {
  it("the cut-off digest starts where a /digest still on its way ended", async () => {
    const first = await manualOnItsWay(at(-1));
    expect(first.since).toBeNull();
    expect(first.postedAt).toBeNull();
    expect(first.replies.length).toBeGreaterThan(0);
    await storeReply(w.db, {
      code: "LM",
      cutoffId,
      task: "2",
      channelId: "C0LM",
      ts: "1800000001.000100",
      userId: "U0LMOK",
      text: "Tikko",
      verified: true,
      receivedAt: at(-0.5),
    });

    expect(await cutoffDigest(NOW)).toBe("posted");
    const second = await stored(`cutoff-${cutoffId}`);
    expect(second.since).toBe(first.builtAt);
    expect(second.previous?.builtAt).toBe(first.builtAt);
    expect(second.replies.map((r) => r.excerpt)).toEqual(["Tikko"]);
  });

  it("a cut-off digest with nothing new after one posted within the minute is not posted", async () => {
    await manualOnItsWay(at(-1));
    const before = parents();
    expect(await cutoffDigest(NOW)).toBe("skipped");
    expect(parents()).toBe(before);
    const line = await logs.waitFor((l) => String(l.msg).startsWith("digest skipped"));
    expect(line).toMatchObject({ level: 30, key: `cutoff-${cutoffId}` });
    // The job run again (a retry, the planner at start) skips it again.
    expect(await cutoffDigest(at(120))).toBe("skipped");
    expect(parents()).toBe(before);
  });

  it("after the minute, the cut-off digest is posted even with nothing new", async () => {
    clock.set(at(-61));
    const data = {
      key: "manual-U0SEC-2",
      kind: "manual" as const,
      at: at(-61),
      requestedBy: "U0SEC",
    };
    expect(await buildDigest.process(data, w.deps)).toBe("posted");
    expect(await cutoffDigest(NOW)).toBe("posted");
    const second = await stored(`cutoff-${cutoffId}`);
    expect([second.since, second.replies]).toEqual([at(-61), []]);
  });

  it("a /digest never posted (its delivery failed over a minute ago) is no previous", async () => {
    const first = await manualOnItsWay(at(-61));
    expect(await cutoffDigest(NOW)).toBe("posted");
    const second = await stored(`cutoff-${cutoffId}`);
    expect(second.since).toBeNull();
    expect(second.replies.length).toBe(first.replies.length);
  });
});
