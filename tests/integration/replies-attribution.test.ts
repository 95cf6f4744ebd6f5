/**
 * Which task a thread reply is filed under, and what its author is told, through the real app:
 * signed Events API callbacks in, Web API calls out to the emulator, replies in the store.
 * Waits on the emulator's records and the app's log lines, never on time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findReplyByMessage, listNamedReplies } from "../../db/replies.ts";
import { replyBody } from "../../src/domain/attribution.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { addPeople, PEOPLE, reminderThread, type ThreadFixture } from "../replies/support.ts";

let t: TestApp;
let logs: LogWatch;
let channels = 0;

beforeAll(async () => {
  logs = watchLogs("debug");
  t = await startTestApp({ logger: logs.logger });
  addPeople(t.emulator);
});
afterAll(async () => {
  await t?.stop();
});

/** A fresh LM reminder thread in its own channel, scoped to `tasks`. */
function thread(tasks: string[]): Promise<ThreadFixture> {
  channels++;
  return reminderThread(
    { db: t.app.db, emulator: t.emulator },
    { code: "LM", channel: `C0LMA${channels}`, tasks },
  );
}

/** Posts a thread reply as `user` (stored in the emulator, event sent) and waits until it is stored. */
async function reply(f: ThreadFixture, text: string, user: string = PEOPLE.anna) {
  const { ts } = await t.slack.userMessage({
    channelId: f.channel,
    threadTs: f.threadTs,
    text,
    userId: user,
  });
  await logs.waitFor((l) => l.msg === "reply stored" && l.ts === ts);
  return { ts, stored: await findReplyByMessage(t.app.db, f.channel, ts) };
}

async function taskOf(f: ThreadFixture, ts: string): Promise<string | null | undefined> {
  return (await listNamedReplies(t.app.db, f.cutoffId)).find((r) => r.ts === ts)?.taskNumber;
}

/** Private notes (ephemerals) the app showed in the thread's channel, oldest first. */
function notesIn(f: ThreadFixture): string[] {
  return t.emulator.ephemerals.filter((e) => e.channel === f.channel).map((e) => String(e.text));
}

describe("Latvian ways of naming a task", () => {
  it.each([
    ["14.punkts – izpildīts", "izpildīts"],
    ["14. punkts: apmācīti 40 speciālisti", "apmācīti 40 speciālisti"],
    ["Par 14. uzdevumu: izpildīts", "izpildīts"],
    ["14. uzdevums: izpildīts", "izpildīts"],
  ])("%j is filed under task 14 without a prompt, shown as %j", async (text, body) => {
    const f = await thread(["2", "14", "19"]);
    const { ts, stored } = await reply(f, text);
    expect(await taskOf(f, ts)).toBe("14");
    expect(stored?.text).toBe(text);
    expect(replyBody(stored?.text ?? "", "14")).toBe(body);
    expect(notesIn(f)).toEqual([]);
  });
});
