/**
 * A reply in one cut-off's reminder thread naming a task that this reminder does not ask the
 * institution about, but that another live cut-off's reminder does (LM: #1 passed asks 5, #2
 * ahead asks 14): its author is told, privately, where to answer it — "Uzdevums *14* tiek
 * prasīts termiņa #2 atgādinājumā — lūdzu, atbildiet tur: <…|atvērt>." (English too), the link
 * being #2's reminder thread's root — whether the reply is left unassigned (with the buttons)
 * or filed under a task it names too. After #1's time it gets the "kept and marked late" note
 * either way: left unassigned it is marked late in the digest, and under a task once filed.
 * Real app, signed Events API callbacks, the emulator; SQLite or PostgreSQL (TEST_DATABASE).
 */
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { isCall } from "../../src/emulator/server.ts";
import { messageLink } from "../../src/slack/render-task-cutoff.ts";
import type { TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import {
  APP_WAIT_MS,
  PEOPLE,
  reminderThread,
  replySteps,
  type ThreadFixture,
} from "../replies/support.ts";
import { findingsAppHooks } from "./support/findings.ts";

const LIMIT = { timeout: 120_000 };
let t: TestApp;
let logs: LogWatch;
findingsAppHooks((app) => ({ t, logs } = app));
beforeAll(() => chooseLanguage(t, PEOPLE.janis, "en"), LIMIT.timeout);
const { reply, taskOf } = replySteps(() => ({ t, logs }), "C0ELSE");

/**
 * LM's reminder threads for two cut-offs, each in its own channel: #1 passed a day ago asking
 * `passed`, #2 sixty days ahead asking `ahead`.
 */
async function twoThreads(
  channel: string,
  passed: string[],
  ahead: string[],
): Promise<{ one: ThreadFixture; two: ThreadFixture }> {
  const env = { db: t.app.db, emulator: t.emulator };
  const now = DateTime.utc().minus({ days: 61 }).toISO();
  const one = await reminderThread(env, { code: "LM", channel: `${channel}A`, tasks: passed, now });
  const two = await reminderThread(env, { code: "LM", channel: `${channel}B`, tasks: ahead });
  return { one, two };
}

/** Waits for a private note to `user` in `f`'s channel containing `words`. */
const noteTo = (f: ThreadFixture, user: string, words: string) =>
  t.emulator.waitFor(
    isCall(
      "chat.postEphemeral",
      (c) =>
        c.args.user === user && c.args.channel === f.channel && String(c.args.text).includes(words),
    ),
    APP_WAIT_MS,
  );

/** #1 (passed, asks 5) and #2 (ahead, asks 14): made by the first case that points to #2. */
let pair: { one: ThreadFixture; two: ThreadFixture } | undefined;

describe("a reply naming a task another live cut-off asks about", () => {
  // First: no live cut-off asks 14 yet (the later cases' #2 would).
  it(
    "no other cut-off asks it: no pointer, as before",
    async () => {
      const { one } = await twoThreads("C0ELSE0", ["5"], ["2"]);
      const told = noteTo(one, PEOPLE.anna, "šajā atgādinājumā nav");
      await reply(one, "14: apmācības notika");
      expect(String((await told).args.text)).not.toContain("tiek prasīts");
    },
    LIMIT.timeout,
  );

  it(
    "left unassigned: points to that cut-off's thread, with the buttons; no late note, as it answers no task (lv)",
    async () => {
      pair = await twoThreads("C0ELSE1", ["5"], ["14"]);
      const { one, two } = pair;
      const link = messageLink(two.channel, two.threadTs);
      const told = noteTo(one, PEOPLE.anna, "tiek prasīts");
      const { ts, stored } = await reply(one, "14: apmācības notika");
      expect(stored).toBeDefined();
      expect(await taskOf(one, ts)).toBeNull();
      const note = await told;
      const text = String(note.args.text);
      expect(text).toContain(
        `Uzdevums *14* tiek prasīts termiņa #${two.cutoffId} atgādinājumā — lūdzu, atbildiet tur: <${link}|atvērt>.`,
      );
      expect(text).toContain("Uzdevuma *14* šajā atgādinājumā nav.");
      expect(JSON.stringify(note.args.blocks)).toContain('"type":"button"');
      // The late note would come before the prompt: filed under no task, none is sent.
      expect(
        t.emulator.ephemerals.filter((e) => e.channel === one.channel).map((e) => String(e.text)),
      ).not.toContainEqual(expect.stringContaining("jau bija pagājis"));
    },
    LIMIT.timeout,
  );

  it(
    "filed under a task it names too: the filed note points there, and the late note comes (en)",
    async () => {
      if (!pair) throw new Error("the previous case made no threads");
      const { one, two } = pair;
      const link = messageLink(two.channel, two.threadTs);
      const told = noteTo(one, PEOPLE.janis, "is asked in cut-off");
      const late = noteTo(one, PEOPLE.janis, "had already passed");
      const { ts } = await reply(one, "5: done; 14: done", PEOPLE.janis);
      expect(await taskOf(one, ts)).toBe("5");
      expect(String((await told).args.text)).toContain(
        `Task *14* is asked in cut-off #${two.cutoffId}'s reminder — please answer there: <${link}|open>.`,
      );
      expect(String((await late).args.text)).toContain(`reporting cut-off #${one.cutoffId}`);
    },
    LIMIT.timeout,
  );
});
