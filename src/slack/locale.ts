import type { Db } from "../../db/client.ts";
import { preferredLocale } from "../../db/user-settings.ts";
import type { Locale, SlackLocalePolicy } from "../config.ts";
import { localeFromSlack } from "../i18n/index.ts";

/** The one Web API call locale lookup needs (`users.info` with `include_locale`). */
export interface UsersInfoClient {
  users: {
    info(args: { user: string; include_locale: boolean }): Promise<{ user?: { locale?: string } }>;
  };
}

/** Resolves a Slack user's locale, remembering answers for `ttlMs`. */
export interface LocaleResolver {
  forUser(userId: string): Promise<Locale>;
  /**
   * Drops what is known of a user: their Slack profile changed (Slack's `user_change` event) or
   * they chose a language in the app. The next `forUser` reads both again.
   */
  forget(userId: string): void;
}

/** Options of {@link createLocaleResolver}. Times in milliseconds. */
export interface LocaleResolverOptions {
  /** The store holding users' own language choices (db/user-settings.ts); none → Slack only. */
  db?: Db;
  /**
   * Whether an "en-*" Slack locale means English ("follow") or nothing ("ignore-english",
   * the default; SLACK_LOCALE): see {@link localeFromSlack}.
   */
  slackLocale?: SlackLocalePolicy;
  /** How long Slack's answer is kept (default 1 h). */
  ttlMs?: number;
  /**
   * How long a user's stored choice (or its absence) is kept (default 30 s, at most `ttlMs`):
   * `forget` makes a choice count at once in this process; other processes of a scale-out
   * (several `serve`) see it within this time.
   */
  preferenceTtlMs?: number;
  /** Most users kept (oldest dropped first; default 10 000). */
  maxEntries?: number;
  /** Monotonic clock in ms (default `performance.now`). */
  now?: () => number;
}

interface Entry {
  /** The user's own choice; null = none. */
  preferred: Locale | null;
  preferredUntil: number;
  /** What Slack's locale maps to; undefined until asked. */
  slack?: Locale;
  slackUntil: number;
}

/**
 * A cached locale lookup, in this order:
 * 1. the language a user chose in the app (App Home; stored in `user_settings`);
 * 2. Slack's user locale from `users.info` (https://api.slack.com/methods/users.info) when it
 *    is a language the app speaks and not Slack's default: "lv-*" → Latvian; "en-*" → English
 *    only with `slackLocale: "follow"` (see {@link localeFromSlack});
 * 3. `fallback` (DEFAULT_LOCALE, Latvian unless set).
 * Slack offers no Latvian interface, so nearly every Latvian user arrives as "en-US" or "en-GB"
 * without having chosen English: by default that is no signal, and English is a choice made on
 * the App Home.
 *
 * A failed store read goes on to Slack; a failed Slack lookup answers `fallback`; neither
 * failure is cached, so the next request tries again. The cache holds at most `maxEntries`
 * users (oldest dropped first); a cache hit costs no I/O.
 */
export function createLocaleResolver(
  client: UsersInfoClient,
  fallback: Locale,
  opts: LocaleResolverOptions = {},
): LocaleResolver {
  const ttlMs = opts.ttlMs ?? 3_600_000;
  const preferenceTtlMs = Math.min(opts.preferenceTtlMs ?? 30_000, ttlMs);
  const maxEntries = opts.maxEntries ?? 10_000;
  const now = opts.now ?? (() => performance.now());
  const { db } = opts;
  const policy = opts.slackLocale ?? "ignore-english";
  const cache = new Map<string, Entry>();
  const pending = new Map<string, Promise<Locale>>();

  function remember(userId: string, entry: Entry): void {
    cache.delete(userId);
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
    cache.set(userId, entry);
  }

  async function slackLocale(userId: string): Promise<Locale | undefined> {
    try {
      const res = await client.users.info({ user: userId, include_locale: true });
      return localeFromSlack(res.user?.locale, fallback, policy);
    } catch {
      return undefined;
    }
  }

  async function lookup(userId: string, known: Entry | undefined): Promise<Locale> {
    const t = now();
    let preferred: Locale | null | undefined = null;
    let preferredUntil = Number.POSITIVE_INFINITY;
    if (db) {
      preferred = await preferredLocale(db, userId).catch(() => undefined);
      preferredUntil = t + preferenceTtlMs;
    }
    if (preferred === undefined) return (await slackLocale(userId)) ?? fallback;
    if (preferred) {
      remember(userId, { ...(known ?? { slackUntil: 0 }), preferred, preferredUntil });
      return preferred;
    }
    if (known?.slack && known.slackUntil > t) {
      remember(userId, { ...known, preferred: null, preferredUntil });
      return known.slack;
    }
    const slack = await slackLocale(userId);
    if (slack === undefined) return fallback;
    remember(userId, { preferred: null, preferredUntil, slack, slackUntil: now() + ttlMs });
    return slack;
  }

  return {
    forget(userId) {
      cache.delete(userId);
    },
    forUser(userId) {
      const hit = cache.get(userId);
      const t = now();
      if (hit && hit.preferredUntil > t) {
        if (hit.preferred) return Promise.resolve(hit.preferred);
        if (hit.slack && hit.slackUntil > t) return Promise.resolve(hit.slack);
      }
      const inFlight = pending.get(userId);
      if (inFlight) return inFlight;
      // `finally` runs in a later microtask, so the entry is always set before it is dropped.
      const p = lookup(userId, hit).finally(() => pending.delete(userId));
      pending.set(userId, p);
      return p;
    },
  };
}
