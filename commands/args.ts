/**
 * Reading the arguments of the admin commands (`/institution`, `/role`, `/cutoff`): tokens,
 * Slack's escaped mentions and dates (`/cutoff`'s parser reads times). Pure; nothing here throws.
 *
 * With `should_escape: true` in the manifest Slack sends a picked user as `<@U123|anna>` and a
 * picked channel as `<#C123|iem-darba-grupa>` (sometimes with an empty label: `<#C123|>`).
 * Source: https://api.slack.com/interactivity/slash-commands#creating_commands ("Escape
 * channels, users, and links"). The CLI passes bare IDs (`U123`, `C123`).
 *
 * Numbers (ids, dates; `/cutoff`'s times and task numbers) are read with digits of any script
 * as ASCII ones (`asciiDigits`: "#٣", "١٥.٠١.٢٠٢٧", as `/task ١٤` since dcbd119); what the
 * person typed is kept for the answer to a mistake and for free text (titles, names).
 */
import { DateTime } from "luxon";
import { asciiDigits } from "../src/domain/ascii-digits.ts";
import { parseDateArg } from "../src/domain/dates.ts";
import { visibleText } from "../src/domain/visible-text.ts";

/** Longest admin command text taken at face value; longer text gets a kind refusal. */
export const ADMIN_ARG_MAX = 2000;

/** Words that ask for usage, in both languages. */
const HELP_WORDS = new Set(["help", "palīdzība", "palidziba", "?", "-h", "--help"]);

/** True when `word` (any case) asks for help. */
export function isHelpWord(word: string): boolean {
  return HELP_WORDS.has(word.toLowerCase());
}

/**
 * A slash command's text as the person meant it ({@link visibleText}: invisible format
 * characters a copy and paste brings along removed, no-break spaces read as spaces), so
 * "/task 14" + U+200B is task 14, not "Nesapratu „14​”" (a fresh user's finding). Every slash
 * command's text goes through it (`runnable` in index.ts). Pure.
 */
export const cleanCommandText = visibleText;

/**
 * Free text (a title, a name) as the person typed it: Slack sends `&`, `<` and `>` typed in a
 * command as `&amp;`, `&lt;`, `&gt;` (https://api.slack.com/reference/surfaces/formatting#escaping).
 */
export function unescapeSlack(text: string): string {
  return cleanCommandText(text)
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

/**
 * Splits command text at whitespace, keeping each `<…>` escape whole; invisible characters
 * and no-break spaces read as {@link cleanCommandText} reads them.
 */
export function tokenize(text: string): string[] {
  return cleanCommandText(text).match(/<[^<>]*>|[^\s<]+|</gu) ?? [];
}

const USER_ESCAPE = /^<@([UW][A-Z0-9]{2,})(?:\|[^<>]*)?>$/u;
const USER_ID = /^[UW][A-Z0-9]{2,}$/u;
const CHANNEL_ESCAPE = /^<#([CG][A-Z0-9]{2,})(?:\|[^<>]*)?>$/u;
/** A bare channel ID must hold a digit, so codes such as "CBSS" or "GRETA" never read as one. */
const CHANNEL_ID = /^[CG](?=[A-Z0-9]*\d)[A-Z0-9]{2,}$/u;

/** The Slack user ID in `<@U123|anna>`, `<@U123>` or `U123`; null for anything else. */
export function userIdOf(token: string): string | null {
  return USER_ESCAPE.exec(token)?.[1] ?? (USER_ID.test(token) ? token : null);
}

/** The Slack channel ID in `<#C123|name>`, `<#C123>` or `C123`; null for anything else. */
export function channelIdOf(token: string): string | null {
  return CHANNEL_ESCAPE.exec(token)?.[1] ?? (CHANNEL_ID.test(token) ? token : null);
}

/** True when the token is meant as a channel: a channel escape, a channel ID, or "#name". */
export function looksLikeChannel(token: string): boolean {
  return token.startsWith("<#") || token.startsWith("#") || CHANNEL_ID.test(token);
}

/**
 * Why a token meant as a person or a channel could not be read. `not_linked`: a plain
 * "@anna"/"#kanāls" (the name was typed, not picked from Slack's list, so no ID came with it).
 */
export type RefProblem = "not_linked" | "not_a_user" | "not_a_channel";

/** Reads a token meant as a person: the user ID, or why not. */
export function readUser(token: string): { ok: true; userId: string } | RefProblem {
  const userId = userIdOf(token);
  if (userId) return { ok: true, userId };
  return token.startsWith("@") ? "not_linked" : "not_a_user";
}

/** Reads a token meant as a channel: the channel ID, or why not. */
export function readChannel(token: string): { ok: true; channelId: string } | RefProblem {
  const channelId = channelIdOf(token);
  if (channelId) return { ok: true, channelId };
  return token.startsWith("#") ? "not_linked" : "not_a_channel";
}

/**
 * A date as typed. `date`: an ISO calendar date that does not depend on today ("2027-02-01",
 * "1. februārī 2027"). `relative`: a form read against today ("rīt", "1.02.", "1 February"),
 * resolved by {@link resolveDate} with the clock in `handle`.
 */
export type DateSpec = { kind: "date"; date: string } | { kind: "relative"; text: string };

/** Outcome of reading a date: the spec, or why not (`invalid_date`: no such day, e.g. 31.02.). */
export type DateRead =
  | { ok: true; spec: DateSpec }
  | { ok: false; error: "invalid_date" | "unrecognised_date" };

/** Any fixed day works: it only tells a form that needs "today" from one that is no date. */
const PROBE_DAY = DateTime.fromISO("2001-06-15T12:00:00Z", { zone: "utc" });
const PROBE_ZONE = "UTC";

/**
 * Reads `text` as a date without a clock (see {@link DateSpec}); digits of any script as ASCII
 * ones ("١٥.٠١.٢٠٢٧" is 2027-01-15). A relative spec keeps `text` as typed: a mistake found when
 * it is dated echoes it so, and {@link resolveDate} reads its digits alike.
 */
export function readDate(text: string): DateRead {
  const digits = asciiDigits(text);
  const absolute = parseDateArg(digits, PROBE_ZONE);
  if (absolute.ok) return { ok: true, spec: { kind: "date", date: absolute.date } };
  if (absolute.error === "invalid_date") return { ok: false, error: "invalid_date" };
  const probed = parseDateArg(digits, PROBE_ZONE, PROBE_DAY);
  if (probed.ok) return { ok: true, spec: { kind: "relative", text: text.trim() } };
  return { ok: false, error: probed.error };
}

/**
 * The ISO date of a spec, reading relative forms against `now` in `zone` (digits of any script
 * as ASCII ones, as {@link readDate}); null when none.
 */
export function resolveDate(spec: DateSpec, zone: string, now: DateTime): string | null {
  if (spec.kind === "date") return spec.date;
  const parsed = parseDateArg(asciiDigits(spec.text), zone, now);
  return parsed.ok ? parsed.date : null;
}

/**
 * The longest run of leading tokens (at most 5: "2027. gada 1. februārī") that reads as a
 * date, and how many tokens it took. When none does: `invalid_date` with the words that name
 * no real day ("31. februārī 2027"), if any run does, else `unrecognised_date` and the first word.
 */
export function leadingDate(
  tokens: readonly string[],
):
  | { ok: true; spec: DateSpec; used: number }
  | { ok: false; error: "invalid_date" | "unrecognised_date"; input: string } {
  let invalid: string | null = null;
  for (let n = Math.min(5, tokens.length); n >= 1; n--) {
    const text = tokens.slice(0, n).join(" ");
    const read = readDate(text);
    if (read.ok) return { ok: true, spec: read.spec, used: n };
    if (read.error === "invalid_date") invalid ??= text;
  }
  return invalid !== null
    ? { ok: false, error: "invalid_date", input: invalid }
    : { ok: false, error: "unrecognised_date", input: tokens[0] ?? "" };
}

/** Reads a positive whole id ("3", "#3", "#٣": digits of any script); null otherwise. */
export function readId(token: string | undefined): number | null {
  const match = /^#?(\d{1,9})$/u.exec(asciiDigits(token ?? ""));
  const id = match ? Number(match[1]) : 0;
  return id > 0 ? id : null;
}
