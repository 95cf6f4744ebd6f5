/** `/cutoff` text as people type it: the mistakes named with the words that caused them. */
import { describe, expect, it } from "vitest";
import { mistakeReply } from "../../commands/cutoff-change.ts";
import { type CutoffMistake, parse, readCutoffTime } from "../../commands/cutoff-parse.ts";

function mistakeOf(text: string): CutoffMistake {
  const input = parse(text);
  if (input.kind !== "invalid") throw new Error(`${text} was read as ${input.kind}`);
  return input.mistake;
}

/** The reply's text as a person reads it (every block's text, joined). */
function replyText(mistake: CutoffMistake, locale: "lv" | "en"): string {
  return JSON.stringify(mistakeReply(mistake, locale).blocks);
}

describe("/cutoff add --tasks names the value it cannot read", () => {
  it.each([
    ["add 2027-02-01 --tasks abc X", "abc"],
    ["add 2027-02-01 --tasks=abc X", "abc"],
    ["add 2027-02-01 --tasks 1, abc X", "1,abc"],
    ["add 2027-02-01 --tasks 1,x X", "1,x"],
    ["add 2027-02-01 X --tasks abc", "abc"],
  ])("%j → bad_tasks %j", (text, input) => {
    expect(mistakeOf(text)).toEqual({ reason: "bad_tasks", input });
  });

  it("says which value in both languages", () => {
    const mistake = mistakeOf("add 2027-02-01 --tasks abc X");
    expect(replyText(mistake, "lv")).toContain("„abc” nav uzdevumu numuru saraksts");
    expect(replyText(mistake, "en")).toContain("“abc” is not a list of task numbers");
  });

  it("still reads good lists, spaces after commas included", () => {
    expect(parse("add 2027-02-01 --tasks 1, 5, 014 X")).toMatchObject({
      kind: "add",
      tasks: ["1", "5", "14"],
      title: "X",
    });
  });
});

describe("/cutoff add and move read a time after the date", () => {
  it.each([
    ["add 2026-12-01 06:10:30 Sekundes", { hour: 6, minute: 10, second: 30 }, "Sekundes"],
    ["add 2027-02-01 3:30:15 Y", { hour: 3, minute: 30, second: 15 }, "Y"],
    ["add 2027-02-01 plkst. 12:00 C", { hour: 12, minute: 0 }, "C"],
    ["add 2027-02-01 PLKST 9.30 C", { hour: 9, minute: 30 }, "C"],
    ["add 2027-02-01 plkst.12:00:05 C", { hour: 12, minute: 0, second: 5 }, "C"],
    ["add 2027. gada 1. februārī plkst. 12:00 C", { hour: 12, minute: 0 }, "C"],
    ["add 2027-02-01 23:59:59 C", { hour: 23, minute: 59, second: 59 }, "C"],
  ])("%j", (text, time, title) => {
    expect(parse(text)).toEqual({
      kind: "add",
      date: { kind: "date", date: expect.any(String) },
      time,
      title,
      tasks: null,
    });
  });

  it("reads the same in move", () => {
    expect(parse("move 3 2027-02-05 plkst. 06:10:30")).toEqual({
      kind: "move",
      id: 3,
      date: { kind: "date", date: "2027-02-05" },
      time: { hour: 6, minute: 10, second: 30 },
    });
  });

  it.each([
    ["add 2027-02-01 25:61 X", "25:61"],
    ["add 2027-02-01 6:1 X", "6:1"],
    ["add 2027-02-01 24:00 X", "24:00"],
    ["add 2027-02-01 12:00:60 X", "12:00:60"],
    ["add 2027-02-01 123:00 X", "123:00"],
    ["add 2027-02-01 plkst. abc X", "plkst. abc"],
    ["add 2027-02-01 plkst.", "plkst."],
    ["move 3 2027-02-05 6:1", "6:1"],
    // Found by a fresh user: these went into the title of an end-of-day cut-off.
    ["add 2027-02-01 12.00.30 Q", "12.00.30"],
    ["add 2027-02-01 plkst.12 Q", "plkst.12"],
    ["add 2027-02-01 12:00pm Q", "12:00pm"],
    ["add 2027-02-01 14:00:00.5 T3", "14:00:00.5"],
  ])("refuses %j, naming %j, instead of taking it into the title", (text, input) => {
    expect(mistakeOf(text)).toEqual({ reason: "bad_time", input });
  });

  it("keeps words that are not time-shaped in the title", () => {
    expect(parse("add 2027-02-01 1.5 versija")).toMatchObject({ time: null, title: "1.5 versija" });
    expect(parse("add 2027-02-01 abc Y")).toMatchObject({ time: null, title: "abc Y" });
  });

  it("names the value and the accepted forms in both languages", () => {
    const mistake = mistakeOf("add 2027-02-01 25:61 X");
    expect(replyText(mistake, "lv")).toContain("Laiks „25:61” nav derīgs");
    expect(replyText(mistake, "lv")).toContain("HH:MM:SS");
    expect(replyText(mistake, "en")).toContain("“25:61” is not a time");
    expect(replyText(mistake, "en")).toContain("HH:MM:SS");
  });
});

describe("/cutoff add --tasks twice", () => {
  it("is refused, in both languages, instead of the second list ending up in the title", () => {
    const mistake = mistakeOf("add 2026-12-01 12:00 --tasks 5,14 --tasks 1 T6");
    expect(mistake).toEqual({ reason: "tasks_twice" });
    expect(replyText(mistake, "lv")).toContain("`--tasks` ir norādīts divreiz");
    expect(replyText(mistake, "en")).toContain("`--tasks` is given twice");
  });
});

describe("readCutoffTime", () => {
  it.each([
    ["12:00", { hour: 12, minute: 0 }],
    ["0:00", { hour: 0, minute: 0 }],
    ["9.30", { hour: 9, minute: 30 }],
    ["06:10:30", { hour: 6, minute: 10, second: 30 }],
    ["plkst. 12:00", { hour: 12, minute: 0 }],
    [" plkst.12:00 ", { hour: 12, minute: 0 }],
  ])("reads %j", (text, time) => {
    expect(readCutoffTime(text)).toEqual(time);
  });

  it.each(["abc", "", "3:30:1", "24:00", "9:60", "12:00:60", "12:00 X", "plkst.", "9.30.15"])(
    "refuses %j",
    (text) => {
      expect(readCutoffTime(text)).toBeNull();
    },
  );
});
