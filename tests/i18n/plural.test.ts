import { describe, expect, it } from "vitest";
import { programmeSize } from "../../src/domain/programme-size.ts";
import { cliText } from "../../src/i18n/cli.ts";
import { cutoffText } from "../../src/i18n/cutoff.ts";
import { lvPlural } from "../../src/i18n/define.ts";
import { digestText } from "../../src/i18n/digest.ts";
import { durationText } from "../../src/i18n/duration.ts";
import { en } from "../../src/i18n/en.ts";
import { exportText } from "../../src/i18n/export.ts";
import { historyText } from "../../src/i18n/history.ts";
import { homeText } from "../../src/i18n/home.ts";
import { institutionText } from "../../src/i18n/institution.ts";
import { lv } from "../../src/i18n/lv.ts";
import { roleText } from "../../src/i18n/role.ts";
import { sheetText } from "../../src/i18n/sheet.ts";

/**
 * Standard modern Latvian: the noun after a numeral is nominative, singular after a number
 * ending in 1 but not 11, plural otherwise; 0 and 10–20 (CLDR's "zero") included.
 */
const table: Array<[number, "one" | "other"]> = [
  [0, "other"],
  [1, "one"],
  [2, "other"],
  [10, "other"],
  [11, "other"],
  [16, "other"],
  [21, "one"],
  [100, "other"],
  [101, "one"],
  [111, "other"],
];

describe("lvPlural (Latvian counts)", () => {
  it.each(table)("%i → %s", (n, form) => {
    expect(lvPlural(n, "atbilde", "atbildes")).toBe(form === "one" ? "atbilde" : "atbildes");
  });

  it.each(table)("messages count %i in the nominative (%s)", (n, form) => {
    const one = form === "one";
    expect(cliText("lv").calendarWrote("k.ics", n)).toBe(
      `Uzrakstīts k.ics: ${n} ${one ? "notikums" : "notikumi"}.`,
    );
    expect(cliText("lv").annex.wrote("p.docx", "docx", n, n, 0)).toBe(
      `Uzrakstīts p.docx (docx): ${n} ${one ? "uzdevums" : "uzdevumi"}, ${n} ${one ? "atbilde" : "atbildes"}, trūkst 0.`,
    );
    expect(homeText("lv").tasks(n)).toBe(`${n} ${one ? "uzdevums" : "uzdevumi"}`);
    expect(lv.overview.tasks(n)).toBe(`${n} ${one ? "uzdevums" : "uzdevumi"}`);
    expect(digestText("lv").tasks(n)).toBe(`*${n}* ${one ? "uzdevums" : "uzdevumi"}`);
    expect(cutoffText("lv").scope(n, n)).toBe(
      `${n} ${one ? "uzdevums" : "uzdevumi"}, ${n} ${one ? "institūcija" : "institūcijas"}`,
    );
    expect(historyText("lv").noSuchPage(n + 1, n)).toContain(
      `vēsturē ir ${n} ${one ? "lapa" : "lapas"}.`,
    );
    expect(sheetText("lv").failed(n)).toContain(`(${n} ${one ? "kļūda" : "kļūdas"}):`);
    expect(durationText("lv").count(n, "days")).toBe(`${n} ${one ? "diena" : "dienas"}`);
    expect(sheetText("lv").summary("P", 0, 0, n, 0)).toContain(
      `bez izmaiņām ${n} ${one ? "uzdevums" : "uzdevumi"};`,
    );
    expect(exportText("lv").unverifiedLeftOut(n)).toBe(
      one
        ? `(ir ${n} nepārbaudīta atbilde, kas nav iekļauta)`
        : `(ir ${n} nepārbaudītas atbildes, kas nav iekļautas)`,
    );
    expect(digestText("lv").rate(50, 0, n, 1)).toContain(
      `no ${n} ${one ? "prasītās atbildes" : "prasītajām atbildēm"};`,
    );
    expect(institutionText("lv").tooManyContacts(n, 20)).toMatch(
      one ? `Norādīta ${n} kontaktpersona;` : `Norādītas ${n} kontaktpersonas;`,
    );
    for (const tooLong of [roleText("lv").tooLong, cutoffText("lv").tooLong]) {
      expect(tooLong(n, 0)).toContain(`(${n} ${one ? "rakstzīme" : "rakstzīmes"};`);
    }
  });

  it("the digest's cut-off line says 'no 1 institūcijas', 'no 5 institūcijām'", () => {
    const line = (all: number) => digestText("lv").cutoffLine("Ātrs", "30.11.2026.", 0, all);
    expect(line(1)).toContain("no *1* institūcijas.");
    expect(line(21)).toContain("no *21* institūcijas.");
    expect(line(5)).toContain("no *5* institūcijām.");
    expect(line(11)).toContain("no *11* institūcijām.");
    expect(line(10)).toContain("no *10* institūcijām.");
    expect(line(101)).toContain("no *101* institūcijas.");
    expect(line(111)).toContain("no *111* institūcijām.");
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
      "11 uzdevumi",
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

describe("/task help counts tasks and sub-tasks apart, as the README does", () => {
  it("Latvian and English, singular and plural, none under any task", () => {
    expect(lv.overview.tasks(26, 9)).toBe("26 uzdevumi un 9 apakšuzdevumi");
    expect(lv.overview.tasks(21, 1)).toBe("21 uzdevums un 1 apakšuzdevums");
    expect(lv.overview.tasks(26)).toBe("26 uzdevumi");
    expect(en.overview.tasks(26, 9)).toBe("26 tasks and 9 sub-tasks");
    expect(en.overview.tasks(1, 1)).toBe("1 task and 1 sub-task");
  });

  it("the App Home and the digest say it as /task help does", () => {
    expect(homeText("lv").tasks(26, 9)).toBe("26 uzdevumi un 9 apakšuzdevumi");
    expect(homeText("lv").tasks(21, 1)).toBe("21 uzdevums un 1 apakšuzdevums");
    expect(homeText("en").tasks(26, 9)).toBe("26 tasks and 9 sub-tasks");
    expect(digestText("lv").tasks(26, 9)).toBe("*26* uzdevumi un *9* apakšuzdevumi");
    expect(digestText("lv").tasks(1, 21)).toBe("*1* uzdevums un *21* apakšuzdevums");
    expect(digestText("en").tasks(1, 1)).toBe("*1* task and *1* sub-task");
    expect(digestText("en").tasks(26)).toBe("*26* tasks");
  });
});

describe("programmeSize counts a row under another row of the programme as a sub-task", () => {
  it("the bundled annex's shape, an orphan, none", () => {
    const row = (number: string, parent: string | null) => ({ number, parent });
    expect(
      programmeSize([row("10", null), row("10.1", "10"), row("10.1.1", "10.1"), row("11", null)]),
    ).toEqual({ tasks: 2, subtasks: 2 });
    // A row whose parent is not in the programme counts as a task.
    expect(programmeSize([row("13.4", "13"), row("14", null)])).toEqual({ tasks: 2, subtasks: 0 });
    expect(programmeSize([])).toEqual({ tasks: 0, subtasks: 0 });
  });
});
