/**
 * What a fresh user found in reminder threads, through the real app: signed Events API
 * callbacks in, Web API calls out to the emulator, replies in the store. A reply naming tasks
 * both in and not in the reminder, how such a reply is shown, a reply that is only a task
 * number, an edit naming a task not in the reminder, and a message in the digest's thread.
 * Waits on the emulator's records and the app's log lines, never on time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { addPeople, buttonsOf, ephemeralTo, PEOPLE, replySteps } from "../replies/support.ts";

let t: TestApp;
let logs: LogWatch;

beforeAll(async () => {
  logs = watchLogs("debug");
  t = await startTestApp({ logger: logs.logger });
  addPeople(t.emulator);
});
afterAll(async () => {
  await t?.stop();
});
const { thread, reply, taskOf } = replySteps(() => ({ t, logs }), "C0FND");

describe("a reply naming a task not in the reminder before one that is", () => {
  it.each([["2: apmācības notiek; 14: licences pārbaudītas"], ["2 un 14 – kopā"]])(
    "%j is stored whole under 14; the author hears 14 got it and 2 is not in the reminder",
    async (text) => {
      const f = await thread(["5", "14"]);
      const told = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel));
      const { ts, stored } = await reply(f, text);
      expect(stored?.text).toBe(text);
      expect(await taskOf(f, ts)).toBe("14");
      const note = await told;
      expect(String(note.args.text)).toBe(
        "✅ Atbilde pievienota uzdevumam *14*. Uzdevuma *2* šajā atgādinājumā nav.",
      );
      expect(buttonsOf(note.args.blocks)).toEqual([]);
    },
  );

  it("'2, 99: nav' names both missing tasks and asks which task, with the buttons", async () => {
    const f = await thread(["5", "14"]);
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel));
    const { ts, stored } = await reply(f, "2, 99: nav");
    expect(await taskOf(f, ts)).toBeNull();
    const note = await told;
    expect(String(note.args.text)).toBe(
      "Uzdevumu *2* un *99* šajā atgādinājumā nav. Atbilde saglabāta. Pie kura uzdevuma to pievienot?",
    );
    expect(String(JSON.stringify(note.args.blocks))).toContain(
      "Uzdevumu *2* un *99* šajā atgādinājumā nav. Pie kura uzdevuma pievienot šo atbildi?",
    );
    expect(buttonsOf(note.args.blocks).map((b) => b.value)).toEqual(
      ["5", "14"].map((n) => `${stored?.id}:${n}`),
    );
  });
});
