/**
 * What `/task 999` says about the programme's numbers: tasks numbered 1–26, some with
 * sub-tasks, given as examples (a fresh user read "1–26 (10.1, 10.1.1, …)" as if those were
 * the only sub-tasks).
 */
import { describe, expect, it } from "vitest";
import { numberOutline } from "../../commands/task-suggest.ts";
import { messages } from "../../src/i18n/index.ts";

describe("numberOutline", () => {
  it("gives the top-level range and two sub-task examples, a deeper one second", () => {
    expect(numberOutline(["1", "2", "10", "10.1", "10.1.1", "10.2", "13.1", "26"])).toEqual({
      first: "1",
      last: "26",
      subtaskExamples: ["10.1", "10.1.1"],
    });
    expect(numberOutline(["1", "10", "10.1", "10.2", "2"])).toEqual({
      first: "1",
      last: "10",
      subtaskExamples: ["10.1", "10.2"],
    });
    expect(numberOutline(["3", "3.1"])).toEqual({
      first: "3",
      last: "3",
      subtaskExamples: ["3.1"],
    });
    expect(numberOutline([])).toEqual({ first: null, last: null, subtaskExamples: [] });
  });
});

describe("numbersExist", () => {
  it.each([
    [
      ["1", "10", "10.1", "10.1.1", "26"],
      "Programmas uzdevumi ir numurēti no 1 līdz 26; dažiem ir apakšuzdevumi, piemēram, 10.1 vai 10.1.1.",
      "The programme's tasks are numbered 1 to 26; some have sub-tasks, such as 10.1 or 10.1.1.",
    ],
    [
      ["1", "2", "5"],
      "Programmas uzdevumi ir numurēti no 1 līdz 5.",
      "The programme's tasks are numbered 1 to 5.",
    ],
    [
      ["3", "3.1"],
      "Programmā ir uzdevums 3; tam ir apakšuzdevumi, piemēram, 3.1.",
      "The programme has task 3; it has sub-tasks, such as 3.1.",
    ],
    [[], "Programmā vēl nav uzdevumu.", "The programme has no tasks yet."],
  ])("%j reads %j / %j", (numbers, lv, en) => {
    expect(messages("lv").errors.numbersExist(numberOutline(numbers))).toBe(lv);
    expect(messages("en").errors.numbersExist(numberOutline(numbers))).toBe(en);
  });
});
