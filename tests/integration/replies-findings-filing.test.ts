/**
 * What a fresh user found about which task a reminder-thread reply is filed under, through the
 * real app: signed Events API callbacks in, Web API calls out to the emulator, replies in the
 * store. A reply naming tasks both in and not in the reminder, how such a reply is shown
 * (/task, the annex, `cli replies`), a reply without a number after answers by number, years in
 * a reply's later lines, and a pasted list of hundreds of numbers. Edits: the
 * replies-findings-edits test; the digest's thread: replies-findings-digest-thread.
 * Waits on the emulator's records and the app's log lines, never on time.
 */
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findCutoff } from "../../db/cutoffs.ts";
import { listNamedReplies } from "../../db/replies.ts";
import { formatReplies } from "../../src/cli/replies.ts";
import { isCall } from "../../src/emulator/server.ts";
import type { TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { startFindingsApp, WG } from "../replies/findings-support.ts";
import { buttonsOf, ephemeralTo, PEOPLE, replySteps } from "../replies/support.ts";

let t: TestApp;
let logs: LogWatch;

beforeAll(async () => {
  ({ t, logs } = await startFindingsApp());
});
afterAll(async () => {
  await t?.stop();
});
const { thread, reply, taskOf, byForm, notesIn } = replySteps(() => ({ t, logs }), "C0FNDF");

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
        "✅ Atbilde pievienota uzdevumam *14*. Uzdevuma *2* šajā atgādinājumā nav. Par katru uzdevumu, lūdzu, rakstiet atsevišķu atbildi.",
      );
      expect(buttonsOf(note.args.blocks)).toEqual([]);
    },
  );

  it("'2, 99: nav' names both missing numbers and asks which task, with the buttons", async () => {
    const f = await thread(["5", "14"]);
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel));
    const { ts, stored } = await reply(f, "2, 99: nav");
    expect(await taskOf(f, ts)).toBeNull();
    const note = await told;
    const said =
      // 2 is a task of the programme outside the reminder; 99 is no task of it at all.
      "Uzdevuma *2* šajā atgādinājumā nav. Uzdevuma *99* programmā nav. Atbilde ir saglabāta, bet vēl nav pievienota nevienam uzdevumam. Pie kura uzdevuma pievienot šo atbildi?";
    expect(String(note.args.text)).toBe(said);
    // The visible section says it was saved, not only the notification text.
    expect(sectionOf(note.args.blocks)).toBe(said);
    expect(buttonsOf(note.args.blocks).map((b) => b.value)).toEqual(
      ["5", "14"].map((n) => `${stored?.id}:${n}`),
    );
  });

  it("'14. punkts: nav mūsu' from an English speaker: the prompt says the reply is saved", async () => {
    await chooseLanguage(t, PEOPLE.janis, "en");
    const f = await thread(["5", "2"]);
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.janis, f.channel));
    const { ts, stored } = await reply(f, "14. punkts: nav mūsu", PEOPLE.janis);
    expect(stored?.text).toBe("14. punkts: nav mūsu");
    expect(await taskOf(f, ts)).toBeNull();
    const note = await told;
    // An earlier case's live cut-off asks LM about 14: the prompt may point to its thread too.
    const section = sectionOf(note.args.blocks);
    expect(section).toMatch(/^Task \*14\* is not in this reminder\. /u);
    expect(section).toMatch(
      / The reply is saved but not yet attached to any task\. Which task is this reply about\?$/u,
    );
    expect(buttonsOf(note.args.blocks).map((b) => b.value)).toEqual(
      ["2", "5"].map((n) => `${stored?.id}:${n}`),
    );
  });

  it("'2: a; 14: b' in English: filed under 14, with the advice to send one reply per task", async () => {
    await chooseLanguage(t, PEOPLE.janis, "en");
    const f = await thread(["5", "14"]);
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.janis, f.channel));
    const { ts } = await reply(f, "2: a; 14: b", PEOPLE.janis);
    expect(await taskOf(f, ts)).toBe("14");
    expect(sectionOf((await told).args.blocks)).toBe(
      "✅ Reply attached to task *14*. Task *2* is not in this reminder. Please write a separate reply for each task.",
    );
  });
});

/** The text of a message's first section block. */
function sectionOf(blocks: unknown): string | undefined {
  const first = (blocks as Array<{ type: string; text?: { text: string } }>)[0];
  return first?.type === "section" ? first.text?.text : undefined;
}

describe("how a reply naming several tasks is shown", () => {
  /** The blocks of the app's answer to a slash command, as JSON. */
  async function slash(command: string, text: string): Promise<string> {
    const res = await t.slack.command(command, text, {
      userId: PEOPLE.secretary,
      channelId: WG,
    });
    let body = res.body as { blocks?: unknown[] } | "";
    if (body === "" || body.blocks === undefined)
      body = (await t.slack.waitForResponse(res.responseUrl, 10_000)).body as {
        blocks?: unknown[];
      };
    return JSON.stringify(body.blocks);
  }

  it("'3: a; 19: b' is shown whole under 3 (/task, annex, cli replies); '19: c' without its number", async () => {
    // Tasks no other case here uses: /task shows the cut-off this one is in.
    const f = await thread(["3", "19"]);
    const several = "3: grozījumi pieņemti; 19: pārbaudes veiktas";
    const one = "19: licences pārbaudītas";
    const a = await reply(f, several);
    const b = await reply(f, one);
    expect(a.stored?.text).toBe(several);
    expect(await taskOf(f, a.ts)).toBe("3");
    expect(await taskOf(f, b.ts)).toBe("19");

    const task3 = await slash("/task", "3");
    expect(task3).toContain(several);
    const task19 = await slash("/task", "19");
    expect(task19).toContain("licences pārbaudītas");
    expect(task19).not.toContain(one);

    await slash("/export", `annex ${f.cutoffId} csv`);
    const file = [...t.emulator.files.values()].at(-1);
    const rows = parseCsv(file?.bytes?.toString("utf8") ?? "", { bom: true }) as string[][];
    const cells = rows.flat();
    // The annex marks it with the task it also names, after the text as written.
    expect(cells.some((c) => c.includes(`.: ${several} [`))).toBe(true);
    expect(cells.some((c) => c.endsWith(".: licences pārbaudītas"))).toBe(true);

    const cutoff = await findCutoff(t.app.db, f.cutoffId);
    if (!cutoff) throw new Error("no cut-off");
    const listing = formatReplies(
      cutoff,
      await listNamedReplies(t.app.db, f.cutoffId),
      "Europe/Riga",
      "lv",
    );
    expect(listing).toContain(several);
    expect(listing).not.toContain(one);
  });
});

describe("a reply without a number after the institution answered by number", () => {
  it("is kept unassigned, not taken for the one open task's answer; the author gets the buttons", async () => {
    const f = await thread(["5", "14"]);
    await reply(f, "14: pārbaudes veiktas");
    const told = t.emulator.waitFor(ephemeralTo(PEOPLE.anna, f.channel));
    const { ts, stored } = await reply(f, "Paldies par atgādinājumu, atbildēsim rīt.");
    expect(await taskOf(f, ts)).toBeNull();
    const note = await told;
    expect(JSON.stringify(note.args.blocks)).toContain(
      "Jūsu ziņā nav uzdevuma numura, tāpēc tā saglabāta, bet nav pievienota nevienam uzdevumam. Ja tā nav atbilde par kādu uzdevumu, nekas nav jādara. Pie kura uzdevuma pievienot šo atbildi?",
    );
    expect(buttonsOf(note.args.blocks).map((b) => b.value)).toEqual(
      ["5", "14"].map((n) => `${stored?.id}:${n}`),
    );
    // Task 5 is still open: a later numbered answer is filed there without a note.
    const later = await reply(f, "5: grozījumi pieņemti");
    expect(await taskOf(f, later.ts)).toBe("5");
  });

  it("the institution's first reply, or one after answers by the form, still goes to the one open task", async () => {
    const f = await thread(["5", "14"]);
    await byForm(f, "14");
    const { ts } = await reply(f, "Darbs turpinās, ziņosim vēlāk");
    expect(await taskOf(f, ts)).toBe("5");
  });
});

describe("years in a reply's later lines", () => {
  it("'14: …\n2025: …\n2026: …' is filed under 14 with no 'not in the reminder' note; shown without '14: '", async () => {
    const f = await thread(["5", "14"]);
    const text = "14: izpildīts.\n2025: 3 līgumi\n2026: 5 līgumi";
    const { ts, stored } = await reply(f, text);
    expect(stored?.text).toBe(text);
    expect(await taskOf(f, ts)).toBe("14");
    // Acknowledged (before "reply stored"), with no note about tasks 2025 and 2026.
    expect(
      t.emulator.calls.some((c) => c.method === "reactions.add" && c.args.timestamp === ts),
    ).toBe(true);
    expect(notesIn(f).join("\n")).not.toContain("šajā atgādinājumā nav");
    const cutoff = await findCutoff(t.app.db, f.cutoffId);
    if (!cutoff) throw new Error("no cut-off");
    const listing = formatReplies(
      cutoff,
      await listNamedReplies(t.app.db, f.cutoffId),
      "Europe/Riga",
      "lv",
    );
    expect(listing).toContain("izpildīts.");
    expect(listing).not.toContain("14: izpildīts.");
  });
});

describe("a pasted list of hundreds of numbers none in the reminder", () => {
  it("still gets the assign prompt, its numbers capped and within Slack's limits", async () => {
    const f = await thread(["5", "14"]);
    const text = Array.from({ length: 400 }, (_, i) => `${i + 100}: rinda`).join("\n");
    const told = t.emulator.waitFor(
      isCall(
        "chat.postEphemeral",
        (c) => c.args.user === PEOPLE.anna && c.args.channel === f.channel,
      ),
    );
    const { ts, stored } = await reply(f, text);
    expect(await taskOf(f, ts)).toBeNull();
    const note = await told;
    expect(note.ok).toBe(true);
    const section = JSON.stringify(note.args.blocks);
    expect(section).toContain(
      "Uzdevumu *100*, *101*, *102*, *103*, *104*, *105*, *106*, *107*, *108*, *109* … (vēl 390) programmā nav. Atbilde ir saglabāta, bet vēl nav pievienota nevienam uzdevumam. Pie kura uzdevuma pievienot šo atbildi?",
    );
    expect(buttonsOf(note.args.blocks).map((b) => b.value)).toEqual(
      ["5", "14"].map((n) => `${stored?.id}:${n}`),
    );
  });
});
