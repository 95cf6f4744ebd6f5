import { describe, expect, it } from "vitest";
import { parse, TASK_ARG_MAX } from "../../commands/task.ts";
import { nearestNumber } from "../../commands/task-suggest.ts";

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
