import type { Locale } from "../config.ts";
import { en } from "./en.ts";
import { lv } from "./lv.ts";

/** The shape every catalogue has (Latvian is the reference). */
export type Messages = typeof lv;

const catalogues: Record<Locale, Messages> = { lv, en };

/** The catalogue for a locale. */
export function messages(locale: Locale): Messages {
  return catalogues[locale];
}

/**
 * Maps a Slack user locale ("en-US", "lv-LV", "de-DE"; from `users.info` with
 * `include_locale`) to one the app speaks: English for any "en-*", Latvian for "lv-*",
 * otherwise `fallback` (the configured DEFAULT_LOCALE).
 */
export function localeFromSlack(slackLocale: string | undefined, fallback: Locale): Locale {
  if (!slackLocale) return fallback;
  const lang = slackLocale.toLowerCase().split(/[-_]/)[0];
  if (lang === "en") return "en";
  if (lang === "lv") return "lv";
  return fallback;
}
