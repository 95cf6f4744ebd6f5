/**
 * The digest's and App Home's "↩️ Atbildes saņemtas arī uz ziņošanas termiņu …" names every task
 * of those replies in `/task N history` (it named only the first), or the general form past 3;
 * consecutive lines name each task once (two lines each ending "`/task 5 history`" repeated it).
 */
import { describe, expect, it } from "vitest";
import { historyTasks, historyTasksOnce } from "../../src/digest/other-cutoffs.ts";
import { digestText } from "../../src/i18n/digest.ts";

const two = {
  institutions: [
    { code: "IEM", tasks: ["5"] },
    { code: "LM", tasks: ["14", "5"] },
  ],
};

describe("another cut-off's replies point to each task's history", () => {
  it("every task once, by number", () => {
    expect(historyTasks(two)).toEqual(["5", "14"]);
    expect(historyTasks({ institutions: [{ code: "LM", tasks: ["14", "13.4", "2"] }] })).toEqual([
      "2",
      "13.4",
      "14",
    ]);
  });

  it("names them all (lv, en)", () => {
    const lv = digestText("lv").otherCutoff(
      1,
      "Pirmais",
      "01.12.2026.",
      ["IEM (5)", "LM (14)"],
      historyTasks(two),
    );
    expect(lv).toBe(
      "↩️ Atbildes saņemtas arī uz ziņošanas termiņu #1 „Pirmais” (01.12.2026.): IEM (5); LM (14). Uzdevumu atbildes ar to ziņošanas termiņiem – `/task 5 history`, `/task 14 history`.",
    );
    const en = digestText("en").otherCutoff(1, "First", "1 Dec 2026", ["LM (14)"], ["14"]);
    expect(en).toContain("A task's replies with their cut-offs: `/task 14 history`.");
  });

  it("more than 3: '/task N history' with N explained", () => {
    const many = ["1", "2", "3", "4"];
    expect(digestText("lv").otherCutoff(1, "P", "d", ["LM (1, 2, 3, 4)"], many)).toContain(
      "Uzdevumu atbildes ar to ziņošanas termiņiem – `/task N history` (N – uzdevuma numurs).",
    );
    expect(digestText("en").otherCutoff(1, "P", "d", ["LM (1, 2, 3, 4)"], many)).toContain(
      "Each task's replies with their cut-offs: `/task N history` (N – the task's number).",
    );
    // One task given as a string, as before.
    expect(digestText("lv").otherCutoff(1, "P", "d", ["LM (14)"], "14")).toContain(
      "Uzdevuma atbildes ar to ziņošanas termiņiem – `/task 14 history`.",
    );
  });

  it("consecutive lines name each task's history once; a line with none named gives no hint", () => {
    const lines = [
      two,
      { institutions: [{ code: "VP", tasks: ["5"] }] },
      { institutions: [{ code: "VP", tasks: ["5", "2"] }] },
    ];
    expect(historyTasksOnce(lines)).toEqual([["5", "14"], [], ["2"]]);
    const lv = digestText("lv").otherCutoff(2, "Otrais", "02.12.2026.", ["VP (5)"], []);
    expect(lv).toBe(
      "↩️ Atbildes saņemtas arī uz ziņošanas termiņu #2 „Otrais” (02.12.2026.): VP (5).",
    );
    const en = digestText("en").otherCutoff(2, "Second", "2 Dec 2026", ["VP (5)"], []);
    expect(en).toBe(
      "↩️ Replies were also received for reporting cut-off #2 “Second” (2 Dec 2026): VP (5).",
    );
  });
});
