/**
 * `npm run slack -- "/task 14"`: sends a slash command to the locally running app as Slack
 * would and prints the answer as text. Reads local-slack.json under DATA_DIR, written by the app's
 * local mode. Exit codes: 0 answered, 1 no answer (app down, HTTP error, timeout), 2 bad usage.
 *
 * `npm run slack -- --history [--channel C…]` prints a channel's messages and threads;
 * `npm run slack -- --reply <thread_ts> "14: izpildīts"` answers in a reminder thread as a
 * person and prints the ephemeral notes the app then showed only to that person (both in
 * send-channel.ts).
 *
 * `--edit <ts> "text"`, `--delete <ts>`: a person's message edited or deleted as its author
 * does, the app sent Slack's signed message_changed/message_deleted; `--add-channel <name>`,
 * `--add-user <name>`: more channels and people in the local Slack (send-workspace.ts).
 * `--home`: opens the app's Home tab as Slack does and prints it (send-home.ts).
 *
 * Flags: `--user U…` act as that user (made known to the emulator; the local Slack's name,
 * `anna` or `@anna`, works too); `--channel C…` in that channel (another person's direct
 * messages with the app refused, as Slack would; not with `--home`, which is no channel's);
 * `--lang en|lv|slack` choose the acting user's language first, as a person does: on the
 * app's Home tab (stored by the app, so it sticks until changed; "slack" withdraws the choice),
 * before a command, `--reply`, `--edit` or `--delete` alike (for those two, the message's author);
 * `--slack-locale xx-YY` set the user's Slack locale in the emulator (what SLACK_LOCALE weighs);
 * `--json` print the raw text/blocks. A command the manifest (manifest.json) does not list is
 * refused here, as Slack's client would not send it.
 *
 * The tool's own lines (usage, refusals, what it posted, the marks around the app's messages)
 * are in DEFAULT_LOCALE's language, English with `--lang en` (i18n/cli-slack.ts); the app's
 * answers come in the language the app speaks to that user. People read as Slack shows them,
 * `@name` (the local Slack's users), not `<@U…>`.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { Command, CommanderError } from "commander";
import { consoleLocale } from "../cli/locale.ts";
import { dataDirFromEnvironment } from "../config.ts";
import { type SlackToolText, slackToolText } from "../i18n/cli-slack.ts";
import { replyToText } from "../slack/blocks-to-text.ts";
import { localLinks } from "./archives.ts";
import { type LocalSlackFile, localSlackFile, readLocalSlackFile } from "./local-file.ts";
import { splitSlashCommand } from "./payloads.ts";
import { runChannelMode } from "./send-channel.ts";
import { type HomeFlags, showHome } from "./send-home.ts";
import {
  type CliFlags,
  type CliIo,
  channelNames,
  dmChannelOf,
  homeLanguage,
  knownChannel,
  knownUser,
  localChannels,
  localClient,
  localeFor,
  localPeople,
  prepareUser,
  withMentions,
} from "./send-support.ts";
import {
  addToWorkspace,
  changeMessage,
  dmNotOpenedYet,
  type WorkspaceFlags,
} from "./send-workspace.ts";
import { commandTextAsSlackSends } from "./typed-text.ts";

export type { CliIo };
/** Re-exported from send-support.ts, where the modes share it. */
export { localeFor };

/** How long to wait for a response_url answer, in milliseconds. */
export const ANSWER_TIMEOUT_MS = 10_000;

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
};

/**
 * The slash commands manifest.json declares (`features.slash_commands[].command`), as Slack
 * knows them; empty when the file cannot be read (then nothing is refused).
 */
export function manifestCommands(): string[] {
  try {
    const path = new URL("../../manifest.json", import.meta.url);
    const manifest = JSON.parse(readFileSync(path, "utf8")) as {
      features?: { slash_commands?: Array<{ command?: unknown }> };
    };
    return (manifest.features?.slash_commands ?? [])
      .map((c) => c.command)
      .filter((c): c is string => typeof c === "string");
  } catch {
    return [];
  }
}

type Flags = CliFlags & WorkspaceFlags & HomeFlags;

function parseArgs(argv: string[], io: CliIo): { words: string[]; flags: Flags } | number {
  let words: string[] = [];
  const program = new Command("slack")
    .description("Send a slash command to the local app, as Slack would")
    .argument("[command...]", 'the slash command, e.g. "/task 14" (or the reply text with --reply)')
    .option("--user <id>", "act as this Slack user (its id, name or @name)")
    .option("--channel <id>", "send from this channel (its id, name or #name)")
    .option("--lang <code>", "choose the user's language on the app's Home first: en, lv or slack")
    .option("--slack-locale <code>", "set the user's Slack locale first: en, lv or xx-YY")
    .option("--json", "print the raw text and blocks")
    .option("--history", "print the channel's messages and threads (what the app posted)")
    .option("--reply <thread_ts>", "post the text as a reply in that thread (as the user)")
    .option("--edit <ts>", "edit that message to the text, as its author (message_changed)")
    .option("--delete <ts>", "delete that message, as its author (message_deleted)")
    .option("--add-channel <name>", "create a channel in the local Slack (the app in it)")
    .option("--add-user <name>", "create a person in the local Slack")
    .option("--home", "open the app's Home tab as the user (app_home_opened) and print it")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s.trimEnd()),
      writeErr: (s) => io.stderr(s.trimEnd()),
    })
    .action((args: string[]) => {
      words = args;
    });
  try {
    program.parse(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  return { words, flags: program.opts<Flags>() };
}

function hasContent(body: unknown): boolean {
  if (typeof body === "string") return body.trim() !== "";
  if (typeof body !== "object" || body === null) return false;
  const { text, blocks } = body as { text?: unknown; blocks?: unknown };
  return (typeof text === "string" && text !== "") || (Array.isArray(blocks) && blocks.length > 0);
}

async function print(
  io: CliIo,
  file: LocalSlackFile,
  answer: unknown,
  json: boolean,
): Promise<void> {
  if (json) {
    const { text, blocks } = (typeof answer === "object" && answer ? answer : { text: answer }) as {
      text?: unknown;
      blocks?: unknown;
    };
    io.stdout(JSON.stringify({ text, blocks }, null, 2));
  } else {
    const text = replyToText(answer, { channelNames: await channelNames(file, answer) });
    io.stdout(localLinks(await withMentions(file, text), file.emulatorUrl));
  }
}

/** A signing client acting as `--user` (default the local user), its language set as asked. */
async function preparedClient(io: CliIo, file: LocalSlackFile, flags: CliFlags) {
  const userId = flags.user ?? file.userId;
  const client = localClient(file, userId, flags.channel ?? file.channelId);
  await prepareUser(client, file, userId, flags, io.timeoutMs ?? ANSWER_TIMEOUT_MS);
  return client;
}

async function send(
  io: CliIo,
  file: LocalSlackFile,
  line: { command: string; text: string },
  flags: CliFlags,
  t: SlackToolText,
) {
  const client = await preparedClient(io, file, flags);
  // A typed "@anna" or "#iem" of the local Slack arrives as Slack sends a named person or channel.
  const people = line.text.includes("@") ? await localPeople(file) : undefined;
  const channels = line.text.includes("#") ? await localChannels(file) : undefined;
  const text = commandTextAsSlackSends(line.text, people, channels);
  const ack = await client.command(line.command, text);
  if (ack.status !== 200) {
    io.stderr(t.httpStatus(ack.status, JSON.stringify(ack.body)));
    return 1;
  }
  if (hasContent(ack.body)) {
    await print(io, file, ack.body, flags.json === true);
    return 0;
  }
  const response = await client.waitForResponse(ack.responseUrl, io.timeoutMs ?? ANSWER_TIMEOUT_MS);
  await print(io, file, response.body, flags.json === true);
  return 0;
}

/** `--edit`/`--delete`/`--add-channel`/`--add-user`/`--home` against the running local Slack. */
async function workspaceMode(words: string[], flags: Flags, io: CliIo, t: SlackToolText) {
  try {
    const file = await readLocalSlackFile(io.file ?? localSlackFile(dataDirFromEnvironment()));
    if (!file) {
      io.stderr(t.notRunning);
      return 1;
    }
    if (flags.home === true) return await showHome(file, words, flags, io, t);
    if (flags.edit !== undefined || flags.delete !== undefined)
      return await changeMessage(file, words, flags, io, t);
    return await addToWorkspace(file, flags, io, t);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(message === "fetch failed" ? `${t.notRunning} ${t.nothingAnswers}` : message);
    return 1;
  }
}

/** True when `channel` is a DM the app has not opened yet (its person exists); never throws. */
async function dmWithoutMessages(channel: string, io: CliIo): Promise<boolean> {
  try {
    const file = await readLocalSlackFile(io.file ?? localSlackFile(dataDirFromEnvironment()));
    return file ? await dmNotOpenedYet(file, channel) : false;
  } catch {
    return false;
  }
}

/**
 * What `--lang` / `--slack-locale` without a command set, one line each, naming the person as
 * the local Slack does (`@sekretars`, users.info), never by a bare user ID.
 */
async function languageLines(file: LocalSlackFile, flags: Flags, t: SlackToolText) {
  const who = await withMentions(file, `<@${flags.user ?? file.userId}>`);
  const lines: string[] = [];
  if (flags.slackLocale !== undefined) lines.push(t.slackLocaleSet(who, flags.slackLocale));
  const language = flags.lang === undefined ? undefined : homeLanguage(flags.lang);
  if (language === "slack") lines.push(t.languageCleared(who));
  else if (language !== undefined) lines.push(t.languageSet(who, language));
  return lines;
}

/**
 * Runs the CLI.
 * @param argv the arguments after the script name.
 * @returns the exit code (0, 1 or 2); never throws.
 */
export async function runSendCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  // The tool's own lines as the CLI's: `--lang en|lv`, else DEFAULT_LOCALE. `--lang slack`
  // withdraws the user's choice in the app and leaves the tool at the default.
  const t = slackToolText(consoleLocale(argv));
  const parsed = parseArgs(argv, io);
  if (typeof parsed === "number") return parsed;
  const f = parsed.flags;
  // Refused before any mode: --reply, --edit and --delete choose the language too.
  if (f.lang !== undefined && !homeLanguage(f.lang)) {
    io.stderr(t.badLang(f.lang));
    return 2;
  }
  if (f.slackLocale !== undefined && !localeFor(f.slackLocale)) {
    io.stderr(t.badSlackLocale(f.slackLocale));
    return 2;
  }
  // The Home tab is no channel's: a --channel with it would do nothing, so it is refused.
  if (f.home === true && f.channel !== undefined) {
    io.stderr(t.homeNoChannel(f.channel));
    return 2;
  }
  if (
    f.home === true ||
    f.edit !== undefined ||
    f.delete !== undefined ||
    f.addChannel !== undefined ||
    f.addUser !== undefined
  )
    return workspaceMode(parsed.words, f, io, t);
  if (f.history && f.channel !== undefined && (await dmWithoutMessages(f.channel, io))) {
    io.stdout(t.noDirectMessagesYet(f.channel));
    return 0;
  }
  if (parsed.flags.history || parsed.flags.reply)
    return runChannelMode(parsed.words, parsed.flags, io, t);
  const line = splitSlashCommand(parsed.words.join(" "));
  const languageOnly = parsed.flags.lang !== undefined || parsed.flags.slackLocale !== undefined;
  const known = io.commands ?? manifestCommands();
  if (!line && !languageOnly) {
    // "task 14": the slash left out of a command the app has — said first, above the usage.
    const typed = parsed.words.join(" ").trim();
    const first = typed.split(/\s+/u)[0]?.toLowerCase() ?? "";
    if (first !== "" && (known.length === 0 || known.includes(`/${first}`)))
      io.stderr(t.slashHint(`/${typed}`));
    io.stderr(t.usage);
    return 2;
  }
  if (line && known.length > 0 && !known.includes(line.command)) {
    io.stderr(t.noSuchCommand(line.command, known.join(", ")));
    return 2;
  }
  try {
    const file = await readLocalSlackFile(io.file ?? localSlackFile(dataDirFromEnvironment()));
    if (!file) {
      io.stderr(t.notRunning);
      return 1;
    }
    // "U0LOCAL02", "anna" or "@anna", as --channel takes a name; a person the local Slack
    // lacks is refused, its people listed (Slack only lets its members act).
    if (f.user !== undefined) {
      const known = await knownUser(file, f.user);
      if ("missing" in known) {
        io.stderr(t.unknownUser(f.user, known.missing.join(", ")));
        return 2;
      }
      f.user = known.id;
    }
    const userId = f.user ?? file.userId;
    // As --user: a --channel the local Slack lacks is refused here, naming its channels, rather
    // than sent for the app to answer as if Slack had such a channel; so is another person's
    // direct messages with the app (only that person can type there).
    if (f.channel !== undefined) {
      const known = await knownChannel(file, f.channel);
      if ("missing" in known) {
        io.stderr(t.unknownChannel(f.channel, known.missing.join(", "), dmChannelOf(userId)));
        return 2;
      }
      if (known.dmUser !== undefined && known.dmUser !== userId) {
        const owner = await withMentions(file, `<@${known.dmUser}>`);
        const who = await withMentions(file, `<@${userId}>`);
        io.stderr(t.notYourDm(known.id, owner, who, dmChannelOf(userId)));
        return 2;
      }
      f.channel = known.id;
    }
    if (line) return await send(io, file, line, parsed.flags, t);
    // Only --lang / --slack-locale: the language is set, and that is all that was asked.
    await preparedClient(io, file, parsed.flags);
    for (const line of await languageLines(file, parsed.flags, t)) io.stdout(line);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const refused = message === "fetch failed";
    io.stderr(refused ? `${t.notRunning} ${t.nothingAnswers}` : message);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runSendCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
