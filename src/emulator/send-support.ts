/**
 * What both modes of `npm run slack` share (send-cli.ts: a slash command; send-channel.ts:
 * `--history` and `--reply`): the I/O, the flags, the emulator's users and channel names, and a
 * client that signs as Slack does.
 */
import type { TextOptions } from "../slack/blocks-to-text.ts";
import { ApiError } from "./args.ts";
import { createSlackClient, type SlackClient } from "./client.ts";
import { ControlError } from "./client-backend.ts";
import { chooseLanguageOnHome, HOME_LANGUAGES, type HomeLanguage } from "./home-language.ts";
import type { LocalSlackFile } from "./local-file.ts";
import { DEFAULT_BOT_TOKEN } from "./server.ts";

/** Where the CLI writes and what it reads; tests replace them. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The local-mode file; default local-slack.json under DATA_DIR (`.env` or environment). */
  file?: string;
  timeoutMs?: number;
  /** The slash commands the app declares; default those of manifest.json. */
  commands?: readonly string[];
}

export interface CliFlags {
  user?: string;
  channel?: string;
  lang?: string;
  slackLocale?: string;
  json?: boolean;
  /** Print the channel's messages (the app's reminder threads) instead of sending. */
  history?: boolean;
  /** Post the words as a message in the thread with this ts (a reply), instead of a command. */
  reply?: string;
}

/** A client signing as Slack does, acting as `userId` in `channelId`, for the local app. */
export function localClient(file: LocalSlackFile, userId: string, channelId: string): SlackClient {
  return createSlackClient({
    appUrl: file.appUrl,
    signingSecret: file.signingSecret,
    emulator: { url: file.emulatorUrl },
    teamId: file.teamId,
    userId,
    channelId,
  });
}

/** "en" → "en-US", "lv" → "lv-LV", "de-AT" as is; `undefined` for anything else. */
export function localeFor(lang: string): string | undefined {
  if (/^[a-z]{2}-[A-Z]{2}$/.test(lang)) return lang;
  return { en: "en-US", lv: "lv-LV" }[lang.toLowerCase()];
}

/** `--lang`'s value as a Home choice ("EN" → "en"); `undefined` when it is none. */
export function homeLanguage(lang: string): HomeLanguage | undefined {
  return HOME_LANGUAGES.find((l) => l === lang.toLowerCase());
}

/**
 * What a person does before they act (a command, a reply, an edit or a deletion): with
 * `--slack-locale`, change Slack's language (the emulator's user, then Slack's `user_change`, on
 * which the app forgets the cached locale); with `--lang`, choose the app's language on its Home
 * tab (src/emulator/home-language.ts), stored by the app so it sticks. Either is done for
 * `userId`, the person who then acts; nothing is done without them. Resolves once the app has
 * re-published the Home (the choice in force). Values are taken as valid (the CLI refuses others
 * first). @throws Error when the emulator or the app does not answer, or `timeoutMs` (ms) passes.
 */
export async function prepareUser(
  client: SlackClient,
  file: LocalSlackFile,
  userId: string,
  flags: Pick<CliFlags, "user" | "lang" | "slackLocale">,
  timeoutMs: number,
): Promise<void> {
  const locale = flags.slackLocale === undefined ? undefined : localeFor(flags.slackLocale);
  const language = flags.lang === undefined ? undefined : homeLanguage(flags.lang);
  if (flags.user !== undefined || locale !== undefined || language !== undefined)
    await ensureUser(file, userId, locale);
  // As Slack does when someone changes their language: the app forgets the cached locale.
  if (locale !== undefined)
    await client.event({ type: "user_change", user: { id: userId, locale } });
  if (language !== undefined)
    await chooseLanguageOnHome({
      client,
      emulatorUrl: file.emulatorUrl,
      userId,
      language,
      timeoutMs,
    });
}

/** Makes sure the emulator knows the user (Slack always does), with the locale asked for. */
export async function ensureUser(
  file: LocalSlackFile,
  userId: string,
  locale?: string,
): Promise<void> {
  const response = await fetch(`${file.emulatorUrl}/_emulator/users`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ id: userId, ...(locale ? { locale } : {}) }),
  });
  if (!response.ok)
    throw new Error(`the emulator refused user ${userId} (HTTP ${response.status})`);
}

/**
 * Name → user ID of the local Slack's people (users.list), for turning a typed `@name` into
 * the mention Slack's client sends; empty when the emulator does not answer. Never throws.
 */
export async function localPeople(file: LocalSlackFile): Promise<Map<string, string>> {
  const body = await botCall<{ members?: Array<{ id?: string; name?: string }> }>(
    file,
    "users.list",
    {},
  );
  const people = new Map<string, string>();
  for (const m of body?.ok ? (body.members ?? []) : [])
    if (m.id && m.name) people.set(m.name, m.id);
  return people;
}

/**
 * Name → channel ID of the local Slack's channels (conversations.list; direct messages left
 * out), for turning a typed `#name` into the channel Slack's client sends; empty when the
 * emulator does not answer. Never throws.
 */
export async function localChannels(file: LocalSlackFile): Promise<Map<string, string>> {
  const body = await botCall<{ channels?: Array<{ id?: string; name?: string }> }>(
    file,
    "conversations.list",
    {},
  );
  const channels = new Map<string, string>();
  for (const c of body?.ok ? (body.channels ?? []) : [])
    if (c.id && c.name) channels.set(c.name, c.id);
  return channels;
}

/**
 * The person `--user` names in the local Slack (users.list): a user ID ("U0LOCAL02"), or a
 * name as Slack shows it, with or without "@" ("anna", "@anna"; exact, else in any case).
 * `{ id }` when it has them, or when it does not answer (`user` as given: the command then
 * fails where it would); else its people as "@name (U…)", bots left out, under `missing`, to
 * list in the refusal. Slack only lets its own members act.
 */
export async function knownUser(
  file: LocalSlackFile,
  user: string,
): Promise<{ id: string } | { missing: string[] }> {
  const body = await botCall<{
    members?: Array<{ id?: string; name?: string; is_bot?: boolean }>;
  }>(file, "users.list", {});
  if (!body?.ok) return { id: user };
  const all = body.members ?? [];
  const members = all.filter((m) => m.id && !m.is_bot);
  const byId = all.find((m) => m.id === user);
  const name = user.replace(/^@/u, "");
  const byName =
    members.find((m) => m.name === name) ??
    members.find((m) => m.name?.toLowerCase() === name.toLowerCase());
  const found = byId ?? byName;
  if (found?.id) return { id: found.id };
  return { missing: members.filter((m) => m.name).map((m) => `@${m.name} (${m.id})`) };
}

/**
 * The app's direct-message channel with `userId` in the local Slack: "D" and the rest of the
 * ID ("U0LOCAL02" → "D0LOCAL02"), as the emulator opens it (workspace.ts `imWith`). Pure.
 */
export function dmChannelOf(userId: string): string {
  return `D${userId.replace(/^[UW]/u, "")}`;
}

/**
 * Whether the local Slack has the conversation `channel` (an ID or a channel's name, as
 * {@link findChannel} resolves it): its ID when it has it, or when the emulator does not
 * answer (`channel` as given: the command then fails where it would); a direct message the app
 * has not opened yet whose person exists counts too (Slack lets that person type a command
 * there). `dmUser`: for a direct message, the person the app talks to in it (only they can
 * type there). Else its channels as "#name (C…)", to list in the refusal, under `missing`.
 */
export async function knownChannel(
  file: LocalSlackFile,
  channel: string,
): Promise<{ id: string; dmUser?: string } | { missing: string[] }> {
  const found = await findChannel(file, channel).catch((): { id: string; dmUser?: string } => ({
    id: channel,
  }));
  if (found) return found.dmUser ? { id: found.id, dmUser: found.dmUser } : { id: found.id };
  if (await dmNotOpened(file, channel)) return { id: channel, dmUser: `U${channel.slice(1)}` };
  const channels = [...(await localChannels(file))].map(([name, id]) => `#${name} (${id})`);
  return { missing: channels };
}

/** A D… channel the local Slack lacks whose person (U… of the same digits) it has. */
async function dmNotOpened(file: LocalSlackFile, channel: string): Promise<boolean> {
  if (!/^D[A-Z0-9]+$/u.test(channel)) return false;
  const body = await botCall<{ ok?: boolean }>(file, "users.info", {
    user: `U${channel.slice(1)}`,
  });
  return body?.ok === true;
}

/** A Web API call to the emulator as the app's bot; null when it does not answer. */
async function botCall<T>(file: LocalSlackFile, method: string, args: Record<string, string>) {
  return fetch(`${file.emulatorUrl}/api/${method}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${DEFAULT_BOT_TOKEN}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams(args),
  })
    .then((res) => res.json() as Promise<T & { ok?: boolean; error?: string }>)
    .catch(() => null);
}

/**
 * The conversation `channel` names in the local Slack (an ID, or a channel's name, as the
 * emulator's conversations.info resolves them): its ID, whether it is a DM and, for a DM, the
 * person in it (`dmUser`, conversations.info's `user`); null when Slack
 * answers channel_not_found. @throws Error when the emulator does not answer.
 */
export async function findChannel(
  file: LocalSlackFile,
  channel: string,
): Promise<{ id: string; isIm: boolean; dmUser?: string } | null> {
  const body = await botCall<{ channel?: { id?: string; is_im?: boolean; user?: string } }>(
    file,
    "conversations.info",
    { channel },
  );
  if (body === null) throw new Error("fetch failed");
  if (!body.ok || !body.channel?.id) return null;
  const isIm = body.channel.is_im === true;
  const dmUser = isIm ? body.channel.user : undefined;
  return { id: body.channel.id, isIm, ...(dmUser ? { dmUser } : {}) };
}

/** User mentions looked up at most, per text. */
const USER_LOOKUPS_MAX = 20;

/**
 * `text` with Slack's user mentions (`<@U0LOCAL01>`, `<@U0LOCAL01|anna>`) as a person reads
 * them in Slack: `@sekretars`, the name the local Slack gives that user (users.info), else
 * the label the mention carries, else `@` and the ID. Never throws.
 */
export async function withMentions(file: LocalSlackFile, text: string): Promise<string> {
  const pattern = /<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g;
  const ids = [...new Set([...text.matchAll(pattern)].map((m) => m[1] ?? ""))];
  const names = new Map<string, string>();
  await Promise.all(
    ids.slice(0, USER_LOOKUPS_MAX).map(async (id) => {
      const body = await botCall<{ user?: { name?: string } }>(file, "users.info", { user: id });
      if (body?.ok && body.user?.name) names.set(id, body.user.name);
    }),
  );
  return text.replace(
    pattern,
    (_, id: string, label?: string) => `@${names.get(id) ?? (label || id)}`,
  );
}

/** Channel mentions looked up at most, per answer. */
const CHANNEL_LOOKUPS_MAX = 20;

/**
 * The names of the channels `answer` mentions by id alone (`<#C0LOCAL01>`, rich-text channel
 * elements), as the emulator's `conversations.info` gives them, so the printer can show
 * `#darba-grupa` where Slack would. Channels it does not know (and DMs) are left out; never throws.
 */
export async function channelNames(
  file: LocalSlackFile,
  answer: unknown,
): Promise<TextOptions["channelNames"]> {
  const json = JSON.stringify(answer ?? null);
  const ids = new Set(
    [...json.matchAll(/<#([A-Z0-9]+)>|"channel_id":"([A-Z0-9]+)"/g)].map((m) => m[1] ?? m[2] ?? ""),
  );
  const names = new Map<string, string>();
  await Promise.all(
    [...ids].slice(0, CHANNEL_LOOKUPS_MAX).map(async (id) => {
      const body = await botCall<{ channel?: { name?: string; is_im?: boolean } }>(
        file,
        "conversations.info",
        { channel: id },
      );
      const name = body?.ok && !body.channel?.is_im ? body.channel?.name : undefined;
      if (name) names.set(id, name);
    }),
  );
  return names;
}

/**
 * The Slack error code of a refusal by the local Slack (`thread_not_found`,
 * `cant_update_message`, …): a {@link ControlError}'s `code` (control API, another process) or
 * an {@link ApiError}'s (the emulator in this process); undefined for anything else.
 */
export function errorCode(error: unknown): string | undefined {
  if (error instanceof ControlError || error instanceof ApiError) return error.code;
  return undefined;
}
