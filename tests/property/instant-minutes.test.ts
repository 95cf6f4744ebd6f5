import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { showsSeconds } from "../../src/slack/format.ts";

/** What `showsSeconds` answers by parsing every instant with luxon (its rule before the text shortcut). */
function byParsing(isos: string[]): boolean {
  return isos.some((iso) => {
    const at = DateTime.fromISO(iso, { zone: "utc" });
    return at.isValid && at.second !== 0;
  });
}

const instant = fc
  .record({
    ms: fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
    second: fc.constantFrom(0, 0, 0, 10, 20, 59),
    millis: fc.constantFrom(0, 0, 500),
    form: fc.constantFrom("utc", "riga", "no-millis", "no-seconds"),
  })
  .map(({ ms, second, millis, form }) => {
    const at = DateTime.fromMillis(ms, { zone: "utc" }).set({ second, millisecond: millis });
    if (form === "riga") return at.setZone("Europe/Riga").toISO() ?? "";
    if (form === "no-millis") return at.toISO({ suppressMilliseconds: true }) ?? "";
    if (form === "no-seconds") return at.toISO({ suppressSeconds: true }) ?? "";
    return at.toISO() ?? "";
  });

describe("showsSeconds", () => {
  it("answers as parsing every instant would, for stored and zoned ISO forms and any text", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(instant, fc.string()), { maxLength: 4 }), (isos) => {
        expect(showsSeconds(isos)).toBe(byParsing(isos));
      }),
      { numRuns: 500 },
    );
  });
});
