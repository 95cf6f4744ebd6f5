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

const lv = {
  /**
   * `n` units in the nominative, as a span reads before "pirms" and after "vēl": "1 sekunde",
   * "21 sekunde", "2 sekundes", "10 sekundes", "11 sekundes" (not ICU's genitive "10 sekunžu").
   */
  count: (n: number, unit: DurationUnit) => `${n} ${lvPlural(n, ...unitsLv[unit])}`,
  /** Parts of one span, largest first: "1 stunda un 30 minūtes". */
  span: (parts: readonly string[]) => joined(parts, "un"),
};

const en: typeof lv = {
  count: (n, unit) => `${n} ${unitsEn[unit][n === 1 ? 0 : 1]}`,
  span: (parts) => joined(parts, "and"),
};

/** Spans of time in words: reminders' "time left", the reminder plan's offsets. */
export const durationText = defineCatalog<typeof lv>({ lv, en });
