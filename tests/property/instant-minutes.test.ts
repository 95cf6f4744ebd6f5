import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { formatInstant } from "../../src/slack/format.ts";

/**
 * Times are shown to the minute everywhere: an instant with seconds (a cut-off set to 06:10:30,
 * a "test mode" reminder 20 s before one) reads as its minute does, in every stored or zoned
 * ISO form.
 */
const instant = fc
  .record({
    ms: fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
    second: fc.constantFrom(0, 10, 20, 30, 59),
    millis: fc.constantFrom(0, 500, 999),
    form: fc.constantFrom("utc", "riga", "no-millis"),
  })
  .map(({ ms, second, millis, form }) => {
    const at = DateTime.fromMillis(ms, { zone: "utc" }).set({ second, millisecond: millis });
    const minute = at.startOf("minute").toISO() ?? "";
    if (form === "riga") return { iso: at.setZone("Europe/Riga").toISO() ?? "", minute };
    if (form === "no-millis")
      return { iso: at.toISO({ suppressMilliseconds: true }) ?? "", minute };
    return { iso: at.toISO() ?? "", minute };
  });

describe("formatInstant to the minute", () => {
  it("shows an instant with seconds as its minute, never HH:MM:SS", () => {
    fc.assert(
      fc.property(
        instant,
        fc.constantFrom("lv" as const, "en" as const),
        fc.constantFrom("Europe/Riga", "UTC"),
        ({ iso, minute }, locale, zone) => {
          const shown = formatInstant(iso, zone, locale);
          expect(shown).toBe(formatInstant(minute, zone, locale));
          expect(shown).toMatch(/ \d{2}:\d{2}$/u);
          expect(shown).not.toMatch(/\d{2}:\d{2}:\d{2}/u);
        },
      ),
      { numRuns: 500 },
    );
  });
});
