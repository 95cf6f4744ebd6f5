/**
 * A person's own settings, chosen in the app (the App Home): the language the app speaks to
 * them. Slack has no Latvian interface language, so the locale `users.info` reports puts almost
 * every member of a Latvian working group into English; a stored choice wins over it (see
 * `src/slack/locale.ts`).
 */
import { LOCALES, type Locale } from "../src/config.ts";
import type { Db } from "./client.ts";

/**
 * The language `userId` chose, or null when they have not chosen (the app follows Slack's
 * locale, then DEFAULT_LOCALE). A stored value the app no longer speaks reads as null.
 */
export async function preferredLocale(db: Db, userId: string): Promise<Locale | null> {
  const row = await db
    .selectFrom("user_settings")
    .select("locale")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  const locale = row?.locale;
  return (LOCALES as readonly string[]).includes(locale ?? "") ? (locale as Locale) : null;
}

/**
 * Stores `userId`'s language (insert or replace); null forgets the choice, so the app follows
 * Slack's locale again. `at` is a UTC ISO instant. Callers must also drop the user from the
 * locale resolver's cache (`LocaleResolver.forget`) for the choice to take effect at once.
 */
export async function setPreferredLocale(
  db: Db,
  userId: string,
  locale: Locale | null,
  at: string,
): Promise<void> {
  await db
    .insertInto("user_settings")
    .values({ user_id: userId, locale, updated_at: at })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ locale, updated_at: at }))
    .execute();
}
