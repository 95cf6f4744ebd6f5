import type { Locale, SlackLocalePolicy } from "../config.ts";
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
 * `include_locale`) to one the app speaks, for a person who has not chosen one in the app:
 * Latvian for "lv-*"; for "en-*" English only under `policy` "follow" — under
 * "ignore-english" (the default, SLACK_LOCALE) it is no signal, because Slack offers no Latvian
 * interface and nearly every Latvian user has "en-US" or "en-GB" without choosing it; otherwise
 * `fallback` (the configured DEFAULT_LOCALE).
 */
export function localeFromSlack(
  slackLocale: string | undefined,
  fallback: Locale,
  policy: SlackLocalePolicy = "ignore-english",
): Locale {
  if (!slackLocale) return fallback;
  const lang = slackLocale.toLowerCase().split(/[-_]/)[0];
  if (lang === "lv") return "lv";
  if (lang === "en" && policy === "follow") return "en";
  return fallback;
}
