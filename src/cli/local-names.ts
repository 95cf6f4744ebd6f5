/**
 * The names the CLI gives Slack's people and channels, so a terminal reads `#darba-grupa` and
 * `@darba.grupa` (in local mode, as `npm run slack` shows them) or Slack's own names (with Slack
 * credentials), not `#C0LOCAL01` and `<@U0LOCAL01>`. Local mode reads them from the workspace
 * file the running app keeps under DATA_DIR (local-workspace.json, see
 * `SlackEmulator.persistTo`), which outlives the app, so a stopped app's channels are named
 * too, and asks the running app's emulator for the rest; Slack mode asks Slack (users.info,
 * conversations.info). The store keeps IDs only. How an answer's text is named for the
 * terminal: `namedTerminalText` (named-text.ts).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ErrorCode } from "@slack/web-api";
import type { Config } from "../config.ts";
import type { SlackWeb } from "../slack/web.ts";
import { slackClientFor } from "./slack-for.ts";

/** The workspace file the local app keeps its people, channels and messages in. */
export function localWorkspaceFile(dataDir: string): string {
  return join(dataDir, "local-workspace.json");
}

/**
 * Channel ID → name (without "#") of the channels that `mentioned` (blocks, text, any JSON)
 * names as `<#C…>`, rich-text channel elements or `"channel":"C…"`, as Slack names them. In
 * local mode from the workspace file (and without `mentioned`, every channel the file names;
 * direct messages left out), and for an ID it lacks (the app writes it only after its first
 * request) from the running app's emulator; with Slack credentials from Slack. Both are asked
 * `conversations.info` through the CLI's Web API client ({@link slackClientFor}), each channel
 * once per run. Channels nobody names (a DM, an unknown ID, no answer, no token) are left out:
 * the caller then prints the IDs. Never throws.
 */
export async function channelNames(
  config: NamingConfig,
  mentioned?: unknown,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const local = config.slack.mode === "local";
  if (local) for (const [id, name] of await fileNames(config.dataDir)) names.set(id, name);
  if (mentioned === undefined) return names;
  const json = JSON.stringify(mentioned ?? null);
  const ids = new Set(
    [
      ...json.matchAll(/<#([A-Z0-9]+)[|>]|"channel(?:_id)?":"([A-Z0-9]+)"|^"?([CG][A-Z0-9]+)"?$/g),
    ].map((m) => m[1] ?? m[2] ?? m[3] ?? ""),
  );
  const missing = [...ids].filter((id) => id !== "" && !names.has(id)).slice(0, LOOKUPS_MAX);
  if (missing.length === 0) return names;
  const web = await slackClientFor(config);
  if (!web) return names;
  await Promise.all(
    missing.map(async (id) => {
      const name = await askOnce(`channels ${web.slackApiUrl} ${id}`, () => askChannel(web, id));
      if (name) names.set(id, name);
    }),
  );
  return names;
}

/**
 * What the naming functions read of the configuration: DATA_DIR (the local workspace's files)
 * and the Slack mode, with the bot token and Web API URL in Slack mode.
 */
export type NamingConfig = Pick<Config, "dataDir"> & {
  slack: { mode: string; botToken?: string | null; apiUrl?: string };
};

/** Channels looked up (in the emulator or Slack) at most, per answer. */
const LOOKUPS_MAX = 20;

type Kind = "channels" | "users";
type Names = ReadonlyMap<string, string>;

/**
 * The workspace file, read once per DATA_DIR in this process (a CLI run): the channels' and the
 * people's names it holds, or empty maps when there is no file (yet) or it cannot be read.
 */
const snapshots = new Map<string, Promise<Record<Kind, Names>>>();
/** The emulator's or Slack's answers, asked once per (Web API URL, kind, ID) in this process. */
const emulatorAnswers = new Map<string, Promise<string | undefined>>();
/**
 * Web API URLs that gave no answer (refused, or none within the look-up client's timeout) in
 * this process: not asked again, so one run waits for an unreachable Slack once, not per name.
 */
const silentApis = new Set<string>();

/**
 * Forgets what this process read of the workspace files and asked of the emulators, so the next
 * lookup reads afresh. For a long-lived process (and tests) that needs names written since.
 */
export function forgetLocalNames(): void {
  snapshots.clear();
  emulatorAnswers.clear();
  silentApis.clear();
}

function workspaceNames(dataDir: string): Promise<Record<Kind, Names>> {
  let read = snapshots.get(dataDir);
  if (!read) {
    read = readWorkspace(dataDir);
    snapshots.set(dataDir, read);
  }
  return read;
}

async function readWorkspace(dataDir: string): Promise<Record<Kind, Names>> {
  try {
    const snapshot = JSON.parse(await readFile(localWorkspaceFile(dataDir), "utf8")) as Record<
      string,
      unknown
    >;
    return { channels: namesOf(snapshot.channels), users: namesOf(snapshot.users) };
  } catch {
    // No local app has run on this DATA_DIR yet (or its file is being replaced): IDs it is.
    return { channels: new Map(), users: new Map() };
  }
}

function namesOf(entries: unknown): Names {
  const names = new Map<string, string>();
  if (!Array.isArray(entries)) return names;
  for (const c of entries as Array<{ id?: unknown; name?: unknown; isIm?: unknown }>) {
    if (typeof c.id === "string" && typeof c.name === "string" && c.name !== "" && !c.isIm)
      names.set(c.id, c.name);
  }
  return names;
}

async function fileNames(dataDir: string, kind: Kind = "channels"): Promise<Names> {
  return (await workspaceNames(dataDir))[kind];
}

/** People looked up (in the emulator or Slack) at most, per answer. */
const USER_LOOKUPS_MAX = 50;

/**
 * User ID → name of the people `ids` names, as Slack shows them: in local mode the name the
 * local workspace file gives them (`sekretars`), else the running emulator's users.info; with
 * Slack credentials Slack's users.info (the display name, else the real name, else the handle),
 * as the app asks Slack about people (src/slack/locale.ts); both through the CLI's Web API
 * client ({@link slackClientFor}). Each person is asked once per run; people nobody names are
 * left out (the caller prints their IDs). Never throws.
 */
export async function userNames(
  config: NamingConfig,
  ids: Iterable<string>,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const wanted = [...new Set(ids)].filter((id) => /^[UWB][A-Z0-9]+$/.test(id));
  if (wanted.length === 0) return names;
  if (config.slack.mode === "local") {
    const known = await fileNames(config.dataDir, "users");
    for (const id of wanted) {
      const name = known.get(id);
      if (name) names.set(id, name);
    }
  }
  const missing = wanted.filter((id) => !names.has(id)).slice(0, USER_LOOKUPS_MAX);
  if (missing.length === 0) return names;
  const web = await slackClientFor(config);
  if (!web) return names;
  await Promise.all(
    missing.map(async (id) => {
      const name = await askOnce(`users ${web.slackApiUrl} ${id}`, () => askUser(web, id));
      if (name) names.set(id, name);
    }),
  );
  return names;
}

/** `@name` for a person `names` knows, else `id` as given. */
export function userLabel(id: string, names: ReadonlyMap<string, string>): string {
  const name = names.get(id);
  return name ? `@${name}` : id;
}

function askOnce(key: string, ask: () => Promise<string | undefined>): Promise<string | undefined> {
  let answer = emulatorAnswers.get(key);
  if (!answer) {
    answer = ask();
    emulatorAnswers.set(key, answer);
  }
  return answer;
}

/**
 * A person's name from users.info: the display name, else the real name, else the handle;
 * undefined for no such user or no answer (the client's timeout).
 */
async function askUser(web: SlackWeb, id: string): Promise<string | undefined> {
  const body = await answered(web, () => web.users.info({ user: id }));
  const u = body?.ok ? body.user : undefined;
  if (!u) return undefined;
  return u.profile?.display_name || u.profile?.real_name || u.real_name || u.name || undefined;
}

/** A channel's name from conversations.info; undefined for a DM, no such channel or no answer. */
async function askChannel(web: SlackWeb, id: string): Promise<string | undefined> {
  const body = await answered(web, () => web.conversations.info({ channel: id }));
  return body?.ok && !body.channel?.is_im ? body.channel?.name || undefined : undefined;
}

/**
 * `call`'s answer, or null when it fails; null without calling when `web`'s URL gave no answer
 * before in this run. A failed request (no connection, no answer in time: Web API's
 * `slack_webapi_request_error`) marks the URL silent; Slack's own errors do not.
 */
async function answered<T>(web: SlackWeb, call: () => Promise<T>): Promise<T | null> {
  if (silentApis.has(web.slackApiUrl)) return null;
  try {
    return await call();
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === ErrorCode.RequestError)
      silentApis.add(web.slackApiUrl);
    return null;
  }
}

/** `#name` for a channel `names` knows, else `id` as given. */
export function channelLabel(id: string, names: ReadonlyMap<string, string>): string {
  const name = names.get(id);
  return name ? `#${name}` : id;
}
