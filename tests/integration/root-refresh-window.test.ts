/**
 * A refresh of a thread's root is added already delayed until its window closes, so it is never
 * active while requests of the same window arrive (BullMQ's keepLastIfActive would keep such a
 * request as the next job under the same job id, and its requeue would overwrite the completed
 * job's record). Through the real app (its queue and worker, signed Events API replies) against
 * the emulator: a refresh asked for a window closing a few seconds ahead waits delayed; two
 * replies and a second request of the same window meanwhile join it; one chat.update of the root
 * follows, showing the newest reply. Waits on job state and log lines, never on time.
 */
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { enqueueJob } from "../../jobs/index.ts";
import { type Data, jobId, name } from "../../jobs/refresh-root.ts";
import { isCall } from "../../src/emulator/server.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { addPeople, PEOPLE, reminderThread, type ThreadFixture } from "../replies/support.ts";

const FIRST = "14: Pirmā atbilde – pārbaudes sāktas.";
const SECOND = "14: Otrā atbilde – pārbaudes pabeigtas.";
/** How far ahead the test's window closes: room for two replies to be stored before it. */
const AHEAD_MS = 8_000;

let t: TestApp;
let logs: LogWatch;
let f: ThreadFixture;

beforeAll(async () => {
  logs = watchLogs("debug");
  t = await startTestApp({ logger: logs.logger });
  addPeople(t.emulator);
  f = await reminderThread(
    { db: t.app.db, emulator: t.emulator },
    { code: "LM", channel: "C0LMWINDOW", tasks: ["14"] },
  );
});
afterAll(async () => {
  await t?.stop();
});

async function reply(text: string): Promise<void> {
  const { ts } = await t.slack.userMessage({
    channelId: f.channel,
    threadTs: f.threadTs,
    text,
    userId: PEOPLE.anna,
  });
  await logs.waitFor((l) => l.msg === "reply stored" && l.ts === ts);
}

const rootUpdates = () =>
  t.emulator.calls.filter((c) => isCall("chat.update", (u) => u.args.ts === f.threadTs)(c));

describe("a root refresh's window", { timeout: 40_000 }, () => {
  it("is waited out delayed: requests of the window join the one job and one chat.update shows the newest reply", async () => {
    const queue = t.app.queue;
    if (!queue) throw new Error("the test app has no queue");
    const notBefore = DateTime.utc().plus({ milliseconds: AHEAD_MS }).toISO() ?? "";
    const data: Data = { cutoffId: f.cutoffId, institutionId: f.institutionId, notBefore };
    const id = jobId(data);

    expect(await enqueueJob(queue, name, data)).toBe(id);
    // Added delayed: never active before its window closes.
    expect(await queue.getJobState(id)).toBe("delayed");

    await reply(FIRST);
    // A second request of the same window while the first waits: the same job.
    expect(await enqueueJob(queue, name, data)).toBe(id);
    await reply(SECOND);
    // The replies' own requests were folded into the waiting job too.
    expect(await queue.getJobState(id)).toBe("delayed");
    expect(rootUpdates()).toHaveLength(0);

    await vi.waitFor(
      async () => {
        expect(await queue.getJobState(id)).toBe("completed");
      },
      { timeout: 30_000, interval: 200 },
    );
    const updates = rootUpdates();
    expect(updates).toHaveLength(1);
    const root = JSON.stringify(
      t.emulator.messagesIn(f.channel).find((m) => m.ts === f.threadTs)?.blocks ?? [],
    );
    expect(root).toContain("Otrā atbilde – pārbaudes pabeigtas.");
  });
});
