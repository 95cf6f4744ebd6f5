/**
 * A thread reply whose task number is written with a decimal comma, as Latvian writes decimals
 * (a fresh user's finding: "13,3: …" got "no task number"): it is filed under task 13.3 with no
 * note, stored as typed, shown without its prefix; "5, 14: …" (a space after the comma) stays a
 * list of tasks 5 and 14, and so does "5,14: …" where 5.14 is no task of the thread (a
 * regression of 3ca8296: it was read as task 5.14); "13,3: …" in a thread not asking 13.3 names
 * 13.3, a task of the programme, and is told so (not "13 and 3"). Through the real app: signed Events API callbacks in, Web API calls
 * out to the emulator, replies in the store (SQLite or PostgreSQL, TEST_DATABASE).
 */
import { describe, expect, it } from "vitest";
import { replyBody } from "../../src/domain/attribution.ts";
import type { TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { buttonsOf, ephemeralTo, PEOPLE, replySteps } from "../replies/support.ts";
import { findingsAppHooks } from "./support/findings.ts";

let t: TestApp;
let logs: LogWatch;
findingsAppHooks((app) => ({ t, logs } = app));
const steps = replySteps(() => ({ t, logs }), "C0DECIMAL");

describe("a reply numbered with a decimal comma", { timeout: 120_000 }, () => {
  it("'13,3: …' is filed under task 13.3 without a note", async () => {
    const f = await steps.thread(["5", "13.3"]);
    const { ts, stored } = await steps.reply(f, "13,3: darīts, 2,5 līgumi");
    expect(await steps.taskOf(f, ts)).toBe("13.3");
    expect(stored?.text).toBe("13,3: darīts, 2,5 līgumi");
    expect(replyBody(stored?.text ?? "", "13.3")).toBe("darīts, 2,5 līgumi");
    expect(steps.notesIn(f)).toEqual([]);
  });

  it("'5,14: …' in a thread asking 5 and 14 is the list of 5 and 14, as '5, 14: …' is", async () => {
    const noSpace = await steps.thread(["5", "14"]);
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, noSpace.channel), 60_000);
    const { ts, stored } = await steps.reply(noSpace, "5,14: abi ir izpildīti");
    const note = String((await told).args.text);
    expect(await steps.taskOf(noSpace, ts)).toBe("5");
    expect(stored?.text).toBe("5,14: abi ir izpildīti");
    expect(note).toContain("uzdevums *14* to nesaņēma");
    expect(note).not.toContain("5.14");

    const spaced = await steps.thread(["5", "14"]);
    const toldSpaced = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, spaced.channel), 60_000);
    const list = await steps.reply(spaced, "5, 14: abi ir izpildīti");
    expect(await steps.taskOf(spaced, list.ts)).toBe("5");
    expect(String((await toldSpaced).args.text)).toBe(note);
  });

  it("'13,3: …' in a thread not asking 13.3 names task 13.3 of the programme, not 13 and 3", async () => {
    const f = await steps.thread(["5"]);
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel), 60_000);
    const { ts, stored } = await steps.reply(f, "13,3: apmācības notika");
    const note = String((await told).args.text);
    expect(await steps.taskOf(f, ts)).toBeNull();
    expect(stored?.text).toBe("13,3: apmācības notika");
    expect(note).toContain("Uzdevuma *13.3* šajā atgādinājumā nav.");
    expect(note).not.toMatch(/\*13\* un \*3\*|Uzdevumu \*13\*/u);
  });

  it("'5,14: …' in a thread asking only 5 is still the list of 5 and 14 (5.14 no task anywhere)", async () => {
    const f = await steps.thread(["5"]);
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel), 60_000);
    const { ts } = await steps.reply(f, "5,14: abi ir izpildīti");
    const note = String((await told).args.text);
    expect(await steps.taskOf(f, ts)).toBe("5");
    expect(note).toContain("Uzdevuma *14* šajā atgādinājumā nav.");
    expect(note).not.toContain("5.14");
  });

  it("a number-only '5,14:' or '13,3:' is refused with the example read the same way", async () => {
    const f = await steps.thread(["5"]);
    for (const [typed, example] of [
      ["5,14:", "5"],
      ["13,3:", "13.3"],
    ] as const) {
      const told = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel), 60_000);
      await t.slack.userMessage({
        channelId: f.channel,
        threadTs: f.threadTs,
        text: typed,
        userId: PEOPLE.anna,
      });
      expect(String((await told).args.text), typed).toContain(`piem., „${example}: …teksts…”`);
    }
  });

  it("'5, 13.3: …' is still a list: filed under the first, 5", async () => {
    const f = await steps.thread(["5", "13.3"]);
    const { ts } = await steps.reply(f, "5, 13.3: abi turpinās");
    expect(await steps.taskOf(f, ts)).toBe("5");
  });
});

/**
 * A fresh user's finding: "13.3 apmācības", "13,3 apmācības", "14 apmācības" (a number, no
 * colon) were told "your reply names no task number". Filing is unchanged (README "Replies": no
 * separator, no task named); the note now says the reply starts with the number but no colon,
 * and why it went where it went.
 */
describe("a reply starting with a number but no colon", { timeout: 120_000 }, () => {
  /** Posts `text` as `user` and returns the task it is filed under and the note its author got. */
  async function replyAndNote(
    f: Awaited<ReturnType<typeof steps.thread>>,
    text: string,
    user: string = PEOPLE.anna,
  ) {
    const told = t.emulator.waitFor(ephemeralTo(user, f.channel), 60_000);
    const { ts, stored } = await steps.reply(f, text, user);
    const note = await told;
    return { task: await steps.taskOf(f, ts), note, stored };
  }

  it("in a one-task reminder each is filed under 13.3, the note naming the number typed", async () => {
    const f = await steps.thread(["13.3"]);
    const only =
      " Tas ir vienīgais institūcijas uzdevums šajā atgādinājumā. Ja atbilde nav par to, izdzēsiet ziņu: tā tiks atsaukta.";
    const first = await replyAndNote(f, "13.3 apmācības");
    expect(first.task).toBe("13.3");
    expect(String(first.note.args.text)).toBe(
      `Atbilde sākas ar „13.3”, bet bez kola, tāpēc tas netiek lasīts kā uzdevuma numurs; atbilde saglabāta pie uzdevuma *13.3*. Nākamreiz sāciet atbildi ar „13.3: …”.${only}`,
    );
    const second = await replyAndNote(f, "13,3 apmācības");
    expect(second.task).toBe("13.3");
    expect(String(second.note.args.text)).toBe(
      `Atbilde sākas ar „13,3”, bet bez kola, tāpēc tas netiek lasīts kā uzdevuma numurs; atbilde saglabāta pie uzdevuma *13.3*. Nākamreiz sāciet atbildi ar „13.3: …”.${only}`,
    );
    // 150 is no task of the programme (another task's number, "14 apmācības", is not guessed to
    // be 13.3's: tests/integration/replies-bare-other-task.test.ts).
    const third = await replyAndNote(f, "150 apmācības");
    expect(third.task).toBe("13.3");
    expect(String(third.note.args.text)).toBe(
      `Atbilde sākas ar „150”, bet bez kola, tāpēc tas netiek lasīts kā uzdevuma numurs; atbilde saglabāta pie uzdevuma *13.3*. Ja tā ir atbilde par uzdevumu 150, sāciet ar „150: …”.${only}`,
    );
    expect(second.stored?.text).toBe("13,3 apmācības");
  });

  it("with 13.3 the one open task: the first is filed there, a later one is not, and the note says why", async () => {
    const f = await steps.thread(["5", "13.3"]);
    await steps.byForm(f, "5");
    const first = await replyAndNote(f, "13.3 apmācības");
    expect(first.task).toBe("13.3");
    expect(String(first.note.args.text)).toBe(
      "Atbilde sākas ar „13.3”, bet bez kola, tāpēc tas netiek lasīts kā uzdevuma numurs; atbilde saglabāta pie uzdevuma *13.3*. Nākamreiz sāciet atbildi ar „13.3: …”. Ja tā ir par citu uzdevumu, izvēlieties to zemāk vai labojiet ziņu, lai tā sāktos ar uzdevuma numuru (piem., „5: …”).",
    );
    const later = await replyAndNote(f, "13,3 apmācības");
    expect(later.task).toBeNull();
    expect(String(later.note.args.text)).toBe(
      "Atbilde sākas ar „13,3”, bet bez kola, tāpēc tas netiek lasīts kā uzdevuma numurs, un, tā kā visiem institūcijas uzdevumiem šajā atgādinājumā jau ir atbilde, tā ir saglabāta, bet nav pievienota nevienam uzdevumam. Ja tā ir atbilde par uzdevumu 13.3, sāciet ar „13.3: …” vai izvēlieties to zemāk. Pie kura uzdevuma pievienot šo atbildi?",
    );
    expect(buttonsOf(later.note.args.blocks).map((b) => b.value)).toEqual(
      ["5", "13.3"].map((n) => `${later.stored?.id}:${n}`),
    );
  });

  it("says the same in English", async () => {
    await chooseLanguage(t, PEOPLE.janis, "en");
    const f = await steps.thread(["5", "13.3"]);
    const r = await replyAndNote(f, "13,3 apmācības", PEOPLE.janis);
    expect(r.task).toBeNull();
    expect(String(r.note.args.text)).toBe(
      'Your reply starts with "13,3" but no colon, so that is not read as a task number; the reply is saved but not attached to any task. If it is an answer about task 13.3, start it with "13.3: …" or choose it below. Which task is this reply about?',
    );
  });
});

describe("'5,0: …' where task 5 exists", { timeout: 120_000 }, () => {
  it("asks whether task 5 was meant", async () => {
    const f = await steps.thread(["5", "13.3"]);
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel), 60_000);
    const { ts } = await steps.reply(f, "5,0: vēlu");
    expect(await steps.taskOf(f, ts)).toBeNull();
    const text = String((await told).args.text);
    expect(text).toContain(
      "Uzdevuma *5.0* programmā nav. Varbūt ar *5.0* domāts uzdevums *5* („5: …”)?",
    );
  });
});
