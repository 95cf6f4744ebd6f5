/**
 * The collection job stores a reply Slack never delivered and the thread's root catches up even
 * when Slack answers the root's chat.update with a 429: the collection asks for the refresh-root
 * job (through the real worker), which waits `Retry-After` and updates the root. Before, the
 * collection updated the root itself and only logged the 429, so the root kept "Atbildes vēl
 * nav." until the thread changed again. Waits on the emulator's records and the root, not time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listNamedReplies } from "../../db/replies.ts";
import { collect, jobIds } from "../../jobs/index.ts";
import { isCall } from "../../src/emulator/server.ts";
import { reminderText } from "../../src/i18n/reminder.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { addPeople, PEOPLE, reminderThread, type ThreadFixture } from "../replies/support.ts";

const REPLY = "14: Pārbaudīti 12 komersanti, 3 licences anulētas.";
let t: TestApp;
let logs: LogWatch;
let f: ThreadFixture;

beforeAll(async () => {
  logs = watchLogs();
  t = await startTestApp({ logger: logs.logger });
  addPeople(t.emulator);
  f = await reminderThread(
    { db: t.app.db, emulator: t.emulator },
    { code: "LM", channel: "C0LMROOT429", tasks: ["2", "14"] },
  );
});
afterAll(async () => {
  await t?.stop();
});

/** The root message's blocks as JSON, as the channel now holds it. */
function rootNow(): string {
  const root = t.emulator.messagesIn(f.channel).find((m) => m.ts === f.threadTs);
  return JSON.stringify(root?.blocks ?? []);
}

const rootUpdate = (ok: boolean) =>
  isCall(
    "chat.update",
    (c) => c.args.ts === f.threadTs && c.args.channel === f.channel && c.ok === ok,
  );

describe("the collection job's root refresh", { timeout: 30_000 }, () => {
  it("hits a 429 on chat.update, and the root still catches up (refresh-root waits Retry-After)", async () => {
    // A reply written while no event reached the app: only the collection finds it.
    const ts = t.emulator.postAsUser({
      channelId: f.channel,
      userId: PEOPLE.anna,
      threadTs: f.threadTs,
      text: REPLY,
    });
    t.emulator.failNext("chat.update", { error: "ratelimited", retryAfter: 1 });
    const limited = t.emulator.waitFor(rootUpdate(false), 10_000);
    const updated = t.emulator.waitFor(rootUpdate(true), 15_000);

    const queue = t.app.queue;
    if (!queue) throw new Error("no queue");
    const data: collect.Data = { trigger: "manual", at: new Date().toISOString() };
    await queue.add(collect.name, data, { jobId: jobIds[collect.name](data) });

    const refused = await limited;
    expect(refused.status).toBe(429);
    await updated;
    const replies = await listNamedReplies(t.app.db, f.cutoffId);
    expect(replies.map((r) => [r.ts, r.taskNumber, r.source])).toEqual([[ts, "14", "collect"]]);
    const root = rootNow();
    expect(root).toContain("Pārbaudīti 12 komersanti, 3 licences anulētas.");
    // Task 2 still waits; task 14 no longer does.
    expect(root.split(reminderText("lv").noReplyYet)).toHaveLength(2);
    // The 429 was waited out and retried, not logged and dropped.
    expect(logs.lines.some((l) => l.msg === "reminder thread root not updated")).toBe(false);
  });
});
