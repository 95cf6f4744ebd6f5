/**
 * `npm run slack -- --home [--user U…] [--lang en|lv|slack] [--json]`: opens the app's Home tab
 * as Slack does when a person clicks it, and prints what the app published there. The local
 * Slack sends the app the signed `app_home_opened` event (https://api.slack.com/events/app_home_opened),
 * the app answers with views.publish, and the tool waits for that publish (the emulator's
 * `/_emulator/home` long-poll for a Home newer than the one before, not a fixed sleep), then
 * prints its blocks as text (src/slack/blocks-to-text.ts, as `--history` prints messages) or,
 * with `--json`, the raw blocks. With `--lang` / `--slack-locale` the person's language is
 * chosen on that Home (send-support.ts, prepareUser) and the Home opened again, so it comes in
 * it. The tool's own lines are in `t`'s language.
 */
import type { SlackToolText } from "../i18n/cli-slack.ts";
import { blocksToText } from "../slack/blocks-to-text.ts";
import { localLinks } from "./archives.ts";
import type { SlackClient } from "./client-types.ts";
import type { LocalSlackFile } from "./local-file.ts";
import {
  type CliFlags,
  type CliIo,
  channelNames,
  ensureUser,
  knownUser,
  localClient,
  prepareUser,
  withMentions,
} from "./send-support.ts";

/** How long to wait for the app to publish the Home, in milliseconds (`io.timeoutMs` wins). */
export const HOME_WAIT_MS = 10_000;

/** The flag of this mode (`npm run slack`'s others are in send-support.ts). */
export interface HomeFlags {
  /** Open the app's Home tab and print it (`--home`). */
  home?: boolean;
}

interface HomeView {
  hash?: string;
  blocks?: unknown[];
}

/**
 * The Home last published for `userId`; with `after` (a hash), waits up to `waitMs` for one
 * whose hash differs. `null` when there is none (yet).
 */
async function homeView(
  file: LocalSlackFile,
  userId: string,
  after?: string,
  waitMs = 0,
): Promise<HomeView | null> {
  const query = new URLSearchParams({ user: userId });
  if (after !== undefined) {
    query.set("after", after);
    query.set("wait", String(waitMs));
  }
  const res = await fetch(`${file.emulatorUrl}/_emulator/home?${query}`);
  const body = (await res.json()) as { ok?: boolean; view?: HomeView | null };
  return body.ok && body.view ? body.view : null;
}

/**
 * Opens `userId`'s Home tab as Slack does: the signed `app_home_opened` event, then waits up to
 * `waitMs` for the app's views.publish (a Home whose hash differs from the one before).
 * @returns `{view}` (null when none came in time), or the app's refusal (`status`, `body`).
 */
async function openHome(
  client: SlackClient,
  file: LocalSlackFile,
  userId: string,
  waitMs: number,
): Promise<{ view: HomeView | null } | { status: number; body: unknown }> {
  const before = await homeView(file, userId);
  const opened = await client.event({
    type: "app_home_opened",
    user: userId,
    channel: `D${userId.slice(1)}`,
    tab: "home",
    ...(before ? { view: before } : {}),
  });
  if (opened.status !== 200) return { status: opened.status, body: opened.body };
  return { view: await homeView(file, userId, before?.hash ?? "", waitMs) };
}

/**
 * Opens `--user`'s (default the local user's) Home and prints it. Exit codes: 0 printed; 1 the
 * app refused the event (HTTP status printed) or published no Home within `io.timeoutMs`
 * (default {@link HOME_WAIT_MS}; the message says the app may not be running and how to start
 * it); 2 a command given too, or a `--user` the local Slack lacks (who it has is listed).
 * @throws Error when the emulator does not answer (the caller prints "not running").
 */
export async function showHome(
  file: LocalSlackFile,
  words: string[],
  flags: HomeFlags & CliFlags,
  io: CliIo,
  t: SlackToolText,
): Promise<number> {
  if (words.join(" ").trim() !== "") {
    io.stderr(t.usage);
    return 2;
  }
  // Slack only lets its own members act: "U0LOCAL02", "anna" or "@anna", else refused.
  const known = flags.user === undefined ? { id: file.userId } : await knownUser(file, flags.user);
  if ("missing" in known) {
    io.stderr(t.unknownUser(flags.user ?? "", known.missing.join(", ")));
    return 2;
  }
  const userId = known.id;
  const waitMs = io.timeoutMs ?? HOME_WAIT_MS;
  const client = localClient(file, userId, flags.channel ?? file.channelId);
  // Slack knows everyone who opens a tab; views.publish refuses a user it does not know.
  await ensureUser(file, userId);
  let view = await openHome(client, file, userId, waitMs);
  // --lang / --slack-locale: chosen on the Home once it answers, then the Home opened again.
  if (
    !("status" in view) &&
    view.view &&
    (flags.lang !== undefined || flags.slackLocale !== undefined)
  ) {
    await prepareUser(client, file, userId, flags, waitMs);
    view = await openHome(client, file, userId, waitMs);
  }
  if ("status" in view) {
    io.stderr(t.httpStatus(view.status, JSON.stringify(view.body)));
    return 1;
  }
  if (!view.view) {
    io.stderr(t.noHome(await withMentions(file, `<@${userId}>`), Math.round(waitMs / 1000)));
    return 1;
  }
  return printHome(file, userId, view.view, flags.json === true, io, t);
}

/** Prints the Home's blocks as text after its mark, or with `json` the raw blocks; exit 0. */
async function printHome(
  file: LocalSlackFile,
  userId: string,
  view: HomeView,
  json: boolean,
  io: CliIo,
  t: SlackToolText,
): Promise<number> {
  if (json) {
    io.stdout(JSON.stringify({ blocks: view.blocks ?? [] }, null, 2));
    return 0;
  }
  const text = blocksToText(view.blocks, { channelNames: await channelNames(file, view) });
  io.stdout(t.homeOf(await withMentions(file, `<@${userId}>`)));
  io.stdout(localLinks(await withMentions(file, text), file.emulatorUrl));
  return 0;
}
