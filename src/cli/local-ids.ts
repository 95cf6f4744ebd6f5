/**
 * The other way round from local-names.ts: the IDs of the local Slack's people and channels by
 * their names, so the CLI's admin twins take `@anna` and `#iem-darba-grupa` (or `anna`) where
 * they take IDs, as `npm run slack` shows them. Read from the workspace file the local app keeps
 * under DATA_DIR (local-workspace.json, see `SlackEmulator.persistTo`); nothing with real Slack
 * credentials (the CLI does not look people up by name in Slack: the ID is asked for then).
 */
import { readFile } from "node:fs/promises";
import type { Config } from "../config.ts";
import { localWorkspaceFile } from "./local-names.ts";

/** One person or channel of the local workspace: its Slack ID and its name (without @ or #). */
export interface LocalEntry {
  id: string;
  name: string;
}

/** The local workspace's people (bots left out) and channels (direct messages left out). */
export interface LocalDirectory {
  users: LocalEntry[];
  channels: LocalEntry[];
}

const EMPTY: LocalDirectory = { users: [], channels: [] };

/**
 * The local workspace's people and channels, in the file's order; empty outside local mode or
 * when no local app has written the file yet. Never throws.
 */
export async function localDirectory(
  config: Pick<Config, "dataDir"> & { slack: { mode: string } },
): Promise<LocalDirectory> {
  if (config.slack.mode !== "local") return EMPTY;
  try {
    const json = JSON.parse(await readFile(localWorkspaceFile(config.dataDir), "utf8")) as {
      users?: unknown;
      channels?: unknown;
    };
    return { users: entriesOf(json.users, "isBot"), channels: entriesOf(json.channels, "isIm") };
  } catch {
    return EMPTY;
  }
}

function entriesOf(list: unknown, skip: "isBot" | "isIm"): LocalEntry[] {
  if (!Array.isArray(list)) return [];
  const entries: LocalEntry[] = [];
  for (const e of list as Array<Record<string, unknown>>) {
    if (typeof e.id === "string" && typeof e.name === "string" && e.name !== "" && !e[skip])
      entries.push({ id: e.id, name: e.name });
  }
  return entries;
}

/**
 * The ID of the entry `token` names: "@anna", "anna" (people) or "#iem", "iem" (channels), the
 * name compared ignoring case; null when none or more than one has that name.
 */
export function localIdFor(token: string, entries: readonly LocalEntry[]): string | null {
  const name = token.replace(/^[@#]/u, "").toLocaleLowerCase("lv");
  if (name === "") return null;
  const found = entries.filter((e) => e.name.toLocaleLowerCase("lv") === name);
  return found.length === 1 ? (found[0]?.id ?? null) : null;
}

/**
 * `token` as the CLI passes it on to the command's parser: a name the local workspace knows
 * becomes its ID; anything else (IDs, unknown names) is left for the parser to read or refuse.
 */
export function withLocalId(token: string, entries: readonly LocalEntry[]): string {
  if (/^[UWCG][A-Z0-9]{2,}$/u.test(token)) return token;
  return localIdFor(token, entries) ?? token;
}
