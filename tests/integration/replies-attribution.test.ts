/**
 * Which task a new thread reply is filed under, and what its author is told, through the real
 * app: signed Events API callbacks in, Web API calls out to the emulator, replies in the store.
 * Edited replies and replies in a removed cut-off's thread: replies-attribution-changes.test.ts.
 * Waits on the emulator's records and the app's log lines, never on time.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { replyBody } from "../../src/domain/attribution.ts";
import { isCall } from "../../src/emulator/server.ts";
import type { TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { buttonsOf, ephemeralTo, PEOPLE, peopleAppHooks, replySteps } from "../replies/support.ts";
import { expectFiledUnder14 } from "./support/replies.ts";

let t: TestApp;
let logs: LogWatch;

peopleAppHooks({ level: "debug" }, (app) => ({ t, logs } = app));
const steps = replySteps(() => ({ t, logs }), "C0LMA");
const { thread, reply, taskOf, notesIn, byForm } = steps;

describe("Latvian ways of naming a task", () => {
  it.each([
    ["14.punkts – izpildīts", "izpildīts"],
    ["14. punkts: apmācīti 40 speciālisti", "apmācīti 40 speciālisti"],
    ["Par 14. uzdevumu: izpildīts", "izpildīts"],
    ["14. uzdevums: izpildīts", "izpildīts"],
  ])("%j is filed under task 14 without a prompt, shown as %j", (text, body) =>
    expectFiledUnder14(steps, text, body),
  );
});

describe("English ways of naming a task", () => {
  beforeAll(async () => {
    await chooseLanguage(t, PEOPLE.janis, "en");
  });

  it("'Regarding tasks 5 and 14: both ongoing' is filed under 5; the author hears 14 did not get it", async () => {
    const f = await thread(["2", "5", "14"]);
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.janis, f.channel));
    const text = "Regarding tasks 5 and 14: both ongoing";
    const { ts, stored } = await reply(f, text, PEOPLE.janis);
    expect(stored?.text).toBe(text);
    expect(await taskOf(f, ts)).toBe("5");
    expect(replyBody(stored?.text ?? "", "5")).toBe(text);
    const said = String((await told).args.text);
    expect(said).toBe(
      'Your reply names several tasks but was filed under task *5* only: task *14* did not get it. Please send one reply per task, starting with its number (e.g. "14: …").',
    );
    expect(said).not.toContain("names no task number");
  });

  it.each([
    ["Task 14: licences checked", "licences checked"],
    ["Regarding task 14: licences checked", "licences checked"],
    ["Re task 14 licences checked", "licences checked"],
  ])("%j is filed under task 14 without a note, shown as %j", async (text, body) => {
    const f = await thread(["2", "5", "14"]);
    const { ts, stored } = await reply(f, text, PEOPLE.janis);
    expect(await taskOf(f, ts)).toBe("14");
    expect(replyBody(stored?.text ?? "", "14")).toBe(body);
    expect(notesIn(f)).toEqual([]);
  });
});

/** Anna's `text` in a fresh thread on `tasks`: the thread, the reply and the note it brought her. */
async function noted(tasks: string[], text: string) {
  const f = await thread(tasks);
  const told = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel));
  const { ts, stored } = await reply(f, text);
  return { f, ts, stored, note: await told };
}

/**
 * Anna's `text` in a fresh thread on tasks 2, 5 and 14: expects it stored whole under `filed`
 * and her private note to say it went to `filed` only, naming each of `unfiled`, without
 * buttons. Returns the thread, the note and its text.
 */
async function filedUnderFirst(text: string, filed: string, unfiled: string[]) {
  const { f, ts, stored, note } = await noted(["2", "5", "14"], text);
  expect(stored?.text).toBe(text);
  expect(await taskOf(f, ts)).toBe(filed);
  const said = String(note.args.text);
  expect(said).toContain(`tikai pie uzdevuma *${filed}*`);
  for (const n of unfiled) expect(said).toContain(`*${n}*`);
  expect(buttonsOf(note.args.blocks)).toEqual([]);
  return { f, note, said };
}

describe("a reply naming several tasks", () => {
  it.each([
    ["2: apmācīti 40 speciālisti; 14: pārbaudes veiktas", "2", ["14"]],
    ["5: grozījumi pieņemti\n14: pārbaudes veiktas", "5", ["14"]],
    ["5: grozījumi pieņemti\n2: apmācīti\n14: pārbaudes", "5", ["2", "14"]],
    ["2. un 14. punkts: apmācīti 40 speciālisti, pārbaudes veiktas", "2", ["14"]],
  ])(
    "%j is stored whole under the first task; the author hears which did not get it",
    async (text, filed, unfiled) => {
      const { f, note, said } = await filedUnderFirst(text, filed, unfiled);
      expect(note.args.thread_ts).toBe(f.threadTs);
      expect(said).toContain(
        unfiled.length === 1 ? "uzdevums *14* to nesaņēma" : "*2* un *14* to nesaņēma",
      );
      expect(said).toContain("par katru uzdevumu sūtiet atsevišķu atbildi");
    },
  );

  it.each([
    ["2, 5: abi izpildīti", "2", ["5"]],
    ["Par 2. un 14. uzdevumu: abi turpinās", "2", ["14"]],
    ["2: apmācības notiek; 14: licences pārbaudītas", "2", ["14"]],
    ["14, 2 un 5 – visi turpinās", "14", ["2", "5"]],
    ["Sveiki!\n5: grozījumi pieņemti\n14: pārbaudes veiktas", "5", ["14"]],
  ])(
    "%j is stored whole under the first task of the reminder it names (%s), the author told",
    async (text, filed, unfiled) => {
      const { said } = await filedUnderFirst(text, filed, unfiled);
      expect(said).not.toContain("bez uzdevuma");
      expect(said).not.toContain("nav uzdevuma numura");
    },
  );

  it("'2, 99: …' is filed under 2; the author hears 99 is no task of the programme", async () => {
    const { f, ts, note } = await noted(["2", "5", "14"], "2, 99: abi turpinās");
    expect(await taskOf(f, ts)).toBe("2");
    expect(String(note.args.text)).toBe(
      "✅ Atbilde pievienota uzdevumam *2*. Uzdevuma *99* programmā nav. Par katru uzdevumu, lūdzu, rakstiet atsevišķu atbildi.",
    );
    expect(buttonsOf(note.args.blocks)).toEqual([]);
  });

  it("a list naming no task of the reminder stays unassigned; the prompt says so", async () => {
    const { f, ts, stored, note } = await noted(["2", "5", "14"], "98, 99: abi izpildīti");
    expect(await taskOf(f, ts)).toBeNull();
    expect(String(note.args.text)).toContain("Uzdevumu *98* un *99* programmā nav.");
    expect(buttonsOf(note.args.blocks).map((b) => b.value)).toEqual(
      ["2", "5", "14"].map((n) => `${stored?.id}:${n}`),
    );
  });

  it("takes no figures for tasks: '14: 2 līgumi; 3 apmācības' gets no note", async () => {
    const f = await thread(["2", "3", "14"]);
    const { ts } = await reply(f, "14: 2 līgumi; 3 apmācības\n10:00 sanāksme");
    expect(await taskOf(f, ts)).toBe("14");
    expect(notesIn(f)).toEqual([]);
  });

  it("tells by direct message when Slack refuses the ephemeral (author not in the channel)", async () => {
    const f = await thread(["2", "14"]);
    t.emulator.failNext("chat.postEphemeral", { error: "user_not_in_channel" });
    const dm = t.emulator.waitFor(
      isCall("chat.postMessage", (c) => String(c.args.text).includes("to nesaņēma")),
    );
    await reply(f, "2: izpildīts; 14: izpildīts");
    expect((await dm).ok).toBe(true);
  });
});

describe("a reply with no task number", () => {
  it("filed under the one open task: the author hears which, and how to change it", async () => {
    const f = await thread(["2", "5", "14"]);
    // Answered by the form: the thread has no numbered reply, so the one open task is guessed.
    await byForm(f, "2");
    await byForm(f, "5");
    const told = t.emulator.waitFor(
      isCall(
        "chat.postEphemeral",
        (c) => c.args.channel === f.channel && String(c.args.text).includes("nav uzdevuma numura"),
      ),
    );
    const { ts, stored } = await reply(f, "Darbs turpinās, ziņosim vēlāk");
    expect(await taskOf(f, ts)).toBe("14");
    const note = await told;
    expect(String(note.args.text)).toBe(
      "Jūsu atbildē nav uzdevuma numura, tāpēc tā saglabāta pie uzdevuma *14*. Ja tā ir par citu uzdevumu, izvēlieties to zemāk vai labojiet ziņu, lai tā sāktos ar uzdevuma numuru (piem., „2: …”).",
    );
    const buttons = buttonsOf(note.args.blocks);
    expect(buttons.map((b) => b.value)).toEqual(["2", "5"].map((n) => `${stored?.id}:${n}`));

    const pressed = await t.slack.blockAction({
      actionId: buttons[1]?.action_id ?? "",
      value: buttons[1]?.value ?? "",
      userId: PEOPLE.anna,
      channelId: f.channel,
    });
    const answer = await t.slack.waitForResponse(pressed.responseUrl ?? "");
    expect(answer.body.text).toContain("*5*");
    expect(await taskOf(f, ts)).toBe("5");
  });

  it("in a one-task reminder: named, and how to take it back (no other task to choose)", async () => {
    const { f, ts, note } = await noted(["14"], "Viss izdarīts, sīkāk pielikumā.");
    expect(await taskOf(f, ts)).toBe("14");
    expect(String(note.args.text)).toBe(
      "Jūsu atbildē nav uzdevuma numura, tāpēc tā saglabāta pie uzdevuma *14*. Tas ir vienīgais institūcijas uzdevums šajā atgādinājumā. Ja atbilde nav par to, izdzēsiet ziņu: tā tiks atsaukta.",
    );
    expect(buttonsOf(note.args.blocks)).toEqual([]);
  });

  it("in English: which task, and how to change it (buttons, or an edit starting with the number)", async () => {
    await chooseLanguage(t, PEOPLE.janis, "en");
    const f = await thread(["2", "5"]);
    await byForm(f, "2", "Done", PEOPLE.janis);
    const told = t.emulator.waitFor(
      isCall(
        "chat.postEphemeral",
        (c) => c.args.channel === f.channel && String(c.args.text).includes("no task number"),
      ),
    );
    const { ts, stored } = await reply(f, "Work continues, more next month", PEOPLE.janis);
    expect(await taskOf(f, ts)).toBe("5");
    const note = await told;
    expect(String(note.args.text)).toBe(
      'Your reply names no task number, so it was filed under task *5*. If it is about another task, choose it below or edit your message to start with that task\'s number (e.g. "2: …").',
    );
    expect(buttonsOf(note.args.blocks).map((b) => b.value)).toEqual([`${stored?.id}:2`]);
  });
});

describe("a reply starting with a date or an ordinal", () => {
  it.each([["5. decembrī notika sanāksme ar NVA"], ["2. ceturksnī pārbaudes turpinājās"]])(
    "%j names no task: filed under the one open task, text unchanged, the author told",
    async (text) => {
      const f = await thread(["2", "5", "14"]);
      await byForm(f, "2");
      await byForm(f, "5");
      const told = t.emulator.waitFor(
        isCall(
          "chat.postEphemeral",
          (c) =>
            c.args.channel === f.channel && String(c.args.text).includes("nav uzdevuma numura"),
        ),
      );
      const { ts, stored } = await reply(f, text);
      expect(stored?.text).toBe(text);
      expect(await taskOf(f, ts)).toBe("14");
      expect(replyBody(stored?.text ?? "", "14")).toBe(text);
      expect(String((await told).args.text)).toContain("saglabāta pie uzdevuma *14*");
    },
  );

  it("with several open tasks it stays unassigned and its author gets the buttons", async () => {
    const f = await thread(["2", "5", "14"]);
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel));
    const text = "5. decembrī notika sanāksme ar NVA";
    const { ts, stored } = await reply(f, text);
    expect(stored?.text).toBe(text);
    expect(await taskOf(f, ts)).toBeNull();
    const note = await told;
    expect(String(note.args.text)).not.toContain("*5*");
    expect(buttonsOf(note.args.blocks).map((b) => b.value)).toEqual(
      ["2", "5", "14"].map((n) => `${stored?.id}:${n}`),
    );
  });
});
