/**
 * Reading `/cutoff` text. Pure; never throws: every outcome is a typed input or a typed
 * mistake. Dates take one to five words ("2027-02-01", "2027. gada 1. februārī"); a time
 * ("12:00", "9.30", Latvian "plkst. 12:00") may follow; one with seconds ("12:00:30") is
 * refused as `/session` refuses it (a cut-off is set to the minute, as every time is shown, and
 * no two live ones share a minute: commands/cutoff-twin.ts); `--tasks 1,5,14` may stand
 * anywhere in `add`. A word after the date shaped like a time but not one ("25:61", "6:1") is
 * refused, never taken into the title.
 * Digits of any script read as ASCII ones in a time, `--tasks`, an id and a date ("plan #٣",
 * "--tasks ١٤,١٩", "١٢:٠٠"); a title and a mistake's echo keep them as typed.
 */
import { asciiDigits } from "../src/domain/ascii-digits.ts";
import type { LocalTime } from "../src/domain/dates.ts";
import {
  ADMIN_ARG_MAX,
  type DateRead,
  type DateSpec,
  isHelpWord,
  leadingDate,
  readId,
  tokenize,
  unescapeSlack,
} from "./args.ts";

/** Longest cut-off title (it heads `/cutoff plan`; a Slack header holds 150 characters). */
export const TITLE_MAX = 120;
/** Most task numbers `--tasks` takes. */
export const TASKS_MAX = 200;
/** A task number as the programme writes it ("14", "10.1.2"); leading zeros are dropped. */
const TASK_NUMBER = /^\d{1,4}(?:\.\d{1,4}){0,3}$/u;

/** The sub-commands that name a cut-off by id. */
export type CutoffSub = "add" | "move" | "remove" | "plan";

/** A typed mistake in `/cutoff` text. */
export type CutoffMistake =
  | { reason: "too_long"; length: number }
  | { reason: "not_understood"; text: string }
  | { reason: "missing_date"; sub: "add" | "move" }
  | { reason: "bad_date"; input: string; error: Extract<DateRead, { ok: false }>["error"] }
  | { reason: "bad_time"; input: string }
  /** A time typed with seconds ("12:00:30"); `minute`: it without them ("12:00"). */
  | { reason: "time_seconds"; input: string; minute: string }
  | { reason: "missing_time" }
  | { reason: "times_differ"; first: string; second: string }
  | { reason: "time_after_title"; input: string; example: string }
  | { reason: "missing_title" }
  | { reason: "title_too_long"; length: number }
  | { reason: "bad_tasks"; input: string }
  | { reason: "tasks_twice" }
  | { reason: "missing_id"; sub: CutoffSub }
  | { reason: "bad_id"; input: string; sub: CutoffSub }
  | { reason: "extra"; text: string };

/**
 * A cut-off's wall time; `second` only as {@link readCutoffTime} read it ("06:10:30", which
 * `/cutoff` then refuses) or as a cut-off stored with seconds keeps it on a move.
 */
export interface CutoffTime extends LocalTime {
  second?: number;
}

/** When: a date and, optionally, a wall time in the app's zone (null = end of that day). */
export interface When {
  date: DateSpec;
  time: CutoffTime | null;
}

/** The Latvian word before a time: "plkst. 12:00" (also "plkst 12:00", "plkst.12:00"). */
const CLOCK_WORD = /^plkst\.?$/iu;
const CLOCK_PREFIX = /^plkst\.(?=\d)/iu;
/**
 * Shaped like a time, whether or not it is one ("12:00", "9.30", "25:61", "6:1", "3:30:15",
 * "12.00.30", "12:00pm", "14:00:00.5"): digits and a colon, or H.MM with more after it. Not
 * "1.5" ("1.5 versija" is a title).
 */
const TIME_SHAPE = /^(?:\d{1,2}\.\d{2}(?:\.\d*)?|\d{1,3}:\d.*)$/u;
/** A time: "HH:MM", "H.MM" or "HH:MM:SS" (hours one or two digits). */
const TIME = /^(\d{1,2})(?::(\d{2})(?::(\d{2}))?|\.(\d{2}))$/u;

/**
 * Reads a cut-off's time of day: "12:00", "9.30", "06:10:30", each also after "plkst." (one
 * word or two: "plkst. 12:00", "plkst.12:00"); null when it is not one or is out of range
 * ("24:00", "9:60", "12:00:60", "abc"). Digits of any script read as ASCII ones ("١٢:٠٠").
 * The CLI's `--time` value goes through it as well. Seconds are read so that `/cutoff` and
 * `/session` can refuse them by name ({@link minuteOnly}).
 */
export function readCutoffTime(text: string): CutoffTime | null {
  const words = asciiDigits(text).trim().split(/\s+/u);
  if (words.length === 2 && CLOCK_WORD.test(words[0] ?? "")) words.shift();
  if (words.length !== 1) return null;
  const match = TIME.exec((words[0] ?? "").replace(CLOCK_PREFIX, ""));
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2] ?? match[4]);
  const second = match[3] === undefined ? undefined : Number(match[3]);
  if (hour > 23 || minute > 59 || (second ?? 0) > 59) return null;
  return second === undefined ? { hour, minute } : { hour, minute, second };
}

/**
 * `time` read from `typed` when it has no seconds; else the mistake naming them, with the
 * minute to write instead ("12:00:30" → "12:00").
 */
function minuteOnly(typed: string, time: CutoffTime): CutoffTime | CutoffMistake {
  if (time.second === undefined) return time;
  const minute = [time.hour, time.minute].map((n) => String(n).padStart(2, "0")).join(":");
  return { reason: "time_seconds", input: typed, minute };
}

/**
 * True when a word after the date is meant as a time: time-shaped ("12:00", "25:61", "6:1";
 * not "1.5"), or "plkst." (also joined: "plkst.12:00"). `/session add` reads its time so too.
 */
export function meantAsTime(token: string): boolean {
  const digits = asciiDigits(token);
  return CLOCK_PREFIX.test(digits) || TIME_SHAPE.test(digits) || CLOCK_WORD.test(digits);
}

/**
 * A time typed after the title instead of right after the date ("2027-02-01 Pārbaude 12:00"):
 * the first word of `after` (the words after the date) meant as a time ({@link meantAsTime};
 * with "plkst." the word after it too), as typed, and the command as it should read —
 * `command`, `dateWords`, that time, the title's words, then `tail` (e.g. "--tasks 5,14").
 * Null when no such word stands after the first one (a time right after the date is read as the
 * time). `/cutoff add` and `/session add` refuse with it alike rather than take it into the title.
 */
export function misplacedTime(
  command: string,
  dateWords: readonly string[],
  after: readonly string[],
  tail: readonly string[] = [],
): { at: number; input: string; example: string } | null {
  const at = after.findIndex(meantAsTime);
  if (at <= 0) return null;
  // "plkst." alone takes the word after it: "plkst. 12:00".
  const used = CLOCK_WORD.test(after[at] ?? "") ? Math.min(2, after.length - at) : 1;
  const input = after.slice(at, at + used).join(" ");
  // "Title --time 12:00": the flag goes with the time, never stays dangling in the title.
  const flag = TIME_FLAG.test(after[at - 1] ?? "") ? 1 : 0;
  const title = [...after.slice(0, at - flag), ...after.slice(at + used)];
  const example = unescapeSlack([command, ...dateWords, input, ...title, ...tail].join(" "));
  return { at, input, example };
}

/**
 * What `/cutoff <text>` asks for: `help` ("" or "help": usage and the list), `list`,
 * `add` (when, title, `tasks` null = the default scope), `move`, `remove`, `plan` (`id` null:
 * "plan" alone, the cut-off the app is working towards, see commands/cutoff-default.ts).
 */
export type CutoffInput =
  | { kind: "help" }
  | { kind: "list" }
  | ({ kind: "add"; title: string; tasks: string[] | null } & When)
  | ({ kind: "move"; id: number } & When)
  | { kind: "remove"; id: number }
  | { kind: "plan"; id: number | null }
  | { kind: "invalid"; mistake: CutoffMistake };

/** Reads the text after `/cutoff` (see {@link CutoffInput}). */
export function parse(text: string): CutoffInput {
  // Measured as typed: Slack sends "<" and "&" as "&lt;" and "&amp;".
  const length = unescapeSlack(text).length;
  if (length > ADMIN_ARG_MAX) return invalid({ reason: "too_long", length });
  const [first = "", ...rest] = tokenize(text);
  const sub = first.toLowerCase();
  if (sub === "" || (isHelpWord(sub) && rest.length === 0)) return { kind: "help" };
  if (sub === "list" && rest.length === 0) return { kind: "list" };
  if (sub === "add") return parseAdd(rest);
  if (sub === "move") return parseMove(rest);
  if (sub === "remove" || sub === "plan") return parseById(sub, rest);
  return invalid({ reason: "not_understood", text: text.trim() });
}

function invalid(mistake: CutoffMistake): CutoffInput {
  return { kind: "invalid", mistake };
}

/**
 * Takes `--tasks X[,Y…]` (also `--tasks=X`, and "1, 5, 14" with spaces; digits and separators
 * of any keyboard, "١٤,١٩", "١٤، ١٣٫٣", "５，１４") out of the tokens. A list that is no list of
 * numbers is refused as typed.
 */
function takeTasks(tokens: string[]): { rest: string[]; tasks: string[] | null } | CutoffMistake {
  const at = tokens.findIndex((t) => /^--tasks(?:=|$)/iu.test(t));
  if (at === -1) return { rest: tokens, tasks: null };
  const inline = tokens[at]?.slice("--tasks=".length) ?? "";
  let end = at + 1;
  let list = inline;
  // "1," goes on in the next word, also "١، ٥" (an Arabic comma: asciiDigits reads it as ",").
  const goesOn = () => list === "" || asciiDigits(list).endsWith(",");
  if (goesOn()) {
    while (end < tokens.length && /^[\d.,]+$/u.test(asciiDigits(tokens[end] ?? ""))) {
      list += tokens[end];
      end++;
      if (!goesOn()) break;
    }
  }
  const items = asciiDigits(list)
    .split(",")
    .map((n) => n.trim());
  if (items.length > TASKS_MAX || items.some((n) => !TASK_NUMBER.test(n))) {
    // "--tasks abc", "--tasks 1, abc": name the word that is not a number, not just "" or "1,".
    const unread = goesOn() ? (tokens[end] ?? "") : "";
    return { reason: "bad_tasks", input: list + unread };
  }
  const numbers = items.map((n) => n.replace(/^0+(?=\d)/u, ""));
  const rest = [...tokens.slice(0, at), ...tokens.slice(end)];
  // A second list would end up in the title: "--tasks 5,14 --tasks 1 T6" titled "--tasks 1 T6".
  if (rest.some((t) => /^--tasks(?:=|$)/iu.test(t))) return { reason: "tasks_twice" };
  return { rest, tasks: [...new Set(numbers)] };
}

/** `--time` as the CLI writes it (`--time=12:00` too). */
const TIME_FLAG = /^--time$/iu;
const TIME_FLAG_INLINE = /^--time=/iu;

/**
 * Takes every `--time HH:MM` (also `--time=HH:MM`, `--time plkst. 12:00`) out of the tokens:
 * the time typed, null when none. Two that differ are refused; a flag with no time after it or
 * a value that is no time too.
 */
function takeTimeFlag(
  tokens: string[],
): { rest: string[]; time: { typed: string; time: CutoffTime } | null } | CutoffMistake {
  const rest: string[] = [];
  let found: { typed: string; time: CutoffTime } | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? "";
    let typed: string;
    if (TIME_FLAG_INLINE.test(token)) typed = token.slice("--time=".length);
    else if (TIME_FLAG.test(token)) {
      const next = tokens[i + 1];
      if (next === undefined || next.startsWith("--")) return { reason: "missing_time" };
      const two = CLOCK_WORD.test(next) && tokens[i + 2] !== undefined;
      typed = two ? `${next} ${tokens[i + 2]}` : next;
      i += two ? 2 : 1;
    } else {
      rest.push(token);
      continue;
    }
    if (typed === "") return { reason: "missing_time" };
    const read = readCutoffTime(typed);
    if (!read) return { reason: "bad_time", input: typed };
    const time = minuteOnly(typed, read);
    if ("reason" in time) return time;
    if (found && !sameTime(found.time, time))
      return { reason: "times_differ", first: found.typed, second: typed };
    found ??= { typed, time };
  }
  return { rest, time: found };
}

function sameTime(a: CutoffTime, b: CutoffTime): boolean {
  return a.hour === b.hour && a.minute === b.minute && (a.second ?? 0) === (b.second ?? 0);
}

/**
 * The time after the date and the one given as `--time` (either may be null): one of them, or
 * a mistake when both are given and differ ("12:00 … --time 13:00").
 */
function joinTimes(
  when: When,
  flag: { typed: string; time: CutoffTime } | null,
  typedAfterDate: string,
): When | CutoffMistake {
  if (!flag) return when;
  if (when.time && !sameTime(when.time, flag.time))
    return { reason: "times_differ", first: typedAfterDate, second: flag.typed };
  return { date: when.date, time: when.time ?? flag.time };
}

/** Reads "<date…> [[plkst.] HH:MM]" at the start; returns what follows. */
function takeWhen(
  tokens: string[],
  sub: "add" | "move",
): { when: When; rest: string[]; dateWords: string[]; typed: string } | CutoffMistake {
  if (tokens.length === 0) return { reason: "missing_date", sub };
  const date = leadingDate(tokens);
  if (!date.ok) return { reason: "bad_date", input: date.input, error: date.error };
  const dateWords = tokens.slice(0, date.used);
  const next = tokens[date.used];
  if (next === undefined || !meantAsTime(next))
    return {
      when: { date: date.spec, time: null },
      rest: tokens.slice(date.used),
      dateWords,
      typed: "",
    };
  // "plkst." alone takes the word after it: "plkst. 12:00".
  const used = CLOCK_WORD.test(next) ? Math.min(2, tokens.length - date.used) : 1;
  const typed = tokens.slice(date.used, date.used + used).join(" ");
  const read = readCutoffTime(typed);
  if (!read) return { reason: "bad_time", input: typed };
  const time = minuteOnly(typed, read);
  if ("reason" in time) return time;
  return {
    when: { date: date.spec, time },
    rest: tokens.slice(date.used + used),
    dateWords,
    typed,
  };
}

function parseAdd(tokens: string[]): CutoffInput {
  const flagged = takeTimeFlag(tokens);
  if ("reason" in flagged) return invalid(flagged);
  const scoped = takeTasks(flagged.rest);
  if ("reason" in scoped) return invalid(scoped);
  const when = takeWhen(scoped.rest, "add");
  if ("reason" in when) return invalid(when);
  const joined = joinTimes(when.when, flagged.time, when.typed);
  if ("reason" in joined) return invalid(joined);
  const title = unescapeSlack(when.rest.join(" ").trim());
  if (title === "") return invalid({ reason: "missing_title" });
  // "2027-02-01 Pārbaude 12:00": the time would end up in the title of an end-of-day cut-off.
  if (joined.time === null) {
    const tail = scoped.tasks ? [`--tasks ${scoped.tasks.join(",")}`] : [];
    const late = misplacedTime("/cutoff add", when.dateWords, when.rest, tail);
    if (late)
      return invalid({ reason: "time_after_title", input: late.input, example: late.example });
  }
  if (title.length > TITLE_MAX) return invalid({ reason: "title_too_long", length: title.length });
  return { kind: "add", ...joined, title, tasks: scoped.tasks };
}

function parseMove(tokens: string[]): CutoffInput {
  const [idToken, ...rest] = tokens;
  const id = parseIdToken(idToken, "move");
  if (typeof id !== "number") return invalid(id);
  const flagged = takeTimeFlag(rest);
  if ("reason" in flagged) return invalid(flagged);
  const when = takeWhen(flagged.rest, "move");
  if ("reason" in when) return invalid(when);
  if (when.rest.length > 0) return invalid({ reason: "extra", text: when.rest.join(" ") });
  const joined = joinTimes(when.when, flagged.time, when.typed);
  if ("reason" in joined) return invalid(joined);
  return { kind: "move", id, ...joined };
}

function parseById(sub: "remove" | "plan", tokens: string[]): CutoffInput {
  const [idToken, ...rest] = tokens;
  if (sub === "plan" && idToken === undefined) return { kind: "plan", id: null };
  const id = parseIdToken(idToken, sub);
  if (typeof id !== "number") return invalid(id);
  if (rest.length > 0) return invalid({ reason: "extra", text: rest.join(" ") });
  return { kind: sub, id };
}

function parseIdToken(token: string | undefined, sub: CutoffSub): number | CutoffMistake {
  if (token === undefined) return { reason: "missing_id", sub };
  return readId(token) ?? { reason: "bad_id", input: token, sub };
}
