import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, TASK_ARG_MAX } from "../../commands/task.ts";
import { nearestNumber } from "../../commands/task-suggest.ts";
import { anyDecimalSystem, inDigits } from "../helpers/any-digits.ts";

describe("/task parse", () => {
  it.each([
    ["14", "14"],
    ["14.", "14"],
    [" 14 ", "14"],
    ["  14 ", "14"],
    ["10.1.2", "10.1.2"],
    ["10.1.2.", "10.1.2"],
    ["#14", "14"],
    ["uzd. 14", "14"],
    ["014", "14"],
    ["0", "0"],
    ["27", "27"],
    ["99999999999999999999", "99999999999999999999"],
    ["12345.67890", "12345.67890"],
    ["1.2.3.4.5", "1.2.3.4.5"],
  ])("reads %j as task %s", (text, number) => {
    expect(parse(text)).toEqual({ kind: "task", number });
  });

  it.each(["", "   ", "help", "HELP", "palīdzība", "?"])("reads %j as help", (text) => {
    expect(parse(text)).toEqual({ kind: "help" });
  });

  it.each(["IEM", "iem", "IeM", "VP GKrPP", "ĀM", "abc"])(
    "reads %j as an institution query",
    (text) => {
      expect(parse(text)).toEqual({ kind: "institution", query: text });
    },
  );

  it.each([
    ["14 history abc", "14", "abc"],
    ["14 history -1", "14", "-1"],
    ["10.1.2 vēsture 1234", "10.1.2", "1234"],
    ["#014 history two pages", "14", "two pages"],
  ])("reads %j as a history request whose page is not a number", (text, number, page) => {
    expect(parse(text)).toEqual({ kind: "invalid", reason: "bad_page", number, page });
  });

  it("still reads a history request with or without a page", () => {
    expect(parse("14 history")).toEqual({ kind: "history", number: "14", page: 1 });
    expect(parse("14 history 2")).toEqual({ kind: "history", number: "14", page: 2 });
  });

  it("refuses an argument longer than the limit, saying how long it was", () => {
    expect(parse("x".repeat(3000))).toEqual({ kind: "invalid", reason: "too_long", length: 3000 });
    expect(parse("1".repeat(TASK_ARG_MAX + 1))).toMatchObject({
      kind: "invalid",
      reason: "too_long",
    });
  });

  it.each(["🙂", "14 🙂", "1..2", "<@U123>", "-5", "14/15"])("does not understand %j", (text) => {
    expect(parse(text)).toMatchObject({ kind: "invalid", reason: "not_understood" });
  });
  // A fresh user's finding: "/task ١٤" (an Arabic keyboard) was not understood.
  it.each([
    ["١٤", "14"], // U+0661 U+0664 Arabic-Indic
    ["۱۴", "14"], // U+06F1 U+06F4 Extended Arabic-Indic
    ["\u200F١٤", "14"], // after a right-to-left mark
    ["#١٤.", "14"],
    ["١٠.١.٢", "10.1.2"],
    ["१४", "14"], // Devanagari
    ["１４", "14"], // fullwidth
    ["1٤", "14"],
    ["٠١٤", "14"],
  ])("reads %j (digits of another script) as task %s", (text, number) => {
    expect(parse(text)).toEqual({ kind: "task", number });
  });

  it("reads other scripts' digits wherever /task takes a number", () => {
    expect(parse("١٤ history ٢")).toEqual({ kind: "history", number: "14", page: 2 });
    expect(parse("٢٠١٤:٣")).toEqual({ kind: "task", number: "3", programme: "2014" });
    expect(parse("۱۴ set deadline ٢٠٢٧-٠٦-٣٠")).toMatchObject({ kind: "set", number: "14" });
  });

  // A fresh user's finding: separators typed on other keyboards were not read.
  it.each([
    ["１３．３", "13.3"], // U+FF0E fullwidth full stop
    ["١٣٫٣", "13.3"], // U+066B Arabic decimal separator
    ["۱۰٫۱٫۲", "10.1.2"],
    ["１４．", "14"],
    ["#١٣٫٣.", "13.3"],
  ])("reads %j (another keyboard's separators) as task %s", (text, number) => {
    expect(parse(text)).toEqual({ kind: "task", number });
  });

  it("reads other keyboards' separators wherever /task takes a number", () => {
    expect(parse("２０１４：３")).toEqual({ kind: "task", number: "3", programme: "2014" });
    expect(parse("٢٠١٤： ١٣٫٣")).toEqual({ kind: "task", number: "13.3", programme: "2014" });
    expect(parse("１３．３ history ２")).toEqual({ kind: "history", number: "13.3", page: 2 });
    expect(parse("١٤ set deadline ٣٠٫٠٦٫٢٠٢٧")).toMatchObject({ kind: "set", number: "14" });
  });

  it("echoes a mistake typed with other keyboards' separators as typed", () => {
    expect(parse("١٤،١٥")).toEqual({ kind: "invalid", reason: "not_understood", text: "١٤،١٥" });
    expect(parse("１４。")).toEqual({ kind: "invalid", reason: "not_understood", text: "１４。" });
    expect(parse("14 history ٣٫x")).toEqual({
      kind: "invalid",
      reason: "bad_page",
      number: "14",
      page: "٣٫x",
    });
    expect(parse("１４ set deadline ３１．０２．２０２７")).toEqual({
      kind: "invalid",
      reason: "bad_set",
      problem: "invalid_date",
      text: "３１．０２．２０２７",
    });
  });

  it("echoes a mistake as typed, its digits unchanged", () => {
    expect(parse("١٤/١٥")).toEqual({ kind: "invalid", reason: "not_understood", text: "١٤/١٥" });
  });

  // A reviewer's finding: a bad page and a bad `set` value were echoed with ASCII digits.
  it.each([
    ["14 history ٣x", "14", "٣x"],
    ["١٤ vēsture ٠", "14", "٠"],
    ["𝟏𝟒 history 𝟎x 𝟐", "14", "𝟎x 𝟐"], // mathematical digits: two UTF-16 units each
  ])("echoes %j's page as typed", (text, number, page) => {
    expect(parse(text)).toEqual({ kind: "invalid", reason: "bad_page", number, page });
  });

  it.each([
    ["14 set deadline ٣١.٠٢.٢٠٢٧", "invalid_date", "٣١.٠٢.٢٠٢٧"],
    ["𝟏𝟒 set deadline 𝟑𝟏.𝟎𝟐.𝟐𝟎𝟐𝟕", "invalid_date", "𝟑𝟏.𝟎𝟐.𝟐𝟎𝟐𝟕"],
    ["١٤ set statuss ٣ līgumi", "bad_status", "٣ līgumi"],
    ["14 set deadline ٢٠٢٧/x", "bad_deadline", "٢٠٢٧/x"],
    ["2014:١٤ set ٣x ١", "unknown_field", "٣x"],
    ["14 set status", "missing_value", "status"],
  ])("echoes %j's set mistake as typed", (text, problem, echo) => {
    expect(parse(text)).toEqual({ kind: "invalid", reason: "bad_set", problem, text: echo });
  });

  it("reads any number in any script's digits and full stops as the same task as in ASCII", () => {
    fc.assert(
      fc.property(
        anyDecimalSystem,
        fc.array(fc.integer({ min: 1, max: 99_999 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(".", "٫", "．"),
        (nu, parts, dot) => {
          const typed = parts.map((p) => inDigits(nu, p)).join(dot);
          expect(parse(typed)).toEqual(parse(parts.join(".")));
        },
      ),
    );
  });
});

describe("nearestNumber", () => {
  const numbers = ["1", "2", "10", "10.1", "10.1.1", "10.2", "13", "13.1", "14", "26"];
  it.each([
    ["27", "26"],
    ["0", "1"],
    ["10.4", "10.2"],
    ["10.1.9", "10.1.1"],
    ["12", "13"],
    ["62", "26"],
    ["14.1", "14"],
    ["140", "14"],
    ["3", "2"],
    ["10.99999999999999999999", "10"],
  ])("guesses %s → %s, a plausible typo", (wanted, nearest) => {
    expect(nearestNumber(wanted, numbers)).toBe(nearest);
  });
  it.each(["999", "99", "55", "99999999999999999999", "7.7"])(
    "makes no guess for %s, which is no typo of an existing number",
    (wanted) => expect(nearestNumber(wanted, numbers)).toBeNull(),
  );
  it("is null without numbers", () => expect(nearestNumber("1", [])).toBeNull());
});
