/**
 * `npm run slack -- --history [--channel C…]` prints a channel's messages and threads as they
 * read in Slack; `npm run slack -- --reply <thread_ts> "14: izpildīts"` answers in a reminder
 * thread as a person and prints what the app then showed only to that person (its ephemeral
 * messages: "task 99 is not in this reminder", which task a reply is for, an unverified
 * author), as Slack shows them under the thread, in the language the app speaks to that person
 * (`--lang` chooses it on the app's Home first, as with a command).
 * The slash-command mode is send-cli.ts.
 */

import { dataDirFromEnvironment } from "../config.ts";
import type { SlackToolText } from "../i18n/cli-slack.ts";
import { replyToText, type TextOptions } from "../slack/blocks-to-text.ts";
import { MESSAGE_TEXT_MAX } from "../slack/limits.ts";
import { localLinks } from "./archives.ts";
import { type LocalSlackFile, localSlackFile, readLocalSlackFile } from "./local-file.ts";
import {
  type CliFlags,
  type CliIo,
  channelNames,
  dmChannelOf,
  errorCode,
  findChannel,
  knownUser,
  localClient,
  localPeople,
  prepareUser,
  withMentions,
} from "./send-support.ts";
import { typedToSlackText } from "./typed-text.ts";

/**
 * `--history` and `--reply`: look at a channel, or answer in a reminder thread as a person. A
 * `--channel` the local Slack does not have is named as such (exit 1), not shown as empty.
 * The tool's own lines are in `t`'s language; user mentions read `@name`.
 */
export async function runChannelMode(
  words: string[],
  flags: CliFlags,
  io: CliIo,
  t: SlackToolText,
): Promise<number> {
  const file = await readLocalSlackFile(io.file ?? localSlackFile(dataDirFromEnvironment())).catch(
    () => null,
  );
  if (!file) {
    io.stderr(t.notRunning);
    return 1;
  }
  try {
    const asked = flags.channel ?? file.channelId;
    const channel = await findChannel(file, asked);
    if (!channel) {
      // The acting person's own DM with the app, named by its ID ("D0LOCAL02").
      const who =
        flags.user === undefined ? { id: file.userId } : await knownUser(file, flags.user);
      const dm = dmChannelOf("id" in who ? who.id : file.userId);
      io.stderr(t.noChannel(asked, file.channelId, dm));
      return 1;
    }
    const channelId = channel.id;
    if (flags.history) {
      const messages = await channelMessages(file.emulatorUrl, channelId);
      if (flags.json) {
        io.stdout(JSON.stringify(messages, null, 2));
        return 0;
      }
      const text = formatHistory(messages, { channelNames: await channelNames(file, messages) }, t);
      io.stdout(localLinks(await withMentions(file, text), file.emulatorUrl));
      return 0;
    }
    const typed = words.join(" ").trim();
    if (typed === "") {
      io.stderr(t.emptyReply);
      io.stderr(t.replyUsage);
      return 2;
    }
    // As Slack's client sends typed text: R&D as R&amp;D, @name as <@U…>, a URL as <url>.
    const text = typedToSlackText(typed, typed.includes("@") ? await localPeople(file) : undefined);
    // Slack refuses a message past its limit (msg_too_long): so does the local Slack.
    if (text.length > MESSAGE_TEXT_MAX) {
      io.stderr(t.messageTooLong(text.length, MESSAGE_TEXT_MAX));
      return 2;
    }
    // Slack only lets its own members act: "U0LOCAL02", "anna" or "@anna", else refused.
    const known =
      flags.user === undefined ? { id: file.userId } : await knownUser(file, flags.user);
    if ("missing" in known) {
      io.stderr(t.unknownUser(flags.user ?? "", known.missing.join(", ")));
      return 2;
    }
    const userId = known.id;
    const thread = flags.reply;
    if (
      thread &&
      !(await channelMessages(file.emulatorUrl, channelId)).some((m) => m.ts === thread)
    ) {
      // Slack's own client cannot answer a thread that is not there; say so instead of posting.
      io.stderr(t.noThread(thread, channelId));
      return 1;
    }
    const client = localClient(file, userId, channelId);
    // --lang / --slack-locale: the person's language chosen first, so the app's notes use it.
    await prepareUser(client, file, userId, flags, io.timeoutMs ?? EPHEMERAL_WAIT_MS);
    const since = await callCount(file.emulatorUrl);
    const sent = await client
      .userMessage({ text, threadTs: flags.reply, userId, channelId })
      .catch((error: unknown) => {
        // Gone between the look above and the post: the local Slack refused (thread_not_found).
        if (thread && errorCode(error) === "thread_not_found") return null;
        throw error;
      });
    if (!sent) {
      io.stderr(t.noThread(thread ?? "", channelId));
      return 1;
    }
    // A reply's ts names its parent's thread, as in Slack: say where the message went.
    if (thread && sent.threadTs && sent.threadTs !== thread)
      io.stdout(t.replyToReply(thread, sent.threadTs));
    io.stdout(t.posted(sent.ts, channelId, sent.threadTs ?? flags.reply, sent.status));
    if (sent.status !== 200) return 1;
    await printNotesAfter(file, io, t, { since, ts: sent.ts, userId, channelId });
    return 0;
  } catch (error) {
    io.stderr(`${t.notRunning} (${error instanceof Error ? error.message : String(error)})`);
    return 1;
  }
}

/**
 * Prints, under the line that reported a person's send (`--reply`, `--edit`, `--delete`), what
 * the app then showed only to `userId` because of it (see `notesAfter`): each note headed
 * `↳ [app, only visible to @name]` (or `[app, direct message to @name]` when Slack refused the
 * ephemeral and the app used the DM), in `t`'s language, its text indented four spaces, mentions as `@name`, file links local.
 * `since` is the emulator's call count taken before the send ({@link callCount}); `ts` is the
 * sent, edited or deleted message's. Waits at most `io.timeoutMs` (default
 * {@link EPHEMERAL_WAIT_MS}); prints nothing when the app showed nothing. Throws when the local
 * Slack does not answer.
 */
export async function printNotesAfter(
  file: LocalSlackFile,
  io: CliIo,
  t: SlackToolText,
  sent: { since: number; ts: string; userId: string; channelId: string },
): Promise<void> {
  const { userId, channelId } = sent;
  const shown = await notesAfter(file.emulatorUrl, sent.since, sent.ts, {
    userId,
    channelId,
    timeoutMs: io.timeoutMs ?? EPHEMERAL_WAIT_MS,
  });
  const opts = { channelNames: await channelNames(file, shown) };
  const who = await withMentions(file, `<@${userId}>`);
  for (const e of shown) {
    io.stdout(`  ↳ ${e.direct ? t.directTo(who) : t.onlyVisibleTo(who)}`);
    const body = messageText(e, opts, t)
      .split("\n")
      .map((l) => `    ${l}`)
      .join("\n");
    io.stdout(localLinks(await withMentions(file, body), file.emulatorUrl));
  }
}

/** Longest wait, in milliseconds, for the app to acknowledge a reply (see `ephemeralsAfter`). */
export const EPHEMERAL_WAIT_MS = 10_000;
/** The app is taken to be done with a reply once its Web API calls pause this long. */
const QUIET_MS = 600;
/** Without a reaction (a message the app does not take as a reply) it is not waited on longer. */
const UNACKNOWLEDGED_MS = 2_000;

interface RecordedApiCall {
  seq: number;
  method: string;
  ok: boolean;
  error?: string;
  args: Record<string, unknown>;
  response?: Record<string, unknown>;
}

async function calls(emulatorUrl: string, since: number) {
  const res = await fetch(`${emulatorUrl}/_emulator/calls?since=${since}`);
  return (await res.json()) as { calls: RecordedApiCall[]; next: number };
}

/** How many Web API calls the emulator has recorded: the index the next one gets. */
export async function callCount(emulatorUrl: string): Promise<number> {
  return (await calls(emulatorUrl, Number.MAX_SAFE_INTEGER)).next;
}

/**
 * What the app showed only to `userId` after their message `ts`, from call index `since` on
 * (the calls made after the send started): its ephemeral messages (chat.postEphemeral) in
 * `channelId`, and the notes it sent to that person's DM instead, `direct` marked. A DM counts
 * only as the app's fallback for this send (src/replies/acknowledge.ts, ephemeralOrDirect):
 * Slack refused an ephemeral to that person in `channelId` (`user_not_in_channel`), the app
 * opened a DM with them (conversations.open) and posted the same message there — each refused
 * ephemeral pairs with one such post. Any other message in that DM (an older note still being
 * delivered, a secretary's summary, a digest note) is not this reply's and is left out. Waits
 * until it has acknowledged `ts` (its ✅ or ❓ reaction) and its calls have paused for
 * {@link QUIET_MS}; a message it does not react to is given {@link UNACKNOWLEDGED_MS}. Never
 * waits past `timeoutMs`.
 */
async function notesAfter(
  emulatorUrl: string,
  since: number,
  ts: string,
  o: { userId: string; channelId: string; timeoutMs: number },
): Promise<Note[]> {
  const start = Date.now();
  const seen: RecordedApiCall[] = [];
  let next = since;
  let lastCallAt = start;
  for (;;) {
    const page = await calls(emulatorUrl, next);
    if (page.calls.length > 0) lastCallAt = Date.now();
    seen.push(...page.calls);
    next = page.next;
    const now = Date.now();
    const reacted = seen.some((c) => c.method === "reactions.add" && c.args.timestamp === ts);
    const quiet = now - lastCallAt >= QUIET_MS;
    if (now - start >= o.timeoutMs) break;
    if (quiet && (reacted || now - start >= UNACKNOWLEDGED_MS)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const dms = new Set(
    seen
      .filter((c) => c.method === "conversations.open" && c.ok && c.args.users === o.userId)
      .map((c) => (c.response?.channel as { id?: unknown } | undefined)?.id)
      .filter((id): id is string => typeof id === "string"),
  );
  // The messages Slack refused to show the person ephemerally here, each owed one DM.
  const refused = seen
    .filter(
      (c) =>
        c.method === "chat.postEphemeral" &&
        !c.ok &&
        c.error === "user_not_in_channel" &&
        c.args.user === o.userId &&
        c.args.channel === o.channelId,
    )
    .map(sameMessage);
  const fallback = (c: RecordedApiCall) => {
    if (c.method !== "chat.postMessage" || !dms.has(String(c.args.channel))) return false;
    const at = refused.indexOf(sameMessage(c));
    if (at < 0) return false;
    refused.splice(at, 1);
    return true;
  };
  return seen
    .filter(
      (c) =>
        c.ok &&
        ((c.method === "chat.postEphemeral" &&
          c.args.user === o.userId &&
          c.args.channel === o.channelId) ||
          fallback(c)),
    )
    .map((c) => ({
      ts: String(c.seq),
      text: typeof c.args.text === "string" ? c.args.text : "",
      ...(Array.isArray(c.args.blocks) ? { blocks: c.args.blocks } : {}),
      direct: c.method === "chat.postMessage",
    }));
}

/** A call's message (its text and blocks) as one comparable string. */
function sameMessage(c: RecordedApiCall): string {
  return JSON.stringify([c.args.text ?? null, c.args.blocks ?? null]);
}

/** A message the app showed only to the replier; `direct` when it went to their DM. */
interface Note extends HistoryMessage {
  direct: boolean;
}

/** A channel's messages (thread replies included) as the emulator holds them. */
async function channelMessages(emulatorUrl: string, channelId: string): Promise<HistoryMessage[]> {
  const res = await fetch(
    `${emulatorUrl}/_emulator/messages?channel=${encodeURIComponent(channelId)}`,
  );
  return ((await res.json()) as { messages: HistoryMessage[] }).messages;
}

interface HistoryMessage {
  ts: string;
  thread_ts?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  blocks?: unknown[];
  files?: Array<{ name?: string; title?: string }>;
  reactions?: Array<{ name: string }>;
}

/** A message as text, its files (the digest's chart, DOCX) named on their own lines. */
function messageText(m: HistoryMessage, opts: TextOptions, t: SlackToolText): string {
  const files = (m.files ?? []).map((f) => `📎 ${f.name ?? f.title ?? t.file}`);
  return [replyToText(m, opts), ...files].filter((l) => l !== "").join("\n");
}

/** Threads as they read in Slack: each root, then its replies indented. */
function formatHistory(messages: HistoryMessage[], opts: TextOptions, t: SlackToolText): string {
  const roots = messages.filter((m) => !m.thread_ts || m.thread_ts === m.ts);
  const out: string[] = [];
  for (const root of roots) {
    out.push(`── ${root.ts} ${root.bot_id ? t.app : `<@${root.user}>`}`);
    out.push(messageText(root, opts, t));
    for (const r of messages.filter((m) => m.thread_ts === root.ts && m.ts !== root.ts)) {
      const marks = (r.reactions ?? []).map((x) => `:${x.name}:`).join(" ");
      const body = messageText(r, opts, t)
        .split("\n")
        .map((l) => `    ${l}`)
        .join("\n");
      out.push(`  ↳ ${r.ts} ${r.bot_id ? t.app : `<@${r.user}>`} ${marks}`.trimEnd(), body);
    }
  }
  return out.length > 0 ? out.join("\n") : t.noMessages;
}
