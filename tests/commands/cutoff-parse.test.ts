/** `/cutoff` text as people type it: the mistakes named with the words that caused them. */
import { describe, expect, it } from "vitest";
import { mistakeReply } from "../../commands/cutoff-mistake.ts";
import {
  type CutoffMistake,
  misplacedTime,
  parse,
  readCutoffTime,
} from "../../commands/cutoff-parse.ts";

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
    ["add 2027-02-01 plkst. 12:00 C", { hour: 12, minute: 0 }, "C"],
    ["add 2027-02-01 PLKST 9.30 C", { hour: 9, minute: 30 }, "C"],
    ["add 2027. gada 1. februārī plkst. 12:00 C", { hour: 12, minute: 0 }, "C"],
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
    expect(parse("move 3 2027-02-05 plkst. 06:10")).toEqual({
      kind: "move",
      id: 3,
      date: { kind: "date", date: "2027-02-05" },
      time: { hour: 6, minute: 10 },
    });
  });

  // As `/session add` refuses "10:00:30": a cut-off is set to the minute, as times are shown.
  it.each([
    ["add 2026-12-01 06:10:30 Sekundes", "06:10:30", "06:10"],
    ["add 2027-02-01 3:30:15 Y", "3:30:15", "03:30"],
    ["add 2027-02-01 plkst.12:00:05 C", "plkst.12:00:05", "12:00"],
    ["add 2027-02-01 plkst. 12:00:00 C", "plkst. 12:00:00", "12:00"],
    ["add 2027-02-01 23:59:59 C", "23:59:59", "23:59"],
    ["add 2026-12-02 ١٢:٠٠:٣٠ C", "١٢:٠٠:٣٠", "12:00"],
    ["move 6 rīt 12:00:30", "12:00:30", "12:00"],
    ["add 2026-12-20 --time=06:10:30 Title", "06:10:30", "06:10"],
    ["add 2026-12-20 Title --time 12:00:45", "12:00:45", "12:00"],
    ["add 2026-12-20 Title --time 12:00 --time 12:00:00", "12:00:00", "12:00"],
    ["move 3 2027-02-05 --time plkst. 9.30.15", "plkst. 9.30.15", null],
  ])("refuses seconds in %j, naming the minute to write", (text, input, minute) => {
    expect(parse(text)).toEqual({
      kind: "invalid",
      mistake:
        minute === null ? { reason: "bad_time", input } : { reason: "time_seconds", input, minute },
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
    expect(replyText(mistake, "lv")).toContain("(HH:MM)");
    expect(replyText(mistake, "en")).toContain("“25:61” is not a time");
    expect(replyText(mistake, "en")).toContain("(HH:MM)");
  });

  it("says a time with seconds has them, and the minute to write, in both languages", () => {
    const mistake = mistakeOf("add 2026-12-02 12:00:30 X");
    expect(replyText(mistake, "lv")).toContain(
      "Laiks „12:00:30” ir ar sekundēm: ziņošanas termiņu norāda stundās un minūtēs (HH:MM), piemēram, 12:00.",
    );
    expect(replyText(mistake, "en")).toContain(
      "“12:00:30” has seconds: a cut-off is set in hours and minutes (HH:MM), e.g. 12:00.",
    );
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

describe("/cutoff add and move take the CLI's --time HH:MM too", () => {
  it.each([
    ["add 2026-12-20 Title --time 12:00", { hour: 12, minute: 0 }, "Title"],
    ["add 2026-12-20 --time 12:00 Title", { hour: 12, minute: 0 }, "Title"],
    ["add 2026-12-20 Title --time plkst. 9.30", { hour: 9, minute: 30 }, "Title"],
    ["add 2026-12-20 12:00 Title --time 12:00", { hour: 12, minute: 0 }, "Title"],
  ])("%j", (text, time, title) => {
    expect(parse(text)).toEqual({
      kind: "add",
      date: { kind: "date", date: "2026-12-20" },
      time,
      title,
      tasks: null,
    });
  });

  it("with --tasks on either side", () => {
    expect(parse("add 2026-12-20 --tasks 1,5 Title --time 12:00")).toMatchObject({
      time: { hour: 12, minute: 0 },
      title: "Title",
      tasks: ["1", "5"],
    });
    expect(parse("add 2026-12-20 Title --time 12:00 --tasks 14")).toMatchObject({
      time: { hour: 12, minute: 0 },
      title: "Title",
      tasks: ["14"],
    });
  });

  it("in move", () => {
    expect(parse("move 3 2027-02-05 --time 12:00")).toEqual({
      kind: "move",
      id: 3,
      date: { kind: "date", date: "2027-02-05" },
      time: { hour: 12, minute: 0 },
    });
    expect(parse("move 3 --time 12:00 2027-02-05")).toMatchObject({
      time: { hour: 12, minute: 0 },
    });
    expect(parse("move 3 2027-02-05 12:00 --time 12:00")).toMatchObject({
      time: { hour: 12, minute: 0 },
    });
  });

  it.each([
    ["add 2026-12-20 12:00 Title --time 13:00", "12:00", "13:00"],
    ["add 2026-12-20 Title --time 12:00 --time 13:00", "12:00", "13:00"],
    ["move 3 2027-02-05 12:00 --time 12:30", "12:00", "12:30"],
  ])("refuses %j: two different times", (text, first, second) => {
    expect(mistakeOf(text)).toEqual({ reason: "times_differ", first, second });
  });

  it.each([
    ["add 2026-12-20 Title --time", { reason: "missing_time" }],
    ["add 2026-12-20 Title --time --tasks 1", { reason: "missing_time" }],
    ["add 2026-12-20 Title --time=", { reason: "missing_time" }],
    ["add 2026-12-20 Title --time 25:00", { reason: "bad_time", input: "25:00" }],
    ["add 2026-12-20 Title --time abc", { reason: "bad_time", input: "abc" }],
    ["move 3 2027-02-05 --time", { reason: "missing_time" }],
  ])("refuses %j rather than taking --time into the title", (text, mistake) => {
    expect(mistakeOf(text)).toEqual(mistake);
  });

  it("says so in both languages", () => {
    const differ = mistakeOf("add 2026-12-20 12:00 Title --time 13:00");
    expect(replyText(differ, "lv")).toContain("Norādīti divi dažādi laiki: „12:00” un „13:00”.");
    expect(replyText(differ, "en")).toContain("Two different times given: “12:00” and “13:00”.");
    const missing = mistakeOf("add 2026-12-20 Title --time");
    expect(replyText(missing, "lv")).toContain("Aiz `--time` norādiet laiku");
    expect(replyText(missing, "en")).toContain("Give a time after `--time`");
  });
});

describe("misplacedTime never keeps a dangling --time in its suggestion", () => {
  it("drops the flag with the time it moves", () => {
    expect(
      misplacedTime("/session add", ["2026-12-20"], ["Title", "--time", "12:00"]),
    ).toMatchObject({ input: "12:00", example: "/session add 2026-12-20 12:00 Title" });
    expect(
      misplacedTime("/cutoff add", ["2026-12-20"], ["A", "B", "--TIME", "plkst.", "9.30", "C"]),
    ).toMatchObject({ input: "plkst. 9.30", example: "/cutoff add 2026-12-20 plkst. 9.30 A B C" });
  });

  it("still names a time after the title without the flag", () => {
    expect(mistakeOf("add 2026-12-20 Title 12:00")).toEqual({
      reason: "time_after_title",
      input: "12:00",
      example: "/cutoff add 2026-12-20 12:00 Title",
    });
  });
});
