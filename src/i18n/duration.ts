import { defineCatalog, lvPlural } from "./define.ts";

/** A unit of a span of time, largest first. */
export type DurationUnit = "days" | "hours" | "minutes" | "seconds";

/** The units a span is written in, largest first. */
export const DURATION_UNITS: readonly DurationUnit[] = ["days", "hours", "minutes", "seconds"];

/** Latvian units, singular and nominative plural ("1 diena", "21 diena", "10 dienas"). */
const unitsLv: Record<DurationUnit, [string, string]> = {
  days: ["diena", "dienas"],
  hours: ["stunda", "stundas"],
  minutes: ["minūte", "minūtes"],
  seconds: ["sekunde", "sekundes"],
};
const unitsEn: Record<DurationUnit, [string, string]> = {
  days: ["day", "days"],
  hours: ["hour", "hours"],
  minutes: ["minute", "minutes"],
  seconds: ["second", "seconds"],
};

/** "a, b un c" / "a, b and c". */
const joined = (items: readonly string[], and: string) =>
  items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;

/** A span of time by unit ("1 minute and 30 seconds" is `{ minutes: 1, seconds: 30 }`); a unit left out is 0. */
export type DurationAmounts = Partial<Record<DurationUnit, number>>;

/** The words of a span's nonzero units, largest first, with `count`; "0 seconds" when all are 0. */
const spanParts = (
  amounts: DurationAmounts,
  count: (n: number, unit: DurationUnit) => string,
): string[] => {
  const parts = DURATION_UNITS.filter((unit) => (amounts[unit] ?? 0) !== 0).map((unit) =>
    count(amounts[unit] ?? 0, unit),
  );
  return parts.length > 0 ? parts : [count(0, "seconds")];
};

const lv = {
  /**
   * `n` units in the nominative, as a span reads before "pirms" and after "vēl": "1 sekunde",
   * "21 sekunde", "2 sekundes", "10 sekundes", "11 sekundes" (not ICU's genitive "10 sekunžu").
   * As given: 90 seconds read "90 sekundes" ({@link lv.words} splits a span into units).
   */
  count: (n: number, unit: DurationUnit) => `${n} ${lvPlural(n, ...unitsLv[unit])}`,
  /** Parts of one span, largest first: "1 stunda un 30 minūtes". */
  span: (parts: readonly string[]) => joined(parts, "un"),
  /**
   * A span in words, its nonzero units largest first: `{ minutes: 1, seconds: 30 }` → "1 minūte
   * un 30 sekundes", `{ minutes: 1 }` → "1 minūte". The one reading of the reminder plan's
   * offsets (`/cutoff plan`) and a follow-up reminder's time left, so the two agree.
   */
  words: (amounts: DurationAmounts) => lv.span(spanParts(amounts, lv.count)),
};

const en: typeof lv = {
  count: (n, unit) => `${n} ${unitsEn[unit][n === 1 ? 0 : 1]}`,
  span: (parts) => joined(parts, "and"),
  words: (amounts) => en.span(spanParts(amounts, en.count)),
};

/** Spans of time in words: reminders' "time left", the reminder plan's offsets. */
export const durationText = defineCatalog<typeof lv>({ lv, en });
