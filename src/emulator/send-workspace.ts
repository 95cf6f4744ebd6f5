/**
 * What a person does in the local Slack besides commands and replies, for `npm run slack`:
 * `--add-channel <name>` and `--add-user <name>` create a channel or a person (the next free
 * `C0LOCALnn`/`U0LOCALnn`, kept in local-workspace.json like the rest); `--edit <ts> "text"` and
 * `--delete <ts>` change or delete a person's message as its author does in Slack, sending the
 * app the signed `message_changed`/`message_deleted` event Slack sends, then print what the change
 * made the app show only to the author (as `--reply` does). Also what `--history
 * --channel D…` says before the app has written any direct message. The tool's own lines are in
 * `t`'s language.
 */

import type { SlackToolText } from "../i18n/cli-slack.ts";
import { MESSAGE_TEXT_MAX } from "../slack/limits.ts";
import type { LocalSlackFile } from "./local-file.ts";
import { callCount, EPHEMERAL_WAIT_MS, printNotesAfter } from "./send-channel.ts";
import {
  type CliFlags,
  type CliIo,
  dmChannelOf,
  errorCode,
  knownChannel,
  knownUser,
  localClient,
  localPeople,
  prepareUser,
  withMentions,
} from "./send-support.ts";
import { DEFAULT_BOT_TOKEN } from "./server.ts";
import { typedToSlackText } from "./typed-text.ts";

/** The flags of this mode (`npm run slack`'s others are in send-support.ts). */
export interface WorkspaceFlags {
  /** A new channel's name (`--add-channel`). */
  addChannel?: string;
  /** A new person's name (`--add-user`). */
  addUser?: string;
  /** The ts of the person's message to edit (`--edit`); the words are the new text. */
  edit?: string;
  /** The ts of the person's message to delete (`--delete`). */
  delete?: string;
  channel?: string;
}

/** The most `C0LOCALnn`/`U0LOCALnn` IDs tried for a new channel or person. */
const LOCAL_IDS_MAX = 99;

async function bot(file: LocalSlackFile, method: string, args: Record<string, string>) {
  const res = await fetch(`${file.emulatorUrl}/api/${method}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${DEFAULT_BOT_TOKEN}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams(args),
  });
  return (await res.json()) as { ok?: boolean; error?: string } & Record<string, unknown>;
}

async function control(file: LocalSlackFile, route: string, body: Record<string, unknown>) {
  const res = await fetch(`${file.emulatorUrl}/_emulator/${route}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { ok?: boolean; error?: string; detail?: string };
}

/** The first `<prefix>nn` (from 02) the local Slack does not know, asking `method`. */
async function freeId(
  file: LocalSlackFile,
  prefix: string,
  method: string,
  arg: string,
): Promise<string | null> {
  for (let n = 2; n <= LOCAL_IDS_MAX; n++) {
    const id = `${prefix}${String(n).padStart(2, "0")}`;
    if (!(await bot(file, method, { [arg]: id })).ok) return id;
  }
  return null;
}

/** A name Slack would take for a channel: lower case, no spaces or `#`. */
function channelName(name: string): string {
  return name.trim().replace(/^#/u, "").toLocaleLowerCase("lv").replace(/\s+/gu, "-").slice(0, 80);
}

/**
 * `--add-channel <name>` / `--add-user <name>`: creates it (the app is a member of a new channel)
 * and prints its ID and how to name it in a command. Exit 0, or 2 for an empty name.
 */
export async function addToWorkspace(
  file: LocalSlackFile,
  flags: WorkspaceFlags,
  io: CliIo,
  t: SlackToolText,
): Promise<number> {
  if (flags.addChannel !== undefined) {
    const name = channelName(flags.addChannel);
    if (name === "") {
      io.stderr(t.workspaceUsage);
      return 2;
    }
    const id = await freeId(file, "C0LOCAL", "conversations.info", "channel");
    if (!id) {
      io.stderr(t.workspaceFull);
      return 1;
    }
    const added = await control(file, "channels", { id, name });
    if (!added.ok) throw new Error(added.detail ?? added.error ?? "the emulator refused");
    io.stdout(t.channelAdded(id, name));
    return 0;
  }
  const name = (flags.addUser ?? "").trim().replace(/^@/u, "").replace(/\s+/gu, ".");
  if (name === "") {
    io.stderr(t.workspaceUsage);
    return 2;
  }
  const id = await freeId(file, "U0LOCAL", "users.info", "user");
  if (!id) {
    io.stderr(t.workspaceFull);
    return 1;
  }
  const added = await control(file, "users", { id, name });
  if (!added.ok) throw new Error(added.detail ?? added.error ?? "the emulator refused");
  io.stdout(t.userAdded(id, name));
  return 0;
}

interface StoredMessage {
  ts: string;
  user?: string;
  bot_id?: string;
  text?: string;
}

/**
 * The channel `--edit`/`--delete` act in: `--channel` as a command's takes it (an ID, a name or
 * `#name`, send-support.ts knownChannel), else the local channel. null, the refusal printed as a
 * command's (unknownChannel, naming the local Slack's channels and the acting person's DM),
 * when the local Slack lacks it: the caller exits 2.
 */
async function changeChannel(
  file: LocalSlackFile,
  flags: Pick<WorkspaceFlags, "channel"> & Pick<CliFlags, "user">,
  io: CliIo,
  t: SlackToolText,
): Promise<string | null> {
  if (flags.channel === undefined) return file.channelId;
  const known = await knownChannel(file, flags.channel);
  if (!("missing" in known)) return known.id;
  const who = flags.user === undefined ? { id: file.userId } : await knownUser(file, flags.user);
  const dm = dmChannelOf("id" in who ? who.id : file.userId);
  io.stderr(t.unknownChannel(flags.channel, known.missing.join(", "), dm));
  return null;
}

/**
 * `--edit <ts> "text"` / `--delete <ts>` in `--channel` (an ID, a name or `#name`; default the
 * local channel; one the local Slack lacks is refused as a command's, exit 2): the
 * person's message changed or deleted in the local Slack and the app told by the signed event
 * Slack sends. Done as `--user` (default: the message's author). The local Slack refuses, as
 * Slack does, an edit by anyone but the author (cant_update_message) and a deletion by anyone
 * but the author or a workspace admin (cant_delete_message): printed as "only the author,
 * @name, can …" (exit 1), and the app is told nothing. A ts the channel lacks, or the app's own
 * message, is refused (exit 1); an unknown `--user` or no text for `--edit` is a usage error
 * (exit 2). Then prints the notes the change made the app show only to the person who made it
 * (ephemeral, or its DM fallback), as `--reply` does (send-channel.ts, printNotesAfter). With
 * `--lang` / `--slack-locale` that person's language is chosen first (send-support.ts,
 * prepareUser), so those notes come in it.
 */
export async function changeMessage(
  file: LocalSlackFile,
  words: string[],
  flags: WorkspaceFlags & Pick<CliFlags, "user" | "lang" | "slackLocale">,
  io: CliIo,
  t: SlackToolText,
): Promise<number> {
  const channelId = await changeChannel(file, flags, io, t);
  if (channelId === null) return 2;
  const ts = flags.edit ?? flags.delete ?? "";
  const typed = words.join(" ").trim();
  if (flags.edit !== undefined && typed === "") {
    io.stderr(t.editUsage);
    return 2;
  }
  // As Slack's client sends typed text: R&D as R&amp;D, @name as <@U…>, a URL as <url>.
  const text = typedToSlackText(typed, typed.includes("@") ? await localPeople(file) : undefined);
  if (text.length > MESSAGE_TEXT_MAX) {
    io.stderr(t.messageTooLong(text.length, MESSAGE_TEXT_MAX));
    return 2;
  }
  const res = await fetch(
    `${file.emulatorUrl}/_emulator/messages?channel=${encodeURIComponent(channelId)}`,
  );
  const { messages = [] } = (await res.json()) as { messages?: StoredMessage[] };
  const message = messages.find((m) => m.ts === ts);
  if (!message) {
    io.stderr(t.noThread(ts, channelId));
    return 1;
  }
  if (message.bot_id || !message.user) {
    io.stderr(t.notAPersonsMessage(ts));
    return 1;
  }
  // Slack only lets its own members act: "U0LOCAL02", "anna" or "@anna", else refused.
  const known = flags.user === undefined ? { id: message.user } : await knownUser(file, flags.user);
  if ("missing" in known) {
    io.stderr(t.unknownUser(flags.user ?? "", known.missing.join(", ")));
    return 2;
  }
  const userId = known.id;
  const client = localClient(file, userId, channelId);
  // --lang / --slack-locale: the person's language chosen first, so the app's notes use it.
  await prepareUser(client, file, userId, flags, io.timeoutMs ?? EPHEMERAL_WAIT_MS);
  const since = await callCount(file.emulatorUrl);
  const action = flags.edit !== undefined ? "edit" : "delete";
  // The local Slack decides who may change the message (the author; an admin may delete).
  const sent = await (action === "edit"
    ? client.userEdit({ ts, text, channelId, userId })
    : client.userDelete({ ts, channelId, userId })
  ).catch((error: unknown) => {
    const code = errorCode(error);
    if (code === "cant_update_message" || code === "cant_delete_message") return null;
    throw error;
  });
  if (!sent) {
    io.stderr(t.notAuthor(action, ts, await withMentions(file, `<@${message.user}>`)));
    return 1;
  }
  io.stdout(
    flags.edit !== undefined
      ? t.edited(ts, channelId, sent.status)
      : t.deleted(ts, channelId, sent.status),
  );
  if (sent.status !== 200) return 1;
  // What the change made the app show only to its author ("task 99 is not in this reminder"),
  // printed as --reply prints a reply's notes.
  await printNotesAfter(file, io, t, { since, ts, userId, channelId });
  return 0;
}

/**
 * For `--history --channel D…`: true when the local Slack has no such DM yet but its person
 * exists (`D0LOCAL01` is the app's DM with `U0LOCAL01`, opened when the app first writes there).
 */
export async function dmNotOpenedYet(file: LocalSlackFile, channel: string): Promise<boolean> {
  if (!/^D[A-Z0-9]+$/u.test(channel)) return false;
  if ((await bot(file, "conversations.info", { channel })).ok) return false;
  return (await bot(file, "users.info", { user: `U${channel.slice(1)}` })).ok === true;
}
