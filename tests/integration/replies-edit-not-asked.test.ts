/**
 * An edit is read as a new reply is (a fresh user's finding): "3: …" edited to "13,3: …" names
 * task 13.3 of the programme, not 13 and 3; and an edit now naming only a task this reminder
 * does not ask ("13.3: apmācības notika" in a thread asking only 3) takes the reply off task 3 —
 * kept under no task, its reaction back to ❓, the move in `/task 3 history` — and its author is
 * told so, that 13.3 is not asked here and, when another live cut-off asks it, where (linked).
 * An edit naming no task, or a number that is no task ("99: …"), keeps the task, as before.
 * Through the real app: signed Events API callbacks (message_changed) and slash commands, Web
 * API calls out to the emulator; SQLite or PostgreSQL (TEST_DATABASE); lv and en.
 */
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { isCall } from "../../src/emulator/server.ts";
import { messageLink } from "../../src/slack/render-task-cutoff.ts";
import type { TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { slashText } from "../helpers/slash.ts";
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
const steps = replySteps(() => ({ t, logs }), "C0EDNA");

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

/** The names of the reactions on message `ts` in the thread's channel. */
const reactionsOn = (f: ThreadFixture, ts: string) =>
  (t.emulator.messagesIn(f.channel).find((m) => m.ts === ts)?.reactions ?? []).map((r) => r.name);

describe("an edit naming only a task the reminder does not ask", LIMIT, () => {
  // First: no other case's cut-off asks 13.3 yet (a later one does, and the earliest is linked).
  it("when another live cut-off asks 13.3, the note links its thread (lv, en)", async () => {
    const env = { db: t.app.db, emulator: t.emulator };
    const now = DateTime.utc().minus({ days: 61 }).toISO();
    const one = await reminderThread(env, { code: "LM", channel: "C0EDNAX1", tasks: ["3"], now });
    const two = await reminderThread(env, { code: "LM", channel: "C0EDNAX2", tasks: ["13.3"] });
    const link = messageLink(two.channel, two.threadTs);

    const lv = await steps.reply(one, "3: apmācības notika");
    const toldLv = noteTo(one, PEOPLE.anna, "vairs nav pievienota");
    await steps.edit(one, lv.ts, "3: apmācības notika", "13.3: apmācības notika");
    expect(await steps.taskOf(one, lv.ts)).toBeNull();
    expect(String((await toldLv).args.text)).toContain(
      `Uzdevums *13.3* tiek prasīts termiņa #${two.cutoffId} atgādinājumā — lūdzu, atbildiet tur: <${link}|atvērt>.`,
    );

    const en = await steps.reply(one, "3: training held", PEOPLE.janis);
    const toldEn = noteTo(one, PEOPLE.janis, "no longer attached");
    await steps.edit(one, en.ts, "3: training held", "13,3: training held", PEOPLE.janis);
    expect(await steps.taskOf(one, en.ts)).toBeNull();
    expect(String((await toldEn).args.text)).toContain(
      `Task *13.3* is asked in cut-off #${two.cutoffId}'s reminder — please answer there: <${link}|open>.`,
    );
  });

  it("'apmācības notika' under 3 edited to '13.3: …' leaves task 3, told so with the buttons (lv)", async () => {
    const f = await steps.thread(["3"]);
    const { ts } = await steps.reply(f, "apmācības notika");
    expect(await steps.taskOf(f, ts)).toBe("3");
    const told = noteTo(f, PEOPLE.anna, "vairs nav pievienota");
    await steps.edit(f, ts, "apmācības notika", "13.3: apmācības notika");
    expect(await steps.taskOf(f, ts)).toBeNull();
    const note = await told;
    const text = String(note.args.text);
    expect(text).toContain("Uzdevuma *13.3* šajā atgādinājumā nav.");
    expect(text).toContain(
      "Jūsu labotā atbilde vairs nav pievienota uzdevumam *3*: tā ir saglabāta, bet nav pievienota nevienam uzdevumam.",
    );
    expect(text).not.toContain("joprojām ir pievienota uzdevumam");
    // One button, task 3's: the author can put it back there.
    const buttons = buttonsOf(note.args.blocks) as Array<{ text?: { text?: string } }>;
    expect(buttons.map((b) => b.text?.text?.split(".")[0])).toEqual(["3"]);
    expect(reactionsOn(f, ts)).toEqual(["question"]);

    // The history of task 3 tells the reply left it (the audited move, after: none).
    const history = await slashText(t, "/task", "3 history", PEOPLE.anna);
    expect(history).toContain("noņemta no šī uzdevuma (tagad nav pievienota nevienam uzdevumam)");
    const english = await slashText(t, "/task", "3 history", PEOPLE.janis);
    expect(english).toContain("taken off this task (now under no task)");

    // Edited again with the same number: not told again, still under no task.
    await steps.edit(f, ts, "13.3: apmācības notika", "13.3: apmācības notika 2027. gadā");
    expect(await steps.taskOf(f, ts)).toBeNull();
    expect(steps.notesIn(f).filter((n) => n.includes("vairs nav pievienota"))).toHaveLength(1);
  });

  it("'3: …' edited to '13,3: …' reads 13.3, not 13 and 3, and leaves task 3 (en)", async () => {
    const f = await steps.thread(["3"]);
    const { ts } = await steps.reply(f, "3: training held", PEOPLE.janis);
    expect(await steps.taskOf(f, ts)).toBe("3");
    const told = noteTo(f, PEOPLE.janis, "no longer attached");
    await steps.edit(f, ts, "3: training held", "13,3: training held", PEOPLE.janis);
    expect(await steps.taskOf(f, ts)).toBeNull();
    const text = String((await told).args.text);
    expect(text).toContain("*13.3*");
    expect(text).toContain(
      "Your edited reply is no longer attached to task *3*: it is kept, but not attached to any task.",
    );
    expect(text).not.toMatch(/\*13\* and \*3\*|task \*13\*/u);
  });

  it("'5: …' edited to '13,3: …' where 13.3 is asked moves it to 13.3, as a new reply is filed", async () => {
    const f = await steps.thread(["5", "13.3"]);
    const { ts } = await steps.reply(f, "5: apmācības notika");
    await steps.edit(f, ts, "5: apmācības notika", "13,3: apmācības notika");
    expect(await steps.taskOf(f, ts)).toBe("13.3");
  });

  it("an edit naming no task, or a number that is no task, keeps task 3 as before", async () => {
    const f = await steps.thread(["3"]);
    const { ts } = await steps.reply(f, "3: apmācības notika");
    await steps.edit(f, ts, "3: apmācības notika", "apmācības notika 2027. gadā");
    expect(await steps.taskOf(f, ts)).toBe("3");
    const told = noteTo(f, PEOPLE.anna, "joprojām ir pievienota uzdevumam *3*");
    await steps.edit(f, ts, "apmācības notika 2027. gadā", "99: apmācības notika");
    expect(await steps.taskOf(f, ts)).toBe("3");
    await told;
    expect(steps.notesIn(f).some((n) => n.includes("vairs nav pievienota"))).toBe(false);
  });
});
