/**
 * The collection job's processor with real collaborators (SQLite with the report, the emulator,
 * a private Redis): paging, idempotence, edits caught up, which threads are read, and errors.
 */
import { DateTime } from "luxon";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { removeCutoff } from "../../db/cutoffs.ts";
import { listNamedReplies, replyHistory } from "../../db/replies.ts";
import { findThread } from "../../db/threads.ts";
import { collect } from "../../jobs/index.ts";
import { fixedClock } from "../../src/time.ts";
import { type JobWorld, jobWorld } from "../helpers/jobs.ts";
import { addPeople, PEOPLE, reminderThread } from "./support.ts";

const NOW = "2026-11-29T12:00:00.000Z";
let w: JobWorld;

beforeEach(async () => {
  w = await jobWorld({ clock: fixedClock(NOW) });
  addPeople(w.emulator);
});
afterEach(async () => {
  await w.stop();
});

const thread = (channel: string, tasks: string[], now = NOW) =>
  reminderThread({ db: w.db, emulator: w.emulator }, { code: "LM", channel, tasks, now });

const post = (channel: string, threadTs: string, text: string, userId: string = PEOPLE.anna) =>
  w.emulator.postAsUser({ channelId: channel, threadTs, text, userId });

const run = () => collect.process({ trigger: "manual" }, w.deps);

describe("collect", () => {
  it("reads every page of a long thread and stores each reply once, however often it runs", async () => {
    const f = await thread("C0LONG", ["14"]);
    const posted = Array.from({ length: 205 }, (_, i) =>
      post(f.channel, f.threadTs, `14: ziņa ${i}`),
    );
    const first = await run();
    expect(first).toMatchObject({ threads: 1, messages: 206, created: 205, skipped: [] });
    const pages = w.emulator.calls.filter((c) => c.method === "conversations.replies");
    expect(pages).toHaveLength(2);
    expect(await run()).toMatchObject({ created: 0, edited: 0 });
    const replies = await listNamedReplies(w.db, f.cutoffId);
    expect(replies.map((r) => r.ts)).toEqual(posted);
    expect(replies.every((r) => r.taskNumber === "14" && r.source === "collect")).toBe(true);
    const reactions = w.emulator.calls.filter((c) => c.method === "reactions.add");
    expect(reactions).toHaveLength(205);
    expect((await findThread(w.db, f.cutoffId, f.institutionId))?.collectedAt).toBe(NOW);
  });

  it("catches up a text edited while no event arrived, keeping the earlier one", async () => {
    const f = await thread("C0EDIT", ["14"]);
    const ts = post(f.channel, f.threadTs, "14: pirmais teksts");
    await run();
    const message = w.emulator.messagesIn(f.channel).find((m) => m.ts === ts);
    if (message) message.text = "14: labotais teksts";
    expect(await run()).toMatchObject({ created: 0, edited: 1 });
    const [reply] = await listNamedReplies(w.db, f.cutoffId);
    expect(reply?.text).toBe("14: labotais teksts");
    expect((await replyHistory(w.db, reply?.id ?? 0)).map((h) => h.text)).toEqual([
      "14: pirmais teksts",
    ]);
  });

  it("reads only threads of cut-offs not removed and at most 30 days past", async () => {
    const old = await thread(
      "C0OLD",
      ["14"],
      DateTime.fromISO(NOW).minus({ days: 91 }).toISO() ?? "",
    );
    const recent = await thread(
      "C0RECENT",
      ["14"],
      DateTime.fromISO(NOW).minus({ days: 89 }).toISO() ?? "",
    );
    const removed = await thread("C0REMOVED", ["14"]);
    await removeCutoff(w.db, removed.cutoffId, NOW);
    for (const f of [old, recent, removed]) post(f.channel, f.threadTs, "14: atbilde");
    expect(await run()).toMatchObject({ threads: 1, created: 1 });
    const read = w.emulator.calls.filter((c) => c.method === "conversations.replies");
    expect(read.map((c) => c.args.channel)).toEqual(["C0RECENT"]);
  });

  it("makes no Slack call when no thread is open", async () => {
    expect(await run()).toMatchObject({ threads: 0, messages: 0 });
    expect(w.emulator.calls).toEqual([]);
  });

  it("skips a thread it may not read and still reads the others", async () => {
    const gone = await thread("C0GONE", ["14"]);
    const fine = await thread("C0FINE", ["14"]);
    post(fine.channel, fine.threadTs, "14: atbilde");
    w.emulator.addChannel({ id: gone.channel, name: "gone", botIsMember: false });
    const summary = await run();
    expect(summary).toMatchObject({ threads: 1, created: 1 });
    expect(summary.skipped).toEqual([`C0GONE/${gone.threadTs}: not_in_channel`]);
  });

  it("throws on a transient Slack failure or a 429 outside a worker, so BullMQ retries", async () => {
    await thread("C0FLAKY", ["14"]);
    w.emulator.failNext("conversations.replies", { status: 503 });
    await expect(run()).rejects.toThrow();
    w.emulator.failNext("conversations.replies", { error: "ratelimited", retryAfter: 3 });
    await expect(run()).rejects.toMatchObject({ code: "slack_webapi_rate_limited_error" });
    expect(await run()).toMatchObject({ threads: 1 });
  });
});
