/** `/cutoff` text as people type it: the mistakes named with the words that caused them. */
import { describe, expect, it } from "vitest";
import { mistakeReply } from "../../commands/cutoff-change.ts";
import { type CutoffMistake, parse } from "../../commands/cutoff-parse.ts";

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
