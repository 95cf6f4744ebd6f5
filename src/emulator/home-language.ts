/**
 * Chooses a person's language the way they do in Slack: open the app's Home tab (the app
 * publishes it on `app_home_opened`), pick an option of its language select (a `block_actions`
 * from the Home view), and wait for the app to publish the Home again. Works with any emulator
 * reachable over HTTP, so the `npm run slack` CLI and in-process tests share it.
 * Event and payload: https://api.slack.com/events/app_home_opened,
 * https://api.slack.com/reference/interaction-payloads/block-actions
 */
import { ActionId } from "../slack/ids.ts";
import type { SlackClient } from "./client-types.ts";

/** The values of the Home's language select (src/slack/render-home.ts): a language, or "slack". */
export const HOME_LANGUAGES = ["lv", "en", "slack"] as const;

/** One of {@link HOME_LANGUAGES}; "slack" withdraws the choice. */
export type HomeLanguage = (typeof HOME_LANGUAGES)[number];

/** What {@link chooseLanguageOnHome} needs. */
export interface HomeLanguageInput {
  /** A client signing requests to the app (its default user is not used: `userId` acts). */
  client: SlackClient;
  /** The emulator's base URL (its `/_emulator/home` control route is read). */
  emulatorUrl: string;
  userId: string;
  language: HomeLanguage;
  /** How long to wait for each publish, in ms (default 10 000). */
  timeoutMs?: number;
}

type HomeView = Record<string, unknown> & { id: string; hash: string };

/**
 * The Home the app published for `userId`; with `after`, waits for one whose hash differs.
 * @throws Error when none arrives within `timeoutMs`.
 */
async function publishedHome(
  emulatorUrl: string,
  userId: string,
  after: string | undefined,
  timeoutMs: number,
): Promise<HomeView> {
  const query = new URLSearchParams({ user: userId, wait: String(timeoutMs) });
  if (after !== undefined) query.set("after", after);
  const res = await fetch(`${emulatorUrl.replace(/\/+$/, "")}/_emulator/home?${query}`);
  const body = (await res.json()) as { ok?: boolean; view?: HomeView | null };
  if (!body.ok || !body.view)
    throw new Error(`the app published no Home tab for ${userId} within ${timeoutMs} ms`);
  return body.view;
}

/**
 * Opens `userId`'s Home tab and picks `language` in its language select, as the person would;
 * resolves once the app has published the Home again (the choice is then stored and in force).
 * The user must be known to the emulator (views.publish refuses unknown users).
 * @returns the re-published Home view (with `id` and `hash`).
 * @throws Error when the app does not publish a Home, has no such option, or refuses the action.
 */
export async function chooseLanguageOnHome(input: HomeLanguageInput): Promise<HomeView> {
  const { client, emulatorUrl, userId, language } = input;
  const timeoutMs = input.timeoutMs ?? 10_000;
  const before = await fetch(
    `${emulatorUrl.replace(/\/+$/, "")}/_emulator/home?${new URLSearchParams({ user: userId })}`,
  ).then((r) => r.json() as Promise<{ view?: HomeView | null }>);
  const opened = await client.event({
    type: "app_home_opened",
    user: userId,
    channel: "D0HOME001",
    tab: "home",
  });
  if (opened.status !== 200) throw new Error(`the app answered HTTP ${opened.status} to the Home`);
  const home = await publishedHome(emulatorUrl, userId, before.view?.hash ?? "", timeoutMs);
  const res = await client.blockAction({
    actionId: ActionId.homeLanguage,
    value: language,
    userId,
    view: home,
  });
  if (res.status !== 200) throw new Error(`the app answered HTTP ${res.status} to the choice`);
  return publishedHome(emulatorUrl, userId, home.hash, timeoutMs);
}
