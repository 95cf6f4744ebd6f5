import { describe, expect, it } from "vitest";
import { lvForm } from "../../src/i18n/define.ts";
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

  it("the spreadsheet import summary counts its history entries in both languages", () => {
    expect(sheetText("lv").summary("2009-2013", 0, 1, 34, 1)).toContain("1 ieraksts vēsturē");
    expect(sheetText("en").summary("2009-2013", 0, 1, 34, 1)).toContain("1 audit entry.");
  });
});
