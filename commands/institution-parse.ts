/**
 * Reading `/institution` text. Pure; never throws: every outcome is a typed input or a typed
 * mistake. Codes may hold spaces ("VP GKrPP"): in `set` the code is everything before the
 * channel. The one number it reads, `away`'s date, takes digits of any script as ASCII ones
 * (`readDate`: "١٥.٠١.٢٠٢٧"); codes and names are kept as typed.
 */
import {
  ADMIN_ARG_MAX,
  type DateRead,
  type DateSpec,
  isHelpWord,
  looksLikeChannel,
  type RefProblem,
  readChannel,
  readDate,
  readUser,
  tokenize,
  unescapeSlack,
} from "./args.ts";

/** Most contacts one institution may have (a mention per contact goes into every reminder). */
export const MAX_CONTACTS = 20;
/** Longest institution name `/institution add` takes (a Slack header holds 150 characters). */
export const NAME_MAX = 140;
/** A new code: 1–20 letters or digits, starting with a letter ("GP", "TSAB", "ĀM2"). */
const CODE = /^\p{L}[\p{L}\p{N}]{0,19}$/u;
/** Sub-command words that cannot be codes, or `/institution <code>` would mean something else. */
export const RESERVED_CODES = ["set", "away", "add", "help", "list", "off"];
/**
 * The flag of `/institution set IEM #kanāls --no-contacts`: the institution keeps its channel and
 * has no contacts. Slack's autocorrect may turn "--" into a dash, so "—" and "–" are read too.
 */
const NO_CONTACTS = /^(?:--|—|–)(?:no-contacts|bez-kontaktpersonām|bez-kontaktpersonam)$/iu;
/** Words for "the contact is back" in `/institution away @user off`. */
const BACK_WORDS = new Set(["off", "back", "atpakaļ", "atpakal"]);

/** A token meant as a person: a Slack mention (`<@U…>`) or a typed "@name". */
function looksLikeUser(token: string): boolean {
  return token.startsWith("<@") || token.startsWith("@");
}

/** A bare user ID as the CLI passes it; it must hold a digit, so a code ("UNHCR") never reads as one. */
const BARE_USER_ID = /^[UW](?=[A-Z0-9]*\d)[A-Z0-9]{2,}$/u;

/** A token meant as a person: {@link looksLikeUser}, or a bare user ID (the CLI's). */
function looksLikePerson(token: string): boolean {
  return looksLikeUser(token) || BARE_USER_ID.test(token);
}

/**
 * How `/institution set` text was read, for the answer to a mistake in it, tokens as typed:
 * `code` the first run of words that are no channel, person or flag (the institution; "VP
 * GKrPP" is two words), `channel` the first channel-looking token (null: none), `people` the
 * person-looking ones, `other` the later words that are none of these ("anna" without @). The
 * handler may move trailing words of `code` that name no institution to `other`.
 */
export interface SetSeen {
  code: string;
  channel: string | null;
  people: string[];
  other: string[];
}

/** Reads `set` tokens as {@link SetSeen} (see there). */
export function seeSet(tokens: readonly string[]): SetSeen {
  const seen: SetSeen = { code: "", channel: null, people: [], other: [] };
  const code: string[] = [];
  // 0: no code word yet; 1: in the code's run of words; 2: after it.
  let state = 0;
  for (const token of tokens) {
    const plain = !NO_CONTACTS.test(token) && !looksLikeChannel(token) && !looksLikePerson(token);
    if (plain && state < 2) {
      code.push(token);
      state = 1;
      continue;
    }
    if (state === 1) state = 2;
    if (plain) seen.other.push(token);
    else if (looksLikeChannel(token) && seen.channel === null) seen.channel = token;
    else if (looksLikePerson(token)) seen.people.push(token);
    else if (!NO_CONTACTS.test(token)) seen.other.push(token);
  }
  seen.code = code.join(" ");
  return seen;
}

/** A typed mistake in `/institution` text. */
export type InstitutionMistake =
  | { reason: "too_long"; length: number }
  | { reason: "missing_code"; sub: "set" | "add" }
  /**
   * No channel: `query` is what came before the first contact or flag (the institution), and
   * `noContacts` whether --no-contacts was given, so the hint can show a form that works.
   */
  | { reason: "missing_channel"; query: string; noContacts: boolean; seen?: SetSeen }
  | { reason: "bad_channel"; token: string; problem: RefProblem; seen?: SetSeen }
  /** `seen` only in `set` (not in `away`). */
  | { reason: "bad_user"; token: string; problem: RefProblem; seen?: SetSeen }
  /**
   * `set` arguments in the wrong order: a channel after people ("set TM @anna #kanāls"), or
   * the code after the channel ("set #kanāls TM"). The syntax is `set <code> <#channel> [<@user> …]`.
   */
  | { reason: "set_order"; order: "channel_after_people" | "code_after_channel"; seen: SetSeen }
  /**
   * `set` with words before the channel that name no institution after a start that does
   * ("set TM anna #kanāls"): found by the handler, which reads the institutions.
   */
  | { reason: "set_words"; seen: SetSeen }
  | { reason: "too_many_contacts"; count: number }
  | { reason: "contacts_and_none" }
  | { reason: "missing_user" }
  | { reason: "missing_date" }
  | { reason: "bad_date"; input: string; error: Extract<DateRead, { ok: false }>["error"] }
  | { reason: "bad_code"; code: string }
  | { reason: "missing_name"; code: string }
  | { reason: "name_too_long"; length: number };

/**
 * What `/institution <text>` asks for:
 * - `help`: "" or "help" — usage and every institution, mapped or not;
 * - `list`: "list" (as `/cutoff list`, `/role list`) — every institution, mapped or not, without
 *   the usage ("list" is a reserved word, no institution's code);
 * - `show`: "IEM" — one institution's mapping (code or alias, any case);
 * - `set`: "set IEM <#C…> <@U…> …" — the channel, and the contacts named (replacing the previous
 *   ones); `userIds` null when none is named ("set IEM <#C…>": the contacts stay as they are),
 *   `[]` for "set IEM <#C…> --no-contacts" (the contacts are cleared);
 * - `away`: "away <@U…> 2027-01-15" — away until that day, inclusive; `until` null ("off") = back;
 * - `add`: "add GP Ģenerālprokuratūra" — a new institution.
 */
export type InstitutionInput =
  | { kind: "help" }
  | { kind: "list" }
  | { kind: "show"; query: string }
  | { kind: "set"; query: string; channelId: string; userIds: string[] | null }
  | { kind: "away"; userId: string; until: DateSpec | null }
  | { kind: "add"; code: string; name: string }
  | { kind: "invalid"; mistake: InstitutionMistake };

/** Reads the text after `/institution` (see {@link InstitutionInput}). */
export function parse(text: string): InstitutionInput {
  // Measured as typed: Slack sends "<" and "&" as "&lt;" and "&amp;".
  const length = unescapeSlack(text).length;
  if (length > ADMIN_ARG_MAX) return invalid({ reason: "too_long", length });
  const tokens = tokenize(text);
  const [first = "", ...rest] = tokens;
  const sub = first.toLowerCase();
  if (sub === "list" && rest.length === 0) return { kind: "list" };
  if (sub === "" || (isHelpWord(sub) && rest.length === 0)) return { kind: "help" };
  if (sub === "set") return parseSet(rest);
  if (sub === "away") return parseAway(rest);
  if (sub === "add") return parseAdd(rest, text);
  return { kind: "show", query: readInstitutionQuery(text) };
}

/**
 * An institution's code, alias or name as typed after a command (`/institution IEM`, `/calendar
 * Patvērums „Drošā māja”`): runs of whitespace (a line break too) as one space, trimmed, and
 * Slack's `&amp;`, `&lt;`, `&gt;` read back as `&`, `<`, `>`; any other character kept (quotes,
 * "„…”", slashes), so every code `/institution list` shows reads as written. Looked up with
 * `findInstitutionOrName` (db/institutions.ts: code or alias, exact, any case, quotes of any
 * style alike, then the full name; wrapping quotes dropped if need be). Pure; "" for blank text.
 */
export function readInstitutionQuery(text: string): string {
  return unescapeSlack(text.replace(/\s+/gu, " ").trim());
}

function invalid(mistake: InstitutionMistake): InstitutionInput {
  return { kind: "invalid", mistake };
}

function parseSet(tokens: string[]): InstitutionInput {
  const at = tokens.findIndex(looksLikeChannel);
  const seen = seeSet(tokens);
  // People before the channel: the channel comes first (an ID or mention in the code is no code).
  if (at > 0 && tokens.slice(0, at).some(looksLikePerson))
    return invalid({ reason: "set_order", order: "channel_after_people", seen });
  if (at === 0 && seen.code !== "")
    return invalid({ reason: "set_order", order: "code_after_channel", seen });
  if (at === 0) return invalid({ reason: "missing_code", sub: "set" });
  if (tokens.length === 0) return invalid({ reason: "missing_code", sub: "set" });
  if (at === -1) {
    // "set IEM --no-contacts" or "set IEM @anna": the institution is what precedes the first
    // contact or flag, so the hint names "IEM", not "IEM --no-contacts".
    const end = tokens.findIndex((t, i) => i > 0 && (NO_CONTACTS.test(t) || looksLikeUser(t)));
    const query = tokens.slice(0, end === -1 ? tokens.length : end).join(" ");
    return invalid({
      reason: "missing_channel",
      query,
      noContacts: tokens.some((t) => NO_CONTACTS.test(t)),
      seen,
    });
  }
  const query = tokens.slice(0, at).join(" ");
  const channelToken = tokens[at] ?? "";
  const channel = readChannel(channelToken);
  if (typeof channel === "string")
    return invalid({ reason: "bad_channel", token: channelToken, problem: channel, seen });
  const userIds: string[] = [];
  let noContacts = false;
  for (const token of tokens.slice(at + 1)) {
    if (NO_CONTACTS.test(token)) {
      noContacts = true;
      continue;
    }
    const user = readUser(token);
    if (typeof user === "string")
      return invalid({ reason: "bad_user", token, problem: user, seen });
    if (!userIds.includes(user.userId)) userIds.push(user.userId);
  }
  if (userIds.length > MAX_CONTACTS)
    return invalid({ reason: "too_many_contacts", count: userIds.length });
  if (noContacts && userIds.length > 0) return invalid({ reason: "contacts_and_none" });
  const named = noContacts || userIds.length > 0;
  return { kind: "set", query, channelId: channel.channelId, userIds: named ? userIds : null };
}

function parseAway(tokens: string[]): InstitutionInput {
  const [target, ...dateTokens] = tokens;
  if (target === undefined) return invalid({ reason: "missing_user" });
  const user = readUser(target);
  if (typeof user === "string")
    return invalid({ reason: "bad_user", token: target, problem: user });
  const dateText = dateTokens.join(" ");
  if (dateText === "") return invalid({ reason: "missing_date" });
  if (BACK_WORDS.has(dateText.toLowerCase()))
    return { kind: "away", userId: user.userId, until: null };
  const read = readDate(dateText);
  if (!read.ok) return invalid({ reason: "bad_date", input: dateText, error: read.error });
  return { kind: "away", userId: user.userId, until: read.spec };
}

/**
 * "add <code> <name>": the name is the text after the code as typed (Slack's `&amp;`, `&lt;`,
 * `&gt;` read back as `&`, `<`, `>`; runs of whitespace, a line break too, as one space), not
 * its tokens joined, which would set `<b>` or `a<b` apart with spaces.
 */
function parseAdd(tokens: string[], text: string): InstitutionInput {
  const [code] = tokens;
  if (code === undefined) return invalid({ reason: "missing_code", sub: "add" });
  const looksLikeSlackId = /^[CGUW](?=[A-Z0-9]*\d)[A-Z0-9]{2,}$/u.test(code);
  if (!CODE.test(code) || looksLikeSlackId || RESERVED_CODES.includes(code.toLowerCase()))
    return invalid({ reason: "bad_code", code });
  // Tokens are whitespace-separated and "add" and a valid code hold no "<": both are prefixes.
  const afterSub = text.trimStart().slice("add".length).trimStart();
  const typed = afterSub.slice(code.length).replace(/\s+/gu, " ").trim();
  const name = unescapeSlack(typed);
  if (name === "") return invalid({ reason: "missing_name", code });
  if (name.length > NAME_MAX) return invalid({ reason: "name_too_long", length: name.length });
  return { kind: "add", code, name };
}
