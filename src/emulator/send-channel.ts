/**
 * `npm run slack -- --history [--channel C…]` prints a channel's messages and threads as they
 * read in Slack; `npm run slack -- --reply <thread_ts> "14: izpildīts"` answers in a reminder
 * thread as a person. The slash-command mode is send-cli.ts.
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
    const sent = await client.userMessage({ text, threadTs: flags.reply, userId, channelId });
    io.stdout(
      `Posted ${sent.ts} in ${channelId}${flags.reply ? ` (thread ${flags.reply})` : ""}; the app answered HTTP ${sent.status}.`,
    );
    return sent.status === 200 ? 0 : 1;
  } catch (error) {
    io.stderr(`${NOT_RUNNING_MESSAGE} (${error instanceof Error ? error.message : String(error)})`);
    return 1;
  }
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
