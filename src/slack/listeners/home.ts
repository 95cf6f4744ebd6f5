import type { BlockStaticSelectAction } from "@slack/bolt";
import { setPreferredLocale } from "../../../db/user-settings.ts";
import type { AppDeps } from "../../app.ts";
import { isSecretary } from "../../auth.ts";
import type { Locale } from "../../config.ts";
import { homeData } from "../../home/model.ts";
import { ActionId } from "../ids.ts";
import { FOLLOW_SLACK, renderHome } from "../render-home.ts";
import type { Listeners } from "../router.ts";

/** The one Web API call the Home needs. */
interface ViewsPublishClient {
  views: {
    publish(args: { user_id: string; view: ReturnType<typeof renderHome> }): Promise<unknown>;
  };
}

/**
 * Registers the App Home's listeners:
 * - `app_home_opened` (Home tab) → `views.publish` of the user's Home
 *   (https://api.slack.com/events/app_home_opened, https://api.slack.com/methods/views.publish);
 * - the language choice ({@link ActionId.homeLanguage}): stores the user's language (or forgets
 *   it: "as in my Slack settings"), drops the user from the locale cache so every later answer
 *   uses it, and publishes the Home again in that language. A Home action carries no
 *   response_url (https://api.slack.com/reference/interaction-payloads/block-actions): the new
 *   Home is the answer.
 */
export function registerHomeListeners(app: Listeners, deps: AppDeps): void {
  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    await publishHome(deps, client, event.user);
  });
  app.action<BlockStaticSelectAction>(
    ActionId.homeLanguage,
    async ({ ack, body, action, client }) => {
      await ack();
      const userId = body.user.id;
      const value = action.selected_option?.value;
      const chosen = languageOf(value);
      if (chosen === undefined) {
        deps.logger.warn({ user: userId, value }, "unknown language choice");
        return;
      }
      await setPreferredLocale(deps.db, userId, chosen, deps.clock.now().toUTC().toISO() ?? "");
      deps.locales.forget(userId);
      deps.logger.info({ user: userId, locale: chosen ?? FOLLOW_SLACK }, "language chosen");
      await publishHome(deps, client, userId);
    },
  );
}

/** "lv"/"en" → that language; {@link FOLLOW_SLACK} → null (no choice); anything else undefined. */
function languageOf(value: string | undefined): Locale | null | undefined {
  if (value === "lv" || value === "en") return value;
  return value === FOLLOW_SLACK ? null : undefined;
}

/**
 * Reads the user's Home data and publishes it in the user's language. Throws what views.publish
 * throws (Slack's error); a caller for whom the Home is a side effect guards it.
 */
export async function publishHome(deps: AppDeps, client: ViewsPublishClient, userId: string) {
  const secretary = await isSecretary(deps, userId);
  const data = await homeData(deps.db, userId, { now: deps.clock.now(), secretary });
  const locale = await deps.locales.forUser(userId);
  await client.views.publish({
    user_id: userId,
    view: renderHome(data, locale, deps.config.timezone),
  });
}
