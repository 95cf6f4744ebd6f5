/**
 * What the CLI prints for a command's Block Kit answer: the blocks as plain text
 * ({@link blocksToText}), without Slack's mrkdwn emphasis markers, which a terminal would show
 * as literal asterisks and underscores. The local Slack (`npm run slack`) keeps them: it shows
 * what Slack would render.
 * mrkdwn: https://api.slack.com/reference/surfaces/formatting#visual-styles
 */
import type { Locale } from "../config.ts";
import { blocksToText, type TextOptions } from "../slack/blocks-to-text.ts";

/** Text before an opening marker: start, space, an opening bracket or quote. */
const OPEN = String.raw`(^|[\s(\[„“"'])`;
/** Text after a closing marker: end, space, punctuation, a closing bracket or quote. */
const CLOSE = String.raw`(?=$|[\s)\].,:;!?”"'])`;
/** `m`-marked text as Slack reads it: not starting or ending with a space (`2 * 3 * 4` is not). */
const marked = (m: string) =>
  new RegExp(String.raw`${OPEN}[${m}]([^${m}\s](?:[^${m}\n]*?[^${m}\s])?)[${m}]${CLOSE}`, "gmu");
const BOLD = marked("*");
const ITALIC = marked("_");
const STRIKE = marked("~");

/**
 * Drops mrkdwn's `*bold*`, `_italic_` and `~strike~` markers where Slack would read them as
 * such (a marker pair around text, at word edges), and leaves other asterisks and underscores
 * (`user_settings`, `2 * 3`) as they are.
 */
export function stripEmphasis(text: string): string {
  return text.replace(BOLD, "$1$2").replace(ITALIC, "$1$2").replace(STRIKE, "$1$2");
}

/**
 * A command's answer as terminal text (see the module comment); channels named by
 * `opts.channelNames` (the local workspace's, see local-names.ts) print as `#name`.
 */
export function terminalText(blocks: unknown, opts: TextOptions = {}): string {
  return stripEmphasis(blocksToText(blocks, opts));
}

/**
 * `text` without `note` where a reply carries it: a line that is only the note goes, and a note
 * joined to other hints with " · " is cut out with its separator. For a note the CLI says in
 * its own, more precise words (the re-plan note), so the terminal shows it once.
 */
export function withoutNote(text: string, note: string): string {
  return text
    .split("\n")
    .filter((line) => line.trim() !== note)
    .map((line) => line.replace(` · ${note}`, "").replace(`${note} · `, ""))
    .join("\n");
}

/** Slash commands whose CLI twin takes the same words (`npm run cli -- cutoff plan 1`). */
const TWINS = new Set(["task", "institution", "cutoff", "role", "session"]);
/** Slash commands whose CLI form differs: only their help is named (`npm run cli -- digest --help`). */
const HELP_ONLY = new Map([
  ["digest", "digest"],
  ["export", "export"],
  ["calendar", "export calendar"],
]);
/** Sub-commands of `/institution` other than looking one up (`/institution IEM` = `institution show IEM`). */
const INSTITUTION_VERBS = new Set(["set", "away", "add", "show", "help"]);

/**
 * What the CLI's hints put where Slack's forms name a channel or a person: README's
 * `<channelId>` / `<userId>` (the CLI's help, `institution set <code> <channelId> [userIds…]`),
 * in Latvian as `remind --now`'s advice writes them.
 */
const ID_PLACEHOLDERS: Record<Locale, { channel: string; user: string }> = {
  lv: { channel: "<kanāla ID>", user: "<lietotāja ID>" },
  en: { channel: "<channelId>", user: "<userId>" },
};

/** A wall time as /cutoff takes it after the date: 12:00, 9:30, 12:00:30. */
const CLOCK_TIME = /^\d{1,2}:\d{2}(?::\d{2})?$/;

/**
 * `text` (a command's answer, as {@link terminalText} gives it) with the slash-command forms its
 * hints name in code spans written as the CLI takes them, since the operator is at a terminal:
 * "`/cutoff help`" → "`npm run cli -- cutoff --help`", "`/cutoff plan 1`" → "`npm run cli --
 * cutoff plan 1`", "`/institution IEM`" → "`npm run cli -- institution show IEM`". The CLI takes
 * IDs where Slack's picker gives mentions, so "#kanāls" becomes the placeholder README and the
 * CLI's help name it by, `<channelId>`, and "@anna" `<userId>` (in Latvian `<kanāla ID>`,
 * `<lietotāja ID>`, as `remind --now` and `institution set`'s usage write them; {@link
 * ID_PLACEHOLDERS}), for the text's `locale`. A command without a CLI twin of the same words
 * (/digest, /export, /calendar) is named by its CLI help; anything else (/programme, which the
 * CLI lacks, and `/task 14 set …`, which the CLI's read-only `task` refuses) is left.
 */
export function cliHints(text: string, locale: Locale): string {
  const ids = ID_PLACEHOLDERS[locale];
  return text.replace(/`\/([a-z]+)((?: [^`\n]*)?)`/g, (whole, name: string, rest: string) => {
    const words = rest.trim() === "" ? [] : rest.trim().split(/\s+/);
    const help = words.length === 0 || (words.length === 1 && words[0] === "help");
    const other = HELP_ONLY.get(name);
    if (other !== undefined) return help ? `\`npm run cli -- ${other} --help\`` : whole;
    if (!TWINS.has(name)) return whole;
    // The CLI's `task` only reads (no TaskActor): a change stays a Slack form.
    if (name === "task" && words[1]?.toLowerCase() === "set") return whole;
    // `task help` prints /task's own help and overview; the admin groups' help is commander's.
    if (help) return `\`npm run cli -- ${name} ${name === "task" ? "help" : "--help"}\``;
    if (name === "institution" && !INSTITUTION_VERBS.has(words[0] ?? "")) words.unshift("show");
    // `cutoff add|move` take the time as --time (a word after the date would be a title or
    // refused): "/cutoff move 3 2027-02-01 12:00" → "cutoff move 3 2027-02-01 --time 12:00".
    const timeAt = words[0] === "add" ? 2 : words[0] === "move" ? 3 : -1;
    if (name === "cutoff" && timeAt > 0 && CLOCK_TIME.test(words[timeAt] ?? ""))
      words.splice(timeAt, 0, "--time");
    const args = words.map((w) => (/^#\S/.test(w) ? ids.channel : /^@\S/.test(w) ? ids.user : w));
    return `\`npm run cli -- ${name} ${args.join(" ")}\``;
  });
}
