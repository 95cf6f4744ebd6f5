import type { Locale } from "../config.ts";

/**
 * A feature's message catalogue in both languages. Write the Latvian one first and give its
 * type to the English one (`defineCatalog<typeof lv>({ lv, en })`), so the compiler checks that
 * every message exists in both. Returns a lookup by locale.
 */
export function defineCatalog<T>(catalog: Record<Locale, T>): (locale: Locale) => T {
  return (locale) => catalog[locale];
}

const lvPlural = new Intl.PluralRules("lv");

/**
 * The Latvian word form for the count `n`: Intl.PluralRules("lv") gives "zero" (0, 10–20, 30,
 * …), "one" (1, 21, 31, … but not 11) or "other". Example: `lvForm(1, "ierakstu", "ieraksts",
 * "ieraksti")` is "ieraksts", `lvForm(11, …)` "ierakstu".
 */
export function lvForm(n: number, zero: string, one: string, other: string): string {
  return { zero, one, other }[lvPlural.select(n) as "zero" | "one" | "other"] ?? other;
}

/**
 * The Latvian nominative for the count `n` where the phrase wants the nominative whatever the
 * number, as after "vēl" ("vēl 1 sekunde", "vēl 21 sekunde", "vēl 10 sekundes", "vēl 11
 * sekundes"): the singular when `n` ends in 1 but not 11, else the plural. {@link lvForm} gives
 * the genitive plural for 0, 10–20, 30, … ("10 ierakstu"), right in counts like "35 uzdevumi,
 * 10 atbilžu" but not here.
 */
export function lvNominative(n: number, one: string, other: string): string {
  return lvPlural.select(n) === "one" ? one : other;
}
