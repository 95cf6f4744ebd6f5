import type { Locale } from "../config.ts";
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
  /** Drops what is known of a user (their profile changed: Slack's `user_change` event). */
  forget(userId: string): void;
}

/**
 * A cached locale lookup through `users.info` (https://api.slack.com/methods/users.info).
 * English for "en-*" users, Latvian otherwise. A failed lookup answers `fallback` and is not
 * cached, so the next request tries again. Entries live `ttlMs` (default 1 h); the cache holds
 * at most `maxEntries` users (oldest dropped first).
 */
export function createLocaleResolver(
  client: UsersInfoClient,
  fallback: Locale,
  opts: { ttlMs?: number; maxEntries?: number; now?: () => number } = {},
): LocaleResolver {
  const ttlMs = opts.ttlMs ?? 3_600_000;
  const maxEntries = opts.maxEntries ?? 10_000;
  const now = opts.now ?? (() => performance.now());
  const cache = new Map<string, { locale: Locale; until: number }>();
  const pending = new Map<string, Promise<Locale>>();

  async function lookup(userId: string): Promise<Locale> {
    try {
      const res = await client.users.info({ user: userId, include_locale: true });
      const locale = localeFromSlack(res.user?.locale, fallback);
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
      cache.set(userId, { locale, until: now() + ttlMs });
      return locale;
    } catch {
      return fallback;
    } finally {
      pending.delete(userId);
    }
  }

  return {
    forget(userId) {
      cache.delete(userId);
    },
    forUser(userId) {
      const hit = cache.get(userId);
      if (hit && hit.until > now()) return Promise.resolve(hit.locale);
      const inFlight = pending.get(userId);
      if (inFlight) return inFlight;
      const p = lookup(userId);
      pending.set(userId, p);
      return p;
    },
  };
}
