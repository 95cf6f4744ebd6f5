/**
 * The names the local Slack (the emulator of `npm start`'s local mode) gives its channels and
 * people, so the CLI can print `#darba-grupa` and `@darba.grupa` where Slack-side (`npm run
 * slack`) shows them, not the bare `#C0LOCAL01` and `<@U0LOCAL01>`. They are read from the workspace file the running app keeps under DATA_DIR
 * (local-workspace.json, see `SlackEmulator.persistTo`), which outlives the app, so a stopped
 * app's channels are named too, or asked of the running app's emulator. The store keeps
 * channel IDs only.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Config } from "../config.ts";
import { localSlackFile, readLocalSlackFile } from "../emulator/local-file.ts";
import { DEFAULT_BOT_TOKEN } from "../emulator/server.ts";

/** The workspace file the local app keeps its people, channels and messages in. */
export function localWorkspaceFile(dataDir: string): string {
  return join(dataDir, "local-workspace.json");
}

/**
 * Channel ID → name (without "#") of the local workspace's channels that `mentioned` (blocks,
 * text, any JSON) names as `<#C…>`, rich-text channel elements or `"channel":"C…"`, else every
 * channel the file names (direct messages left out). From the workspace file, and for an ID it
 * lacks (the app writes it only after its first request) from the running app's emulator
 * (`conversations.info`, as `npm run slack` asks). Empty with real Slack credentials (the CLI
 * does not ask Slack), or when neither knows: the caller then prints the IDs. Never throws.
 */
export async function localChannelNames(
  config: Pick<Config, "dataDir"> & { slack: { mode: string } },
  mentioned?: unknown,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (config.slack.mode !== "local") return names;
  for (const [id, name] of await fileNames(config.dataDir)) names.set(id, name);
  if (mentioned === undefined) return names;
  const json = JSON.stringify(mentioned ?? null);
  const ids = new Set(
    [
      ...json.matchAll(/<#([A-Z0-9]+)[|>]|"channel(?:_id)?":"([A-Z0-9]+)"|^"?([CG][A-Z0-9]+)"?$/g),
    ].map((m) => m[1] ?? m[2] ?? m[3] ?? ""),
  );
  const missing = [...ids].filter((id) => id !== "" && !names.has(id)).slice(0, LOOKUPS_MAX);
  if (missing.length === 0) return names;
  const local = await readLocalSlackFile(localSlackFile(config.dataDir)).catch(() => null);
  if (!local) return names;
  await Promise.all(
    missing.map(async (id) => {
      const name = await askOnce(`channels ${local.emulatorUrl} ${id}`, () =>
        askEmulator(local.emulatorUrl, id),
      );
      if (name) names.set(id, name);
    }),
  );
  return names;
}

/** Channel lookups in the running emulator at most, per answer. */
const LOOKUPS_MAX = 20;

type Kind = "channels" | "users";
type Names = ReadonlyMap<string, string>;

/**
 * The workspace file, read once per DATA_DIR in this process (a CLI run): the channels' and the
 * people's names it holds, or empty maps when there is no file (yet) or it cannot be read.
 */
const snapshots = new Map<string, Promise<Record<Kind, Names>>>();
/** The running emulator's answers, asked once per (emulator, kind, ID) in this process. */
const emulatorAnswers = new Map<string, Promise<string | undefined>>();

/**
 * Forgets what this process read of the workspace files and asked of the emulators, so the next
 * lookup reads afresh. For a long-lived process (and tests) that needs names written since.
 */
export function forgetLocalNames(): void {
  snapshots.clear();
  emulatorAnswers.clear();
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

/**
 * `text` with the user mentions (`<@U0LOCAL01>`) of people the local workspace file names as
 * `@name` (`@sekretars`), as the local Slack shows them; others, and every mention with real
 * Slack credentials, are left as they are. Never throws.
 */
export async function withLocalUserNames(
  config: Pick<Config, "dataDir"> & { slack: { mode: string } },
  text: string,
): Promise<string> {
  if (config.slack.mode !== "local" || !text.includes("<@")) return text;
  const names = await fileNames(config.dataDir, "users");
  return text.replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, (whole, id: string) => {
    const name = names.get(id);
    return name ? `@${name}` : whole;
  });
}

/** People looked up (in the emulator or Slack) at most, per answer. */
const USER_LOOKUPS_MAX = 50;

/**
 * User ID → name of the people `ids` names, as Slack shows them: in local mode the name the
 * local workspace file gives them (`sekretars`), else the running emulator's users.info; with
 * Slack credentials Slack's users.info (the display name, else the real name, else the handle),
 * as the app asks Slack about people (src/slack/locale.ts). Each person is asked once per run;
 * people nobody names are left out (the caller prints their IDs). Never throws.
 */
export async function userNames(
  config: Pick<Config, "dataDir"> & {
    slack: { mode: string; botToken?: string | null; apiUrl?: string };
  },
  ids: Iterable<string>,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const wanted = [...new Set(ids)].filter((id) => /^[UWB][A-Z0-9]+$/.test(id));
  if (wanted.length === 0) return names;
  let ask: ((id: string) => Promise<string | undefined>) | null = null;
  if (config.slack.mode === "local") {
    const known = await fileNames(config.dataDir, "users");
    for (const id of wanted) {
      const name = known.get(id);
      if (name) names.set(id, name);
    }
    const local = await readLocalSlackFile(localSlackFile(config.dataDir)).catch(() => null);
    if (local)
      ask = (id) =>
        askOnce(`users ${local.emulatorUrl} ${id}`, () =>
          askUser(`${local.emulatorUrl}/api/`, DEFAULT_BOT_TOKEN, id),
        );
  } else if (config.slack.botToken && config.slack.apiUrl) {
    const { botToken, apiUrl } = config.slack;
    ask = (id) => askOnce(`users ${apiUrl} ${id}`, () => askUser(apiUrl, botToken, id));
  }
  if (!ask) return names;
  const lookup = ask;
  const missing = wanted.filter((id) => !names.has(id)).slice(0, USER_LOOKUPS_MAX);
  await Promise.all(
    missing.map(async (id) => {
      const name = await lookup(id);
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
 * A person's name from users.info at `apiUrl` (".../api/"): the display name, else the real
 * name, else the handle; undefined for no answer (2 s locally, as for channels) or no such user.
 */
async function askUser(apiUrl: string, token: string, id: string): Promise<string | undefined> {
  const body = await fetch(`${apiUrl}users.info`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ user: id }),
    signal: AbortSignal.timeout(USER_LOOKUP_MS),
  })
    .then(
      (res) =>
        res.json() as Promise<{
          ok?: boolean;
          user?: {
            name?: string;
            real_name?: string;
            profile?: { display_name?: string; real_name?: string };
          };
        }>,
    )
    .catch(() => null);
  if (!body?.ok || !body.user) return undefined;
  const u = body.user;
  return u.profile?.display_name || u.profile?.real_name || u.real_name || u.name || undefined;
}

/** How long users.info gets to answer, per person. */
const USER_LOOKUP_MS = 5_000;

/** The channel's name as the running emulator gives it; undefined for a DM, unknown or no answer. */
async function askEmulator(emulatorUrl: string, id: string): Promise<string | undefined> {
  const body = await fetch(`${emulatorUrl}/api/conversations.info`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${DEFAULT_BOT_TOKEN}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ channel: id }),
    signal: AbortSignal.timeout(2_000),
  })
    .then(
      (res) =>
        res.json() as Promise<{ ok?: boolean; channel?: { name?: string; is_im?: boolean } }>,
    )
    .catch(() => null);
  return body?.ok && !body.channel?.is_im ? body.channel?.name : undefined;
}

/** `#name` for a channel the local workspace names, else `id` as given. */
export function channelLabel(id: string, names: ReadonlyMap<string, string>): string {
  const name = names.get(id);
  return name ? `#${name}` : id;
}
