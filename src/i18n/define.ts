import type { Locale } from "../config.ts";

/**
 * A feature's message catalogue in both languages. Write the Latvian one first and give its
 * type to the English one (`defineCatalog<typeof lv>({ lv, en })`), so the compiler checks that
 * every message exists in both. Returns a lookup by locale.
 */
export function defineCatalog<T>(catalog: Record<Locale, T>): (locale: Locale) => T {
  return (locale) => catalog[locale];
}
