/**
 * Reading `/session` text. Pure; never throws. "add <date…> <HH:MM> [title…]" (a date of one
 * to five words, as `/cutoff` reads them; the time is required: a session starts at a time),
 * "remove <id>", "list", "help".
 */
import type { LocalTime } from "../src/domain/dates.ts";
import {
  ADMIN_ARG_MAX,
  type DateSpec,
  isHelpWord,
  leadingDate,
  looksLikeTime,
  readId,
  readTime,
  tokenize,
  unescapeSlack,
} from "./args.ts";

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

function invalid(mistake: SessionMistake): SessionInput {
  return { kind: "invalid", mistake };
}

/** Reads the text after `/session` (see {@link SessionInput}). */
export function parse(text: string): SessionInput {
  if (text.length > ADMIN_ARG_MAX) return invalid({ reason: "too_long", length: text.length });
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
  const next = tokens[date.used];
  if (next === undefined || !looksLikeTime(next)) return invalid({ reason: "missing_time" });
  const time = readTime(next);
  if (!time) return invalid({ reason: "bad_time", input: next });
  const title = unescapeSlack(
    tokens
      .slice(date.used + 1)
      .join(" ")
      .trim(),
  );
  if (title.length > SESSION_TITLE_MAX)
    return invalid({ reason: "title_too_long", length: title.length });
  return { kind: "add", date: date.spec, time, title: title === "" ? null : title };
}
