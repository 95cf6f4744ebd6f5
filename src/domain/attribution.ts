import { asciiDigits, decimalComma, typedTail } from "./ascii-digits.ts";
import { NOT_A_TASK_WORD } from "./date-words.ts";
import { visibleText } from "./visible-text.ts";

/**
 * Which task a reply in a reminder thread is about. A reply that starts with a task number
 * belongs to that task: "14:", "14.", "#14", "14 –", "14 -", "uzd. 14", "uzdevums 14",
 * "task 14", "Task #14:", "Regarding task 14:", "Re task 14 …", "10.1.2:", and the Latvian ordinal forms "14. punkts", "14.punktā", "14. uzdevums",
 * "14. uzdevumu", "Par 14. uzdevumu:", "par 14. punktu" (the word is part of the prefix, so the
 * rest starts after it). Returns the number ("14", "10.1.2") and the text after it, or null.
 * Pure; never throws. Slack formatting around the number is ignored, the full stop inside or
 * outside it: "*14*:", "*14*. …", "*14.* …", "_14_. …". A bare "N." starting a date or an
 * ordinal is no task: "5. decembrī …", "2. ceturksnī …", "10.12. sanāksme" (see isDateOrCount),
 * nor is the first number of a list ("Tasks 5 and 14: …", "2. un 14. punkts: …": see
 * {@link leadingNumbers}). Digits of any script are read as ASCII ones ({@link readable}: "١٤:
 * …" is 14), and a decimal comma as a full stop ("13,3: …" is 13.3, {@link decimalComma}; with
 * `tasks`, only when the number so read is one of them, see {@link readLead}), while `rest`
 * keeps them as typed.
 */
export function taskNumberPrefix(
  text: string,
  tasks?: readonly string[],
): { number: string; rest: string } | null {
  return prefixOf(text, (visible) => readLead(visible, tasks));
}

/**
 * {@link taskNumberPrefix} of `text` as `read` reads its visible text: {@link readLead} for text
 * as typed, `asciiDigits` alone for text already read ({@link readable}: reading it again would
 * take the Arabic or fullwidth comma asciiDigits wrote, "٢،٥" → "2,5", for a decimal comma).
 */
function prefixOf(
  text: string,
  read: (visible: string) => string,
): { number: string; rest: string } | null {
  const visible = visibleText(text).replace(/^[\s*_~>]+/u, "");
  const clean = read(visible);
  const m = MARKED.exec(clean) ?? ORDINAL.exec(clean) ?? bareNumber(clean);
  if (!m?.groups) return null;
  // "Tasks 5 and 14 …", "uzd. 2 un 14 …", "2. un 14. punkts …": a list, not task 5's prefix.
  if (continuesList(clean, m.groups.rest ?? "")) return null;
  const number = m.groups.number?.replace(/\.$/, "") ?? "";
  if (!/^\d{1,4}(\.\d{1,4}){0,3}$/.test(number)) return null;
  const rest = typedTail(visible, clean, m.groups.rest ?? "");
  return { number: number.replace(/^0+(?=\d)/, ""), rest: rest.trim() };
}

/**
 * A reply's text as its task numbers are read: visible ({@link visibleText}) and with digits of
 * any script as ASCII ones ({@link asciiDigits}: "١٤: darīts", "۱۴: …" or "१४: …" typed on an
 * Arabic, Persian or Hindi keyboard names task 14, as "/task ١٤" does), their separators too
 * ("١٣٫٣: …", "５：…", "5، 14: …"). Only for finding numbers: the reply is stored, and shown, as
 * typed.
 */
function readable(typed: string, tasks?: readonly string[]): string {
  return readLead(visibleText(typed), tasks);
}

/**
 * `visible` with digits of any script as ASCII ones ({@link asciiDigits}) and, in its first part
 * only (up to the first line break or "; ", where its task number stands), a decimal comma as a
 * full stop ({@link decimalComma}: "13,3: …" is task 13.3, as Latvian writes a decimal; "5, 14:
 * …" stays a list). A later part's "2,5: …" stays a figure (see {@link namedTasks}).
 * With `tasks` (the thread's scope; ingest.ts adds the programme's numbers, decimal-tasks.ts),
 * "N,M" is read as N.M only when N.M is one of them or M starts with 0 ("5,0": no task is
 * numbered 0, so it is read
 * as 5.0, which stray.ts asks about); otherwise the comma is kept and "5,14: …" is the list of
 * tasks 5 and 14, as "5, 14: …" is ({@link LIST}). Without `tasks` every such comma is a
 * decimal one.
 */
function readLead(visible: string, tasks?: readonly string[]): string {
  const end = visible.search(/\n|[;؛；]\s/u);
  const lead = end < 0 ? visible : visible.slice(0, end);
  const isTask = tasks && ((n: string) => /^\d+\.0/u.test(n) || tasks.includes(normalNumber(n)));
  return asciiDigits(decimalComma(lead, isTask, LIST_COMMA) + visible.slice(lead.length));
}

/**
 * A comma between two numbers with no space that {@link readLead} did not read as a decimal one
 * ("5,14: …", 5.14 no task in scope): a list's comma for {@link LIST}, kept apart from the
 * Arabic and fullwidth commas asciiDigits writes as "," ("٢،٥: …" stays no list). A
 * private-use code point (U+E000), in the read text only, one for one as typedTail needs.
 */
const LIST_COMMA = "\uE000";

// With a marker ("#14", "uzd. 14", "task 14", "nr. 14") any separator will do, even a space.
// English too, after "Regarding", "Re", "Concerning", "About": "Re task 14 …", "Task #14: …".
const MARKED =
  /^(?:(?:par|regarding|re:?|concerning|about)\s+)?(?:#|uzd(?:evums|evumam|evumu)?\.?|tasks?\s*#?|nr\.?)\s*(?<number>\d{1,4}(?:\.\d{1,4}){0,3}\.?)[*_]*(?:\s*[:–—)-]|\.(?=\s|$)|\s|$)\s*(?<rest>[\s\S]*)$/iu;
// A number named as Latvian writes it, "14. punkts" / "14.uzdevumā" / "par 14. uzdevumu": the
// ordinal's full stop is required ("21 uzdevums izpildīts" counts tasks, it names none), the
// singular word in any case belongs to the prefix, then any separator or none.
const ORDINAL =
  /^(?:par\s+[*_]*)?(?<number>\d{1,4}(?:\.\d{1,4}){0,3})(?:[*_]*\.|\.[*_]*)\s*(?:punkt(?:s|ā|u|a|am)|uzdevum(?:s|ā|u|a|am))[*_]*(?:\s*[:–—)-]|\.(?=\s|$)|\s|$)\s*(?<rest>[\s\S]*)$/iu;
// A bare number needs a separator: ":" "–" "-" ")", or a full stop followed by a space or the
// end (inside the bold, "*14.*", or after it, "*14*."), or the end, so "14 gadi" and "14.5"
// are not prefixes but "14: …", "14. …" and "*14*. …" are.
const BARE =
  /^(?<number>\d{1,4}(?:\.\d{1,4}){0,3}\.?)[*_]*(?:\s*[:–—)-]|\.(?=\s|$)|(?<=\.[*_]*)(?=\s|$)|$)\s*(?<rest>[\s\S]*)$/iu;

// True when the rest after a number without a separator goes on naming numbers ("and 14 …").
function continuesList(clean: string, rest: string): boolean {
  // What stands between the number and the rest: its separator, if any ("Re: task 5 and …").
  const after = clean.slice(0, clean.length - rest.length).replace(/^[\s\S]*\d/u, "");
  return !/[:–—)-]/u.test(after) && /^(?:,|un\s|and\s|&)\s*#?\d/iu.test(rest);
}

// BARE's match, unless it starts a date or an ordinal (isDateOrCount).
function bareNumber(clean: string): RegExpExecArray | null {
  const m = BARE.exec(clean);
  return m && !isDateOrCount(clean, m) ? m : null;
}

/**
 * True when a bare "N." at the start of a sentence is a date, an ordinal or a count rather than
 * a task: "5. decembrī notika sanāksme", "2. ceturksnī pārbaudes turpinājās", "3. lasījumā",
 * "10.12. sanāksme". Only the full-stop form is judged ("14:", "14 –", "14)" always name a task):
 * the word after it is a Latvian month or a unit ("ceturksnī", "gadā", "reizi", "vietā", "klasē",
 * any case, any capitalisation, even after a bold number), or any word written in lowercase
 * after an unformatted number ("14. Uzsākta …" capitalised still names task 14; the words
 * "punkts"/"uzdevums" are read by {@link ORDINAL} before this, and "2. un 14. punkts: …" is a
 * list of tasks).
 */
function isDateOrCount(clean: string, m: RegExpExecArray): boolean {
  const rest = m.groups?.rest ?? "";
  const head = clean.slice(0, clean.length - rest.length);
  if (/[:–—)-]/u.test(head) || !/\.[*_]*\s*$/u.test(head)) return false;
  // "2. un 14. punkts: …" names tasks 2 and 14 (see namedTasks), its "un" notwithstanding.
  if (ORDINAL_LIST.test(clean)) return false;
  const word = /^\p{L}+/u.exec(rest)?.[0];
  if (!word) return false;
  if (NOT_A_TASK_WORD.test(word)) return true;
  return !/[*_]/u.test(head) && /^\p{Ll}/u.test(word);
}

/**
 * A reply's text as the annex, the digest and the history show it: without the task-number
 * prefix ("14: …", "*14*. …") when that prefix names `taskNumber`, the task the reply is
 * attributed to, and the reply names no other task number ({@link namedNumbers}), since the row
 * or line already says which task it is. Any other text — a reply naming several tasks ("5: …;
 * 14: …", "5, 14: …", whatever their scope), a reply that is only the number — is returned as
 * stored. The store keeps the text as written and this is derived whenever it is shown, so
 * rows stored before read the same way.
 */
export function replyBody(typed: string, taskNumber: string | null): string {
  if (taskNumber === null) return typed;
  // Not `readable`: the prefix's rest keeps the digits as typed ("١٤: ٣ līgumi" → "٣ līgumi").
  const text = visibleText(typed);
  // "5: …; 14: …" as "5, 14: …": a reply naming several tasks is shown as written.
  if (namedNumbers(text).length > 1) return typed;
  const prefix = taskNumberPrefix(text);
  return prefix && prefix.number === taskNumber && prefix.rest !== "" ? prefix.rest : typed;
}

/**
 * Every task number a reply names that is not one of `scopeTasks`, in the order named, each
 * once: the numbers it starts with ({@link leadingNumbers}: "2, 99: …" in a reminder for 5 and
 * 14 → ["2", "99"]) and, when it starts with one, those of its later numbered parts ("2: …;
 * 99: …" → ["2", "99"]; a later part counts as in {@link namedTasks}). A reply that does not
 * start with a number gets none for its later lines, so "Labdien!\n2026: plāns" names nothing.
 * Its author is told these are not in the reminder, whether the reply was filed under a task
 * it also names or left unassigned. `known`: the numbers a leading "N,M" may be read as N.M
 * by (see {@link namedTasks}; default `scopeTasks`). Pure; never throws.
 */
export function strayNumbers(
  text: string,
  scopeTasks: readonly string[],
  known: readonly string[] = scopeTasks,
): string[] {
  if (leadingNumbers(text, known).length === 0) return [];
  return namedNumbers(text, known).filter((n) => !scopeTasks.includes(n));
}

/**
 * Every task number a reply names, in any scope, in the order named, each once: its leading
 * number or list and the numbers of its later numbered parts, as {@link namedTasks} reads them
 * but without filtering by scope ("5: …; 14: …" → ["5", "14"]; "14: 2 līgumi; 3 apmācības" →
 * ["14"]). A later part starting with a four-digit number names no task ("14: izpildīts.\n2025:
 * 3 līgumi" → ["14"]: years, not tasks). `tasks`: the thread's scope, for a leading "N,M"
 * (see {@link readLead}). Pure; never throws.
 */
export function namedNumbers(typed: string, tasks?: readonly string[]): string[] {
  const text = readable(typed, tasks);
  const later = text
    .split(/\n|;\s/u)
    .slice(1)
    .flatMap((part) => ordinalList(part) ?? [laterPartNumber(part)]);
  return [...new Set([...leadingIn(text), ...later].filter((n): n is string => !!n))];
}

/**
 * True when a reply is only a task number or a list of them, with nothing after it but
 * whitespace, punctuation or formatting: "14:", "*14*.", "uzd. 14 –", "2, 14:", "Par 14.
 * uzdevumu:". Such a message is no answer (its author is told how to write one, "14: …"). A
 * reply naming no task is never number-only, nor one with any word or emoji after the number.
 * Pure; never throws.
 */
export function isNumberOnly(typed: string): boolean {
  const text = readable(typed);
  if (leadingIn(text).length === 0) return false;
  const clean = text.replace(/^[\s*_~>]+/u, "");
  const list = LIST.exec(clean) ?? ORDINAL_LIST.exec(clean);
  const rest = list ? clean.slice(list[0].length) : (prefixOf(text, asciiDigits)?.rest ?? clean);
  return /^[\s\p{P}*_~`]*$/u.test(rest);
}

/**
 * The number a reply starts with when it names no task because no separator follows it ("13.3
 * apmācības", "13,3 apmācības", "14 apmācības": a number, a space, a word; no colon, dash or
 * marker), so that its author can be told to write "13.3: …": `typed` as written ("13,3"),
 * `number` as read (13.3, a decimal comma and any script's digits read as in
 * {@link taskNumberPrefix}). Null when the reply names any task ({@link namedNumbers}), starts
 * otherwise, its number ends in a full stop ("5. decembrī", "10.12. sanāksme": a date or an
 * ordinal) or its first part has four digits (a year, "2026 gadā"). Such a reply names no task
 * (README "Replies"; ingest.ts guesses no task for it when the number is another task's).
 * `tasks`: the thread's scope, for a leading "N,M: …" ({@link readLead}); with no colon after
 * it, "N,M" is always read as N.M (no list). Pure; never throws.
 */
export function bareLeadingNumber(
  typed: string,
  tasks?: readonly string[],
): { typed: string; number: string } | null {
  if (namedNumbers(typed, tasks).length > 0) return null;
  const visible = visibleText(typed).replace(/^[\s*_~>]+/u, "");
  const m = /^(\d{1,4}(?:\.\d{1,4}){0,3})[*_]*\s+\S/u.exec(readLead(visible));
  const number = m?.[1];
  if (!number || YEAR_LIKE.test(number)) return null;
  const shown = [...visible].slice(0, [...number].length).join("");
  return { typed: shown, number: number.replace(/^0+(?=\d)/, "") };
}

/**
 * Attributes a reply. A reply that names tasks is filed by them: a leading number in scope
 * ("14: …") is that task; a leading list ("2, 5: …", "Par 2. un 14. uzdevumu: …") or several
 * numbered parts ("2: …; 14: …") are stored whole under the FIRST named task that is in scope
 * ({@link namedTasks}), whether or not the numbers before it are ("2: …; 14: …" and "2 un 14 –
 * …" in a reminder for 5 and 14 → 14; the author is told which did not get it and which are
 * not in the reminder, {@link strayNumbers}); a reply starting with a number or a list but
 * naming none of the institution's tasks here is unassigned (its author is asked).
 * A reply naming no task: when the institution has exactly one open task, that task's (or, with
 * none open, its only task's: a follow-up); otherwise unassigned (null) and its author is asked.
 * `openTasks`: the institution's tasks in the cut-off still without a reply;
 * `scopeTasks`: all its tasks in the cut-off;
 * `opts.byNumberOnly`: no guess at all, only named tasks count (a removed cut-off's thread,
 * where nothing is open any more; a thread the institution has already answered by number,
 * where a reply without one is likelier conversation than an answer; an edit);
 * `opts.known`: see {@link namedTasks} (default `scopeTasks`). Digits of any
 * script count as ASCII ones ("١٤: …" names 14), here and in every reader of this module.
 * Pure; never throws.
 */
export function attributeReply(
  text: string,
  scopeTasks: string[],
  openTasks: string[],
  opts: { byNumberOnly?: boolean; known?: readonly string[] } = {},
): string | null {
  const known = opts.known ?? scopeTasks;
  // The first named task in scope: of its leading number or list, else of a later part
  // ("2: …; 14: …" in a reminder for 5 and 14 → 14).
  const named = namedTasks(text, scopeTasks, known)[0];
  if (named !== undefined) return named;
  // A number that names none of the institution's tasks is a mistake to ask about, not a guess.
  if (leadingNumbers(text, known).length > 0) return null;
  if (opts.byNumberOnly) return null;
  if (openTasks.length === 1) return openTasks[0] ?? null;
  if (openTasks.length === 0 && scopeTasks.length === 1) return scopeTasks[0] ?? null;
  return null;
}

/**
 * The task numbers a reply starts with, whether in the institution's scope or not: its number
 * prefix ("14: …" → ["14"], see {@link taskNumberPrefix}) or its leading list ("2, 5: …",
 * "Par 2. un 14. uzdevumu: …" → ["2", "5"], ["2", "14"]); empty when it starts with none.
 * `tasks`: the thread's scope, so "5,14: …" is the list of 5 and 14 unless 5.14 is one of them
 * (see {@link readLead}); without it "5,14" reads as 5.14. Pure; never throws.
 */
export function leadingNumbers(typed: string, tasks?: readonly string[]): string[] {
  return leadingIn(readable(typed, tasks));
}

/** {@link leadingNumbers} of `text` already read ({@link readable}). */
function leadingIn(text: string): string[] {
  const list = leadingList(text);
  if (list) return [...new Set(list)];
  const prefix = prefixOf(text, asciiDigits);
  return prefix ? [prefix.number] : [];
}

/**
 * The tasks of `scopeTasks` a reply names as the subject of one of its parts, in the order
 * named, each once: its leading number ("2: …", "14. punkts: …", "13,3: …" → 13.3) or leading list ("2, 5: …",
 * "2 un 5 – …", and as Latvian writes ordinals, each number with its full stop and then the
 * word: "Par 2. un 14. uzdevumu: …", "2., 5. un 14. punkts – …"; a later part may name such a
 * list too), and every later part that starts a line or follows "; " with a task number and
 * a colon or dash ("\n14: …", "; 14 – …"), a marker ("uzd. 14 …", "#14 …") or an ordinal word
 * ("14. punkts …"). Conservative, so that figures are not taken for tasks: numbers outside
 * `scopeTasks` never count, nor "; 3 apmācības" (no separator), "10:00" (a digit after the
 * colon), "2,5:" (a figure there, though a leading "2,5: …" names task 2.5 when that is in
 * `scopeTasks`, else tasks 2 and 5, see {@link readLead}), "1. …"/"2) …" list items or
 * "2026-01-15" in later parts, nor a
 * later part's four-digit number ("2025: 3 līgumi" is a year's figure, see laterPartNumber).
 * `known`: the numbers a leading "N,M" is read as N.M by (default `scopeTasks`; ingest.ts adds
 * the programme's, src/domain/decimal-tasks.ts, so "13,3: …" where 13.3 is asked elsewhere
 * names 13.3, which is then no task of `scopeTasks`). Pure; never throws.
 */
export function namedTasks(
  typed: string,
  scopeTasks: readonly string[],
  known: readonly string[] = scopeTasks,
): string[] {
  const text = readable(typed, known);
  const leading = leadingIn(text);
  const later = text
    .split(/\n|;\s/u)
    .slice(1)
    .flatMap((part) => ordinalList(part) ?? [laterPartNumber(part)]);
  const named = [...leading, ...later].filter((n): n is string => !!n && scopeTasks.includes(n));
  return [...new Set(named)];
}

/**
 * The tasks a reply names ({@link namedTasks}) that it is not filed under, when it names more
 * than one: "2: …; 14: …" or "2, 14: …" filed under 2 → ["14"]; unassigned → all it names. Empty when
 * the reply names at most one task. `filedUnder`: the task number it is stored under, or null;
 * `known`: see {@link namedTasks}. Pure; never throws.
 */
export function tasksNotFiled(
  text: string,
  scopeTasks: readonly string[],
  filedUnder: string | null,
  known: readonly string[] = scopeTasks,
): string[] {
  const named = namedTasks(text, scopeTasks, known);
  return named.length > 1 ? named.filter((n) => n !== filedUnder) : [];
}

const NUMBER = String.raw`\d{1,4}(?:\.\d{1,4}){0,3}`;
// "2, 5: …", "2 un 5 – …", "uzd. 2, 5: …", "Par uzdevumiem 2 un 5: …", "Tasks 5 and 14: …",
// "Regarding tasks 5 and 14: …": a comma needs a space after it ("2,5" is a decimal), unless
// readLead marked it a list's ("5,14: …", 5.14 no task in scope: LIST_COMMA). After the word
// ("Tasks 5 and 14 were discussed", "Uzdevumi 2 un 14 izpildīti") no separator is needed.
const LIST_NUMBERS = String.raw`(${NUMBER}(?:(?:,\s+|${LIST_COMMA}|\s+(?:un|and|&)\s+)#?${NUMBER})+)`;
const LIST = new RegExp(
  String.raw`^(?:(?:par|regarding|re:?|concerning|about)\s+)?(?:(?:uzd(?:evumi|evumiem|\.)?|tasks?)\s*${LIST_NUMBERS}(?:\.?[*_]*\s*[:–—](?!\d)|[*_]*(?=\s|$))|(?:#\s*)?${LIST_NUMBERS}\.?[*_]*\s*[:–—](?!\d))`,
  "iu",
);
// A later part's number must be followed by a colon or dash (not a digit: "10:00", "5–7"), or
// be named with a marker or an ordinal word; "1. …" and "2) …" are list items, not tasks.
const STRONG = new RegExp(
  String.raw`^(?:(?:(?:par|regarding|re:?|concerning|about)\s+)?(?:#|uzd|task)|${NUMBER}(?:[*_]*\.|\.[*_]*)\s*(?:punkt|uzdevum)|par\s+${NUMBER}|${NUMBER}[*_]*\s*[:–—](?!\d))`,
  "iu",
);

// "Par 2. un 14. uzdevumu: …", "2., 5. un 14. punkts – …", "par 2. un 14. punktu …": every
// number an ordinal (its full stop), then the word ("punkts"/"uzdevums" in any case, singular or
// plural) and a separator or none. Without the word ("2. un 3. …" is a list's items, or a
// date) nothing is taken.
const ORDINAL_LIST = new RegExp(
  String.raw`^(?:par\s+)?[*_]*(${NUMBER}\.(?:(?:,\s+|\s+(?:un|and|&)\s+)${NUMBER}\.)+)[*_]*\s*(?:punkt|uzdevum)(?:s|ā|u|a|am|i|iem|os|us)[*_]*(?=\s|[:–—)-]|$)`,
  "iu",
);

const LIST_SEPARATOR = new RegExp(String.raw`,\s+|${LIST_COMMA}|\s+(?:un|and|&)\s+#?`, "iu");

function leadingList(text: string): string[] | null {
  const m = LIST.exec(text.replace(/^[\s*_~>]+/u, ""));
  const list = m?.[1] ?? m?.[2];
  return list ? list.split(LIST_SEPARATOR).map(normalNumber) : ordinalList(text);
}

/** The numbers of a part that starts with an ordinal list ({@link ORDINAL_LIST}), else null. */
function ordinalList(part: string): string[] | null {
  const m = ORDINAL_LIST.exec(part.replace(/^(?:[\s*_~>•·▪◦]|[-–]\s)+/u, ""));
  return m?.[1]
    ? m[1]
        .split(/,\s+|\s+(?:un|and|&)\s+/iu)
        .map((n) => normalNumber(n.replace(/\.$/, "")))
        .filter((n) => !YEAR_LIKE.test(n))
    : null;
}

/**
 * The task number a later part starts with, or null. A four-digit number ("2025: 3 līgumi") is
 * a year or a figure, never a task: the programme's tasks are numbered far below 1000.
 */
function laterPartNumber(part: string): string | null {
  const clean = part.replace(/^(?:[\s*_~>•·▪◦]|[-–]\s)+/u, "");
  if (!STRONG.test(clean)) return null;
  const number = prefixOf(clean, asciiDigits)?.number ?? null;
  return number !== null && YEAR_LIKE.test(number) ? null : number;
}

// A number whose first part has four digits ("2025", "2026.1"): no task of the programme.
const YEAR_LIKE = /^\d{4}(?:\.|$)/u;

function normalNumber(n: string): string {
  return n.replace(/^#/, "").replace(/^0+(?=\d)/, "");
}
