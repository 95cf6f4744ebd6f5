/**
 * What an edit changed, as `/task N history` shows it: each side cut around the difference
 * (a long narrative's edit of one word shows that word, not the narrative's start twice), never
 * inside Slack's codes or entities, each side within its length; and a moved reply's line
 * without its text once it was withdrawn. Pure functions, lv and en.
 */
import { describe, expect, it } from "vitest";
import { textChange } from "../../src/history/text-change.ts";
import type { TimelineEntry } from "../../src/history/timeline.ts";
import { historyLine } from "../../src/slack/render-history.ts";

const sentences = (n: number, i: number, word: string) =>
  Array.from(
    { length: n },
    (_, k) => `${k + 1}. teikumā minēts darbs ar ${k === i ? word : "pašvaldībām"} un policiju.`,
  ).join(" ");

describe("textChange", () => {
  it("shows a short text whole on both sides", () => {
    expect(textChange("14: Izpildīts 2010. gadā", "14: Izpildīts 2011. gadā", 200)).toEqual({
      before: "14: Izpildīts 2010. gadā",
      after: "14: Izpildīts 2011. gadā",
    });
  });

  it("cuts a long narrative around the changed word, from its sentence, '…' at both ends", () => {
    const before = sentences(80, 40, "pašvaldībām");
    const after = sentences(80, 40, "ministrijām");
    expect(before.length).toBeGreaterThan(4_000);
    const change = textChange(before, after, 200);
    expect(change.before).toMatch(/^…41\. teikumā minēts darbs ar pašvaldībām un policiju\..*…$/u);
    expect(change.after).toMatch(/^…41\. teikumā minēts darbs ar ministrijām un policiju\..*…$/u);
    expect(change.before.length).toBeLessThanOrEqual(200);
    expect(change.after.length).toBeLessThanOrEqual(200);
  });

  it("keeps each side within max when the whole text was rewritten", () => {
    const change = textChange("a ".repeat(3_000), "b ".repeat(3_000), 120);
    expect(change.before.length).toBeLessThanOrEqual(120);
    expect(change.after.length).toBeLessThanOrEqual(120);
    expect(change.before.endsWith("…")).toBe(true);
  });

  it("marks texts that differ only in whitespace, and only those", () => {
    expect(textChange("14: a b", "14: a  b\n", 200)).toEqual({
      before: "14: a b",
      after: "14: a b",
      whitespaceOnly: true,
    });
    expect(textChange("a b", "a b", 200).whitespaceOnly).toBeUndefined();
    expect(textChange("a b", "a c", 200).whitespaceOnly).toBeUndefined();
  });

  it("never starts or ends inside a link code or an entity", () => {
    const link = "<https://likumi.lv/ta/id/123456-grozijumi-darba-likuma|Grozījumi Darba likumā>";
    const before = `${"Ievads. ".repeat(10)}Sk. ${link} R&amp;D pieņemts 2010. gadā ${"un tā tālāk ".repeat(20)}`;
    const after = before.replace("2010", "2011");
    const change = textChange(before, after, 200);
    for (const side of [change.before, change.after]) {
      expect(side.split("<").length).toBe(side.split(">").length);
      expect(side).not.toMatch(/&[a-z]{0,3}(?:…|$)/u);
      expect(side.startsWith("…") || side.startsWith("Ievads")).toBe(true);
    }
    expect(change.after).toContain("2011. gadā");
  });
});

describe("historyLine of an edit and of a withdrawn moved reply", () => {
  const base = {
    at: "2027-01-10T09:00:00.000Z",
    institution: "LM",
    userId: "U0ANNA",
    cutoffId: 3,
    link: null,
  };
  it("an edit shows its text before and after, escaped once, as lv and en quote", () => {
    const edit: TimelineEntry = {
      kind: "replyEdit",
      ...base,
      change: { before: "R&amp;D 2010", after: "R&amp;D 2011" },
    };
    expect(historyLine(edit, "lv", "Europe/Riga")).toMatch(
      /✏️ \*LM\* atbilde labota \(<@U0ANNA>, #3\): „R&amp;D 2010” → „R&amp;D 2011”$/u,
    );
    expect(historyLine(edit, "en", "Europe/Riga")).toMatch(
      /reply edited \(<@U0ANNA>, #3\): “R&amp;D 2010” → “R&amp;D 2011”$/u,
    );
    const withdrawn: TimelineEntry = { ...edit, change: null };
    expect(historyLine(withdrawn, "lv", "Europe/Riga")).toMatch(
      /atbilde labota \(<@U0ANNA>, #3\)$/u,
    );
  });

  it("an edit of only whitespace says so instead of the same text twice, lv and en", () => {
    const edit: TimelineEntry = {
      kind: "replyEdit",
      ...base,
      change: textChange("Atzinums nosūtīts", "Atzinums\nnosūtīts", 200),
    };
    expect(historyLine(edit, "lv", "Europe/Riga")).toMatch(
      /✏️ \*LM\* atbilde labota \(<@U0ANNA>, #3\): labotas tikai atstarpes$/u,
    );
    expect(historyLine(edit, "en", "Europe/Riga")).toMatch(
      /reply edited \(<@U0ANNA>, #3\): only whitespace changed$/u,
    );
  });

  it("a withdrawn reply moved away is marked, without its text", () => {
    const moved: TimelineEntry = {
      kind: "replyMoved",
      ...base,
      actor: "U0ANNA",
      from: "14",
      to: "5",
      here: false,
      receivedAt: "2027-01-08T09:00:00.000Z",
      late: false,
      excerpt: null,
      change: null,
      withdrawn: true,
    };
    expect(historyLine(moved, "lv", "Europe/Riga")).toMatch(
      /\(<@U0ANNA>, #3, saņemta 08\.01\.2027\.\) pārvietota uz uzdevumu 5 _\(atsaukta – teksts netiek rādīts\)_$/u,
    );
    expect(historyLine(moved, "en", "Europe/Riga")).toMatch(
      /received 8 Jan 2027\) moved to task 5 _\(withdrawn – the text is not shown\)_$/u,
    );
  });
});
