import { describe, expect, it } from "vitest";
import { cliText } from "../../src/i18n/cli.ts";
import { lvForm, lvNominative } from "../../src/i18n/define.ts";
import { digestText } from "../../src/i18n/digest.ts";
import { homeText } from "../../src/i18n/home.ts";
import { sheetText } from "../../src/i18n/sheet.ts";

describe("lvForm (Latvian plural forms)", () => {
  it.each([
    [0, "ierakstu"],
    [1, "ieraksts"],
    [2, "ieraksti"],
    [11, "ierakstu"],
    [21, "ieraksts"],
    [35, "ieraksti"],
  ])("%i → %s", (n, form) => {
    expect(lvForm(n, "ierakstu", "ieraksts", "ieraksti")).toBe(form);
  });

  it.each([
    [1, "sekunde"],
    [10, "sekundes"],
    [11, "sekundes"],
    [20, "sekundes"],
    [21, "sekunde"],
    [35, "sekundes"],
  ])("lvNominative %i → %s (after “vēl”)", (n, form) => {
    expect(lvNominative(n, "sekunde", "sekundes")).toBe(form);
  });

  it("the digest's cut-off line says 'no 1 institūcijas', 'no 5 institūcijām'", () => {
    const line = (all: number) => digestText("lv").cutoffLine("Ātrs", "30.11.2026.", 0, all);
    expect(line(1)).toContain("no *1* institūcijas.");
    expect(line(21)).toContain("no *21* institūcijas.");
    expect(line(5)).toContain("no *5* institūcijām.");
    expect(line(11)).toContain("no *11* institūcijām.");
  });

  it("the spreadsheet import summary counts its history entries in both languages", () => {
    expect(sheetText("lv").summary("2009-2013", 0, 1, 34, 1)).toContain("1 ieraksts vēsturē");
    expect(sheetText("en").summary("2009-2013", 0, 1, 34, 1)).toContain("1 audit entry.");
  });
});

describe("counts in the App Home and the CLI agree with their number", () => {
  it("Latvian and English", () => {
    expect([1, 11, 26].map((n) => homeText("lv").tasks(n))).toEqual([
      "1 uzdevums",
      "11 uzdevumu",
      "26 uzdevumi",
    ]);
    expect(homeText("en").tasks(1)).toBe("1 task");
    expect(cliText("lv").calendarWrote("k.ics", 21)).toBe("Uzrakstīts k.ics: 21 notikums.");
    expect(cliText("lv").annex.wrote("p.docx", "docx", 35, 1, 10)).toBe(
      "Uzrakstīts p.docx (docx): 35 uzdevumi, 1 atbilde, trūkst 10.",
    );
    expect(cliText("en").import.dryRun(1, 2, "2009-2013")).toContain("1 task and 2 institutions");
  });
});
