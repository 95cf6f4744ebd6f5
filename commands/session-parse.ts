/**
 * Reading `/session` text. Pure; never throws. "add <date…> <HH:MM> [title…]" (a date of one
 * to five words, as `/cutoff` reads them; the time is required: a session starts at a time),
 * "remove <id>", "list", "help". The time is read as `/cutoff` reads one ("9.30", "plkst.
 * 10:00"), to the minute: a word after the date shaped like a time but not one ("25:00",
 * "6:1") is refused by name, and so is a time typed after the title ("Sēde 14:00") when none
 * follows the date, with the command as it should read. Digits of any script in the date, the
 * time and an id read as ASCII ones ("remove #٣", "١٤:٠٠": commands/args.ts, cutoff-parse.ts);
 * the title and a mistake's echo keep them as typed.
 */
import type { LocalTime } from "../src/domain/dates.ts";
import {
  ADMIN_ARG_MAX,
  type DateSpec,
  isHelpWord,
  leadingDate,
  readId,
  tokenize,
  unescapeSlack,
} from "./args.ts";
import { meantAsTime, misplacedTime, readCutoffTime } from "./cutoff-parse.ts";

/** Longest session title (it heads the draft digest; a Slack header holds 150 characters). */
export const SESSION_TITLE_MAX = 120;

/** A typed mistake in `/session` text. */
export type SessionMistake =
  | { reason: "too_long"; length: number }
  | { reason: "not_understood"; text: string }
  | { reason: "missing_date" }
  | { reason: "bad_date"; input: string; invalid: boolean }
  | { reason: "missing_time" }
  | { reason: "bad_time"; input: string }
  | { reason: "time_after_title"; input: string; example: string }
  | { reason: "title_too_long"; length: number }
  | { reason: "missing_id" }
  | { reason: "bad_id"; input: string }
  | { reason: "extra"; text: string };

/** What `/session <text>` asks for. `title` null: the default title. */
export type SessionInput =
  | { kind: "help" }
  | { kind: "list" }
  | { kind: "add"; date: DateSpec; time: LocalTime; title: string | null }
  | { kind: "remove"; id: number }
  | { kind: "invalid"; mistake: SessionMistake };

/** The Latvian word before a time, alone: "plkst. 10:00". */
const CLOCK_WORD = /^plkst\.?$/iu;

function invalid(mistake: SessionMistake): SessionInput {
  return { kind: "invalid", mistake };
}

/** Reads the text after `/session` (see {@link SessionInput}). */
export function parse(text: string): SessionInput {
  // Measured as typed: Slack sends "<" and "&" as "&lt;" and "&amp;".
  const length = unescapeSlack(text).length;
  if (length > ADMIN_ARG_MAX) return invalid({ reason: "too_long", length });
  const [first = "", ...rest] = tokenize(text);
  const sub = first.toLowerCase();
  if (sub === "" || (isHelpWord(sub) && rest.length === 0)) return { kind: "help" };
  if (sub === "list" && rest.length === 0) return { kind: "list" };
  if (sub === "add") return parseAdd(rest);
  if (sub === "remove") {
    const [idToken, ...more] = rest;
    if (idToken === undefined) return invalid({ reason: "missing_id" });
    const id = readId(idToken);
    if (id === null) return invalid({ reason: "bad_id", input: idToken });
    if (more.length > 0) return invalid({ reason: "extra", text: more.join(" ") });
    return { kind: "remove", id };
  }
  return invalid({ reason: "not_understood", text: text.trim() });
}

function parseAdd(tokens: string[]): SessionInput {
  if (tokens.length === 0) return invalid({ reason: "missing_date" });
  const date = leadingDate(tokens);
  if (!date.ok)
    return invalid({
      reason: "bad_date",
      input: date.input,
      invalid: date.error === "invalid_date",
    });
  const dateWords = tokens.slice(0, date.used);
  const after = tokens.slice(date.used);
  const at = after.findIndex(meantAsTime);
  if (at === -1) return invalid({ reason: "missing_time" });
  // "plkst." alone takes the word after it: "plkst. 10:00".
  const used = CLOCK_WORD.test(after[at] ?? "") ? Math.min(2, after.length - at) : 1;
  const typed = after.slice(at, at + used).join(" ");
  const time = readCutoffTime(typed);
  // A session starts on a minute: "10:00:30" is no session time.
  if (!time || time.second !== undefined) return invalid({ reason: "bad_time", input: typed });
  const titleWords = [...after.slice(0, at), ...after.slice(at + used)];
  const late = misplacedTime("/session add", dateWords, after);
  if (late)
    return invalid({ reason: "time_after_title", input: late.input, example: late.example });
  const title = unescapeSlack(titleWords.join(" ").trim());
  if (title.length > SESSION_TITLE_MAX)
    return invalid({ reason: "title_too_long", length: title.length });
  return { kind: "add", date: date.spec, time, title: title === "" ? null : title };
}
