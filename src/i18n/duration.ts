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

/**
 * A count as it is read: 60 seconds or more in whole minutes, rounded down (whole units, as the
 * time left is counted): 60 s and 119 s → 1 minute, 120 s → 2 minutes; "vēl 60 sekundes" reads
 * "vēl 1 minūte". Other units as given.
 */
function readable(n: number, unit: DurationUnit): [number, DurationUnit] {
  return unit === "seconds" && n >= 60 ? [Math.floor(n / 60), "minutes"] : [n, unit];
}

const lv = {
  /**
   * `n` units in the nominative, as a span reads before "pirms" and after "vēl": "1 sekunde",
   * "21 sekunde", "2 sekundes", "10 sekundes", "11 sekundes" (not ICU's genitive "10 sekunžu");
   * 60 seconds or more as whole minutes ({@link readable}): "1 minūte", "2 minūtes", "11
   * minūtes", "21 minūte".
   */
  count: (n: number, unit: DurationUnit) => {
    const [count, as] = readable(n, unit);
    return `${count} ${lvPlural(count, ...unitsLv[as])}`;
  },
  /** Parts of one span, largest first: "1 stunda un 30 minūtes". */
  span: (parts: readonly string[]) => joined(parts, "un"),
};

const en: typeof lv = {
  count: (n, unit) => {
    const [count, as] = readable(n, unit);
    return `${count} ${unitsEn[as][count === 1 ? 0 : 1]}`;
  },
  span: (parts) => joined(parts, "and"),
};

/** Spans of time in words: reminders' "time left", the reminder plan's offsets. */
export const durationText = defineCatalog<typeof lv>({ lv, en });
