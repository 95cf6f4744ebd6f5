/**
 * `npm run slack -- --history [--channel C…]` prints a channel's messages and threads as they
 * read in Slack; `npm run slack -- --reply <thread_ts> "14: izpildīts"` answers in a reminder
 * thread as a person and prints what the app then showed only to that person (its ephemeral
 * messages: "task 99 is not in this reminder", which task a reply is for, an unverified
 * author), as Slack shows them under the thread, in the language the app speaks to that person.
 * The slash-command mode is send-cli.ts.
 */
import { dataDirFromEnvironment } from "../config.ts";
import { replyToText, type TextOptions } from "../slack/blocks-to-text.ts";
import { localLinks } from "./archives.ts";
import { localSlackFile, readLocalSlackFile } from "./local-file.ts";
import {
  type CliFlags,
  type CliIo,
  channelNames,
  ensureUser,
  localClient,
  NOT_RUNNING_MESSAGE,
} from "./send-support.ts";

/** `--history` and `--reply`: look at a channel, or answer in a reminder thread as a person. */
export async function runChannelMode(words: string[], flags: CliFlags, io: CliIo): Promise<number> {
  const file = await readLocalSlackFile(io.file ?? localSlackFile(dataDirFromEnvironment())).catch(
    () => null,
  );
  if (!file) {
    io.stderr(NOT_RUNNING_MESSAGE);
    return 1;
  }
  const channelId = flags.channel ?? file.channelId;
  try {
    if (flags.history) {
      const messages = await channelMessages(file.emulatorUrl, channelId);
      io.stdout(
        flags.json
          ? JSON.stringify(messages, null, 2)
          : localLinks(
              formatHistory(messages, { channelNames: await channelNames(file, messages) }),
              file.emulatorUrl,
            ),
      );
      return 0;
    }
    const text = words.join(" ").trim();
    if (text === "") {
      io.stderr('Usage: npm run slack -- --reply <thread_ts> "14: izpildīts"');
      return 2;
    }
    const thread = flags.reply;
    if (
      thread &&
      !(await channelMessages(file.emulatorUrl, channelId)).some((m) => m.ts === thread)
    ) {
      // Slack's own client cannot answer a thread that is not there; say so instead of posting.
      io.stderr(
        `No message ${thread} in ${channelId}: see the thread ts values with \`npm run slack -- --history\` (add --channel <id> for another channel).`,
      );
      return 1;
    }
    const userId = flags.user ?? file.userId;
    if (flags.user !== undefined) await ensureUser(file, userId);
    const client = localClient(file, userId, channelId);
    const since = await callCount(file.emulatorUrl);
    const sent = await client.userMessage({ text, threadTs: flags.reply, userId, channelId });
    io.stdout(
      `Posted ${sent.ts} in ${channelId}${flags.reply ? ` (thread ${flags.reply})` : ""}; the app answered HTTP ${sent.status}.`,
    );
    if (sent.status !== 200) return 1;
    const shown = await ephemeralsAfter(file.emulatorUrl, since, sent.ts, {
      userId,
      channelId,
      timeoutMs: io.timeoutMs ?? EPHEMERAL_WAIT_MS,
    });
    const opts = { channelNames: await channelNames(file, shown) };
    for (const e of shown) {
      io.stdout(`  ↳ [app, only visible to <@${userId}>]`);
      const body = messageText(e, opts)
        .split("\n")
        .map((l) => `    ${l}`)
        .join("\n");
      io.stdout(localLinks(body, file.emulatorUrl));
    }
    return 0;
  } catch (error) {
    io.stderr(`${NOT_RUNNING_MESSAGE} (${error instanceof Error ? error.message : String(error)})`);
    return 1;
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
  args: Record<string, unknown>;
}

async function calls(emulatorUrl: string, since: number) {
  const res = await fetch(`${emulatorUrl}/_emulator/calls?since=${since}`);
  return (await res.json()) as { calls: RecordedApiCall[]; next: number };
}

/** How many Web API calls the emulator has recorded: the index the next one gets. */
async function callCount(emulatorUrl: string): Promise<number> {
  return (await calls(emulatorUrl, Number.MAX_SAFE_INTEGER)).next;
}

/**
 * The ephemeral messages (chat.postEphemeral) the app sent to `userId` in `channelId` from call
 * index `since` on, once it has acknowledged the message `ts` (its ✅ reaction) and its calls have
 * paused for {@link QUIET_MS}; a message it does not react to is given {@link UNACKNOWLEDGED_MS}.
 * Never waits past `timeoutMs`.
 */
async function ephemeralsAfter(
  emulatorUrl: string,
  since: number,
  ts: string,
  o: { userId: string; channelId: string; timeoutMs: number },
): Promise<HistoryMessage[]> {
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
  return seen
    .filter(
      (c) =>
        c.method === "chat.postEphemeral" &&
        c.ok &&
        c.args.user === o.userId &&
        c.args.channel === o.channelId,
    )
    .map((c) => ({
      ts: String(c.seq),
      text: typeof c.args.text === "string" ? c.args.text : "",
      ...(Array.isArray(c.args.blocks) ? { blocks: c.args.blocks } : {}),
    }));
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
function messageText(m: HistoryMessage, opts: TextOptions): string {
  const files = (m.files ?? []).map((f) => `📎 ${f.name ?? f.title ?? "(file)"}`);
  return [replyToText(m, opts), ...files].filter((l) => l !== "").join("\n");
}

/** Threads as they read in Slack: each root, then its replies indented. */
function formatHistory(messages: HistoryMessage[], opts: TextOptions): string {
  const roots = messages.filter((m) => !m.thread_ts || m.thread_ts === m.ts);
  const out: string[] = [];
  for (const root of roots) {
    out.push(`── ${root.ts} ${root.bot_id ? "[app]" : `<@${root.user}>`}`);
    out.push(messageText(root, opts));
    for (const r of messages.filter((m) => m.thread_ts === root.ts && m.ts !== root.ts)) {
      const marks = (r.reactions ?? []).map((x) => `:${x.name}:`).join(" ");
      const body = messageText(r, opts)
        .split("\n")
        .map((l) => `    ${l}`)
        .join("\n");
      out.push(`  ↳ ${r.ts} ${r.bot_id ? "[app]" : `<@${r.user}>`} ${marks}`.trimEnd(), body);
    }
  }
  return out.length > 0 ? out.join("\n") : "(no messages)";
}
