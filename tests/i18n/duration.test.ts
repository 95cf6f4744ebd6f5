/**
 * Spans of time in words, as the reminder plan and `remind --now` show offsets and reminders
 * the time left: the nominative in Latvian ("20 sekundes pirms termiņa"), with the singular for
 * 1, 21, 31 … but not 11 (Intl.PluralRules("lv")); a span split into units by `words`.
 */
import { describe, expect, it } from "vitest";
import { durationText } from "../../src/i18n/duration.ts";
import { kindLabel } from "../../src/slack/render-cutoff.ts";

describe("durationText", () => {
  it.each([
    [1, "1 sekunde", "1 second"],
    [2, "2 sekundes", "2 seconds"],
    [9, "9 sekundes", "9 seconds"],
    [10, "10 sekundes", "10 seconds"],
    [11, "11 sekundes", "11 seconds"],
    [20, "20 sekundes", "20 seconds"],
    [21, "21 sekunde", "21 seconds"],
    [31, "31 sekunde", "31 seconds"],
    [51, "51 sekunde", "51 seconds"],
  ])("counts %i as %s / %s", (n, lv, en) => {
    expect(durationText("lv").count(n, "seconds")).toBe(lv);
    expect(durationText("en").count(n, "seconds")).toBe(en);
  });

  it("counts seconds as given, however many", () => {
    expect(durationText("lv").count(90, "seconds")).toBe("90 sekundes");
    expect(durationText("en").count(60, "seconds")).toBe("60 seconds");
  });

  it.each([
    [{ seconds: 59 }, "59 sekundes", "59 seconds"],
    [{ minutes: 1 }, "1 minūte", "1 minute"],
    [{ minutes: 1, seconds: 30 }, "1 minūte un 30 sekundes", "1 minute and 30 seconds"],
    [{ hours: 1, minutes: 30 }, "1 stunda un 30 minūtes", "1 hour and 30 minutes"],
    [{ days: 21, hours: 0 }, "21 diena", "21 days"],
    [{}, "0 sekundes", "0 seconds"],
  ])("reads the span %o as %s / %s", (amounts, lv, en) => {
    expect(durationText("lv").words(amounts)).toBe(lv);
    expect(durationText("en").words(amounts)).toBe(en);
  });

  it("counts minutes as given", () => {
    expect(durationText("lv").count(1, "minutes")).toBe("1 minūte");
    expect(durationText("lv").count(21, "minutes")).toBe("21 minūte");
    expect(durationText("lv").count(11, "minutes")).toBe("11 minūtes");
    expect(durationText("en").count(2, "minutes")).toBe("2 minutes");
  });

  it("joins the parts of a span", () => {
    expect(durationText("lv").span(["1 diena", "2 stundas", "30 minūtes"])).toBe(
      "1 diena, 2 stundas un 30 minūtes",
    );
    expect(durationText("en").span(["1 hour", "1 minute"])).toBe("1 hour and 1 minute");
  });
});

describe("the reminder plan's offsets (kindLabel)", () => {
  it.each([
    ["PT20S", "20 sekundes pirms termiņa", "20 seconds before"],
    ["PT10S", "10 sekundes pirms termiņa", "10 seconds before"],
    ["PT1S", "1 sekunde pirms termiņa", "1 second before"],
    ["PT21S", "21 sekunde pirms termiņa", "21 seconds before"],
    ["PT11M", "11 minūtes pirms termiņa", "11 minutes before"],
    ["PT21M", "21 minūte pirms termiņa", "21 minutes before"],
    ["PT2H", "2 stundas pirms termiņa", "2 hours before"],
    ["PT1H30M", "1 stunda un 30 minūtes pirms termiņa", "1 hour and 30 minutes before"],
    ["PT90S", "1 minūte un 30 sekundes pirms termiņa", "1 minute and 30 seconds before"],
    ["PT60S", "1 minūte pirms termiņa", "1 minute before"],
    ["P1D", "1 diena pirms termiņa", "1 day before"],
    ["P14D", "14 dienas pirms termiņa", "14 days before"],
    ["P21D", "21 diena pirms termiņa", "21 days before"],
    ["P1DT12H", "1 diena un 12 stundas pirms termiņa", "1 day and 12 hours before"],
  ])("before-%s → %s / %s", (iso, lv, en) => {
    expect(kindLabel(`before-${iso}`, "lv")).toBe(lv);
    expect(kindLabel(`before-${iso}`, "en")).toBe(en);
  });

  it("never uses the genitive plural after a count", () => {
    for (const iso of ["PT10S", "PT15M", "PT20H", "P10D", "P11D"])
      expect(kindLabel(`before-${iso}`, "lv")).not.toMatch(/sekunžu|minūšu|stundu|dienu/u);
  });
});
