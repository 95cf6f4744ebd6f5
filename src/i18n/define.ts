import type { Locale } from "../config.ts";

/**
 * A feature's message catalogue in both languages. Write the Latvian one first and give its
 * type to the English one (`defineCatalog<typeof lv>({ lv, en })`), so the compiler checks that
 * every message exists in both. Returns a lookup by locale.
 */
export function defineCatalog<T>(catalog: Record<Locale, T>): (locale: Locale) => T {
  return (locale) => catalog[locale];
}

const lvRules = new Intl.PluralRules("lv");

/**
 * The Latvian word form for the count `n`, as standard modern Latvian writes a noun after a
 * numeral: `one` after a number ending in 1 but not 11 (1, 21, 101), `other` after any other
 * number, 0 and 10–20 included: `lvPlural(n, "atbilde", "atbildes")` gives "1 atbilde",
 * "21 atbilde", "2 atbildes", "10 atbildes", "11 atbildes". The case is the phrase's own
 * ("no 1 institūcijas", "no 5 institūcijām"; "1 termiņā", "10 termiņos"), never the number's.
 *
 * Intl.PluralRules("lv") has a third category, "zero" (0, 10–20, 30, …, 100, …), which CLDR
 * pairs with the genitive plural ("10 atbilžu", "11 uzdevumu"); that usage is dated and mixes
 * badly with "7 atbildes" in one list, so it takes `other` here. Source: CLDR plural rules for
 * lv (`one`: n % 10 = 1 and n % 100 ≠ 11).
 */
export function lvPlural(n: number, one: string, other: string): string {
  return lvRules.select(n) === "one" ? one : other;
}

/**
 * An English count and its noun: `enCount(1, "task", "tasks")` gives "1 task", any other
 * number (0 and negatives included) "2 tasks", "0 tasks" — English's two plural forms (CLDR
 * plural rules for en: `one` only for 1).
 */
export function enCount(n: number, one: string, other: string): string {
  return `${n} ${n === 1 ? one : other}`;
}
