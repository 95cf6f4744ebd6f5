/**
 * What a fresh user found in reminder threads, through the real app (signed Events API
 * callbacks in, Web API calls out to the emulator, replies in the store): a reply naming a
 * number that is no task of the programme at all (with a task of the reminder, on its own, or
 * by an edit), and the prompt for a reply without a number (it says the reply is saved).
 * Waits on the emulator's records and the app's log lines, never on time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { addPeople, buttonsOf, ephemeralTo, PEOPLE, replySteps } from "./support.ts";

let t: TestApp;
let logs: LogWatch;
beforeAll(async () => {
  logs = watchLogs("debug");
  t = await startTestApp({ logger: logs.logger, config: { secretaryUserIds: [PEOPLE.secretary] } });
  addPeople(t.emulator);
});
afterAll(async () => {
  await t?.stop();
});
const { thread, reply, taskOf, edit } = replySteps(() => ({ t, logs }), "C0FRESH");

/** The text of a message's first section block. */
function sectionOf(blocks: unknown): string | undefined {
  const first = (blocks as Array<{ type: string; text?: { text: string } }>)[0];
  return first?.type === "section" ? first.text?.text : undefined;
}

describe("a reply with numbered parts naming a number that is no task of the programme", () => {
  it.each([
    [
      "14: licences pārbaudītas\n150: arī pārbaudītas",
      "✅ Atbilde pievienota uzdevumam *14*. Uzdevuma *150* programmā nav. Par katru uzdevumu, lūdzu, rakstiet atsevišķu atbildi.",
    ],
    // A task of the programme outside the reminder is still "not in this reminder".
    [
      "14: licences pārbaudītas\n2: apmācības notiek",
      "✅ Atbilde pievienota uzdevumam *14*. Uzdevuma *2* šajā atgādinājumā nav. Par katru uzdevumu, lūdzu, rakstiet atsevišķu atbildi.",
    ],
    [
      "14: a; 2: b; 150: c; 151: d",
      "✅ Atbilde pievienota uzdevumam *14*. Uzdevuma *2* šajā atgādinājumā nav. Uzdevumu *150* un *151* programmā nav. Par katru uzdevumu, lūdzu, rakstiet atsevišķu atbildi.",
    ],
  ])("%j is stored whole under 14; the note names what is not a task", async (text, said) => {
    const f = await thread(["5", "14"]);
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel));
    const { ts, stored } = await reply(f, text);
    expect(stored?.text).toBe(text);
    expect(await taskOf(f, ts)).toBe("14");
    const note = await told;
    expect(String(note.args.text)).toBe(said);
    expect(sectionOf(note.args.blocks)).toBe(said);
    expect(buttonsOf(note.args.blocks)).toEqual([]);
  });

  it("in English", async () => {
    await chooseLanguage(t, PEOPLE.janis, "en");
    const f = await thread(["5", "14"]);
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.janis, f.channel));
    const { ts } = await reply(f, "14: done\n150: done too", PEOPLE.janis);
    expect(await taskOf(f, ts)).toBe("14");
    expect(sectionOf((await told).args.blocks)).toBe(
      "✅ Reply attached to task *14*. There is no task *150* in the programme. Please write a separate reply for each task.",
    );
  });
});

describe("a reply naming only a number that is no task of the programme", () => {
  it.each([
    [
      PEOPLE.anna,
      "150: izpildīts",
      "Uzdevuma *150* programmā nav. Atbilde ir saglabāta, bet vēl nav pievienota nevienam uzdevumam. Pie kura uzdevuma pievienot šo atbildi?",
    ],
    [
      PEOPLE.janis,
      "150: done",
      "There is no task *150* in the programme. The reply is saved but not yet attached to any task. Which task is this reply about?",
    ],
  ])(
    "is kept unassigned; the prompt to %s says 150 is not in the programme",
    async (user, text, said) => {
      if (user === PEOPLE.janis) await chooseLanguage(t, PEOPLE.janis, "en");
      const f = await thread(["5", "14"]);
      const told = t.emulator.waitFor(ephemeralTo(user, f.channel));
      const { ts, stored } = await reply(f, text, user);
      expect(stored?.text).toBe(text);
      expect(await taskOf(f, ts)).toBeNull();
      const note = await told;
      expect(sectionOf(note.args.blocks)).toBe(said);
      expect(String(note.args.text)).toBe(said);
      expect(buttonsOf(note.args.blocks).map((b) => b.value)).toEqual(
        ["5", "14"].map((n) => `${stored?.id}:${n}`),
      );
    },
  );

  it("'2, 150: …' says 2 is not in this reminder and 150 not in the programme", async () => {
    const f = await thread(["5", "14"]);
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel));
    const { ts } = await reply(f, "2, 150: nav");
    expect(await taskOf(f, ts)).toBeNull();
    expect(sectionOf((await told).args.blocks)).toBe(
      "Uzdevuma *2* šajā atgādinājumā nav. Uzdevuma *150* programmā nav. Atbilde ir saglabāta, bet vēl nav pievienota nevienam uzdevumam. Pie kura uzdevuma pievienot šo atbildi?",
    );
  });
});

describe("an edit of a reply to name only a number outside the reminder", () => {
  it.each([
    [
      "150: labots",
      "Uzdevuma *150* programmā nav. Jūsu labotā atbilde joprojām ir pievienota uzdevumam *14*. Pie kura uzdevuma pievienot šo atbildi?",
    ],
  ])("%j keeps the reply under 14; the note says why", async (after, said) => {
    const f = await thread(["5", "14"]);
    const { ts, stored } = await reply(f, "14: pārbaudīts");
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel));
    await edit(f, ts, "14: pārbaudīts", after);
    expect(await taskOf(f, ts)).toBe("14");
    const note = await told;
    expect(note.args.thread_ts).toBe(f.threadTs);
    expect(sectionOf(note.args.blocks)).toBe(said);
    expect(buttonsOf(note.args.blocks).map((b) => b.value)).toEqual(
      ["5", "14"].map((n) => `${stored?.id}:${n}`),
    );
  });

  // A task of the programme outside the reminder: since 0280cf9 the edit takes the reply off
  // 14 (it now answers only a task this reminder does not ask), kept under no task.
  it('"2: labots" takes the reply off 14, kept under no task; the note says why', async () => {
    const f = await thread(["5", "14"]);
    const { ts, stored } = await reply(f, "14: pārbaudīts");
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel));
    await edit(f, ts, "14: pārbaudīts", "2: labots");
    expect(await taskOf(f, ts)).toBeNull();
    const note = await told;
    expect(note.args.thread_ts).toBe(f.threadTs);
    const said = sectionOf(note.args.blocks);
    expect(said).toContain("Uzdevuma *2* šajā atgādinājumā nav.");
    expect(said).toContain(
      "Jūsu labotā atbilde vairs nav pievienota uzdevumam *14*: tā ir saglabāta, bet nav pievienota nevienam uzdevumam.",
    );
    expect(buttonsOf(note.args.blocks).map((b) => b.value)).toEqual(
      ["5", "14"].map((n) => `${stored?.id}:${n}`),
    );
  });

  it("in English", async () => {
    // The edit step edits as anna: she reads English for this test only.
    await chooseLanguage(t, PEOPLE.anna, "en");
    try {
      const f = await thread(["5", "14"]);
      const { ts } = await reply(f, "14: checked");
      const told = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel));
      await edit(f, ts, "14: checked", "150: corrected");
      expect(await taskOf(f, ts)).toBe("14");
      expect(sectionOf((await told).args.blocks)).toMatch(
        /^There is no task \*150\* in the programme\. /u,
      );
    } finally {
      await chooseLanguage(t, PEOPLE.anna, "lv");
    }
  });
});

describe("a reply without a task number in a reminder with several open tasks", () => {
  it.each([
    [
      PEOPLE.anna,
      "Darbs turpinās",
      "Atbilde ir saglabāta, bet vēl nav pievienota nevienam uzdevumam. Pie kura uzdevuma pievienot šo atbildi?",
    ],
    [
      PEOPLE.janis,
      "Work goes on",
      "The reply is saved but not yet attached to any task. Which task is this reply about?",
    ],
  ])("is kept unassigned; the prompt to %s says it is saved", async (user, text, said) => {
    if (user === PEOPLE.janis) await chooseLanguage(t, PEOPLE.janis, "en");
    const f = await thread(["5", "14"]);
    const told = t.emulator.waitFor(ephemeralTo(user, f.channel));
    const { ts, stored } = await reply(f, text, user);
    expect(stored?.text).toBe(text);
    expect(await taskOf(f, ts)).toBeNull();
    const note = await told;
    expect(sectionOf(note.args.blocks)).toBe(said);
    expect(String(note.args.text)).toBe(said);
    expect(buttonsOf(note.args.blocks).map((b) => b.value)).toEqual(
      ["5", "14"].map((n) => `${stored?.id}:${n}`),
    );
  });
});
