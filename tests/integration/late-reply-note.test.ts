/**
 * Through the real app (signed Events API callbacks and interactions in, Web API calls out to
 * the emulator): a reply received after its cut-off's time is stored and its author is told,
 * privately, that it is kept and marked "(pēc ziņošanas termiņa)", naming the cut-off and its
 * time in Riga — in a thread and through the "Submit update" form, in the person's language. A
 * reply in time gets no such note. Waits on the emulator's records and the app's log lines.
 */
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { findCutoff } from "../../db/cutoffs.ts";
import { isCall } from "../../src/emulator/server.ts";
import { formatInstant } from "../../src/slack/format.ts";
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
const { thread, reply, byForm, notesIn } = replySteps(() => ({ t, logs }), "C0LATE");

/** An LM reminder thread whose cut-off passed a day ago (planned 61 days back). */
async function passedThread(channel: string, tasks: string[]): Promise<ThreadFixture> {
  const now = DateTime.utc().minus({ days: 61 }).toISO();
  return reminderThread(
    { db: t.app.db, emulator: t.emulator },
    { code: "LM", channel, tasks, now },
  );
}

/** The cut-off's time as the note says it, in Riga, in `locale`. */
async function cutoffTime(f: ThreadFixture, locale: "lv" | "en"): Promise<string> {
  const cutoff = await findCutoff(t.app.db, f.cutoffId);
  if (!cutoff) throw new Error("no cut-off");
  return formatInstant(cutoff.at, t.config.timezone, locale);
}

/** Waits for a private note to `user` in the thread's channel containing `words`. */
const noteTo = (f: ThreadFixture, user: string, words: string) =>
  t.emulator.waitFor(
    isCall(
      "chat.postEphemeral",
      (c) =>
        c.args.user === user && c.args.channel === f.channel && String(c.args.text).includes(words),
    ),
    APP_WAIT_MS,
  );

describe("a reply after its cut-off's time", () => {
  it(
    "is stored, and its author is told it is kept and marked late (lv)",
    async () => {
      const f = await passedThread("C0LATEA1", ["5", "14"]);
      const note = noteTo(f, PEOPLE.anna, "jau bija pagājis");
      const { stored } = await reply(f, "14: Grozījumi iesniegti Saeimā.");
      expect(stored?.taskId).not.toBeNull();
      const text = String((await note).args.text);
      expect(text).toContain(`ziņošanas termiņš #${f.cutoffId} (${await cutoffTime(f, "lv")})`);
      expect(text).toContain("„pēc ziņošanas termiņa”");
    },
    LIMIT.timeout,
  );

  it(
    "through the form too, in the person's language (en)",
    async () => {
      const f = await passedThread("C0LATEB1", ["5"]);
      const note = noteTo(f, PEOPLE.janis, "had already passed");
      await byForm(f, "5", "Done in January.", PEOPLE.janis);
      const text = String((await note).args.text);
      expect(text).toContain(`reporting cut-off #${f.cutoffId} (${await cutoffTime(f, "en")})`);
      expect(text).toContain("“after the reporting cut-off”");
    },
    LIMIT.timeout,
  );

  it(
    "a reply in time gets no such note",
    async () => {
      const f = await thread(["5"]);
      await reply(f, "5: Izpildīts.");
      await byForm(f, "5", "Papildinājums.");
      // The form's confirmation is the last thing the app sends for it: after it, no note comes.
      await t.emulator.waitFor(
        isCall("chat.postMessage", (c) => c.args.channel === f.channel && c.ok),
        APP_WAIT_MS,
      );
      expect(notesIn(f).join("\n")).not.toContain("jau bija pagājis");
    },
    LIMIT.timeout,
  );
});
