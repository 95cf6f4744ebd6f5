/**
 * Reply notes around headings and other cut-offs (a fresh user's and a reviewer's findings):
 * - "13: …" naming a heading (13 has sub-tasks 13.1–13.4 and no status of its own) in a
 *   reminder that asks LM about 13.3 says 13 is a heading and names 13.3 — start with
 *   "13.3: …" or choose below (the assign buttons) — instead of "Uzdevuma *13* šajā
 *   atgādinājumā nav";
 * - the assign prompt's notification preview (the `text` of the ephemeral) with the "asked
 *   elsewhere" pointer says "saved" once;
 * - an edit coming to name a task another live cut-off asks about points to that cut-off's
 *   thread, as a new reply does; naming only that task, it takes the reply off its task (kept
 *   under none, tests/integration/replies-edit-not-asked.test.ts) and asks which task.
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
  buttonsOf,
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
const { reply, thread, edit, notesIn, taskOf } = replySteps(() => ({ t, logs }), "C0HEAD");

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

describe("a reply naming a heading whose sub-task this reminder asks about", () => {
  it(
    "says 13 is a heading and names 13.3, with the buttons (lv)",
    async () => {
      const f = await thread(["5", "13.3"]);
      const told = noteTo(f, PEOPLE.anna, "virsraksts");
      const { ts } = await reply(f, "13: apmācības notika");
      expect(await taskOf(f, ts)).toBeNull();
      const note = await told;
      const text = String(note.args.text);
      expect(text).toContain(
        "*13* ir virsraksts, nevis uzdevums; šajā atgādinājumā ir tā apakšuzdevums *13.3* — sāciet atbildi ar „13.3: …” vai izvēlieties to zemāk.",
      );
      expect(text).not.toContain("Uzdevuma *13* šajā atgādinājumā nav");
      expect(buttonsOf(note.args.blocks).map((b) => b.value.split(":")[1])).toEqual(["5", "13.3"]);
    },
    LIMIT.timeout,
  );

  it(
    "in English, and a heading none of whose sub-tasks is asked here stays 'not in this reminder'",
    async () => {
      const f = await thread(["5", "13.3"]);
      const told = noteTo(f, PEOPLE.janis, "heading");
      await reply(f, "13, 10: done", PEOPLE.janis);
      const text = String((await told).args.text);
      expect(text).toContain(
        '*13* is a heading, not a task; this reminder asks about its sub-task *13.3* — start your reply with "13.3: …" or choose it below.',
      );
      expect(text).toContain("Task *10* is not in this reminder.");
    },
    LIMIT.timeout,
  );
});

describe("the 'asked elsewhere' pointer", () => {
  /** LM's #1 passed a day ago asking 5, #2 sixty days ahead asking 14. */
  let pair: { one: ThreadFixture; two: ThreadFixture } | undefined;

  it(
    "a new reply: the notification preview says 'saved' once and still names the pointer",
    async () => {
      const env = { db: t.app.db, emulator: t.emulator };
      const now = DateTime.utc().minus({ days: 61 }).toISO();
      const one = await reminderThread(env, { code: "LM", channel: "C0HEADA", tasks: ["5"], now });
      const two = await reminderThread(env, { code: "LM", channel: "C0HEADB", tasks: ["14"] });
      pair = { one, two };
      const told = noteTo(one, PEOPLE.anna, "tiek prasīts");
      await reply(one, "14: apmācības notika");
      const text = String((await told).args.text);
      const link = messageLink(two.channel, two.threadTs);
      expect(text).toContain(
        `Uzdevums *14* tiek prasīts termiņa #${two.cutoffId} atgādinājumā — lūdzu, atbildiet tur: <${link}|atvērt>.`,
      );
      expect(text.match(/saglabāt/gu)?.length).toBe(1);
    },
    LIMIT.timeout,
  );

  it(
    "an edit coming to name a task another live cut-off asks about points there too",
    async () => {
      if (!pair) throw new Error("the previous case made no threads");
      const { one, two } = pair;
      const { ts } = await reply(one, "5: izpildīts");
      expect(await taskOf(one, ts)).toBe("5");
      const before = notesIn(one).length;
      await edit(one, ts, "5: izpildīts", "14: izpildīts");
      const link = messageLink(two.channel, two.threadTs);
      const notes = notesIn(one).slice(before).join("\n");
      expect(notes).toContain(
        `Uzdevums *14* tiek prasīts termiņa #${two.cutoffId} atgādinājumā — lūdzu, atbildiet tur: <${link}|atvērt>.`,
      );
      // Naming only 14, asked there and not here: off task 5, kept under none.
      expect(notes).toContain(
        "Jūsu labotā atbilde vairs nav pievienota uzdevumam *5*: tā ir saglabāta, bet nav pievienota nevienam uzdevumam.",
      );
      expect(notes).not.toContain("joprojām ir pievienota");
      expect(notes).toContain("Pie kura uzdevuma");
      expect(await taskOf(one, ts)).toBeNull();
    },
    LIMIT.timeout,
  );
});
