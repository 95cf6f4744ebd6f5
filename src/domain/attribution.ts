/**
 * Which task a reply in a reminder thread is about. A reply that starts with a task number
 * belongs to that task: "14:", "14.", "#14", "14 –", "14 -", "uzd. 14", "uzdevums 14",
 * "task 14", "10.1.2:", and the Latvian ordinal forms "14. punkts", "14.punktā", "14. uzdevums",
 * "14. uzdevumu", "Par 14. uzdevumu:", "par 14. punktu" (the word is part of the prefix, so the
 * rest starts after it). Returns the number ("14", "10.1.2") and the text after it, or null.
 * Pure; never throws. Slack formatting around the number is ignored, the full stop inside or
 * outside it: "*14*:", "*14*. …", "*14.* …", "_14_. …".
 */
export function taskNumberPrefix(text: string): { number: string; rest: string } | null {
  const clean = text.replace(/^[\s*_~>]+/u, "");
  const m = MARKED.exec(clean) ?? ORDINAL.exec(clean) ?? BARE.exec(clean);
  if (!m?.groups) return null;
  const number = m.groups.number?.replace(/\.$/, "") ?? "";
  if (!/^\d{1,4}(\.\d{1,4}){0,3}$/.test(number)) return null;
  return { number: number.replace(/^0+(?=\d)/, ""), rest: (m.groups.rest ?? "").trim() };
}

// With a marker ("#14", "uzd. 14", "task 14", "nr. 14") any separator will do, even a space.
const MARKED =
  /^(?:par\s+)?(?:#|uzd(?:evums|evumam|evumu)?\.?|task|nr\.?)\s*(?<number>\d{1,4}(?:\.\d{1,4}){0,3}\.?)[*_]*(?:\s*[:–—)-]|\.(?=\s|$)|\s|$)\s*(?<rest>[\s\S]*)$/iu;
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

/**
 * A reply's text as the annex, the digest and the history show it: without the task-number
 * prefix ("14: …", "*14*. …") when that prefix names `taskNumber`, the task the reply is
 * attributed to, since the row or line already says which task it is. Any other text, and a
 * reply that is only the number, is returned as stored. The store keeps the text as written.
 */
export function replyBody(text: string, taskNumber: string | null): string {
  if (taskNumber === null) return text;
  const prefix = taskNumberPrefix(text);
  return prefix && prefix.number === taskNumber && prefix.rest !== "" ? prefix.rest : text;
}

/**
 * The task number a reply's prefix names when it is none of `scopeTasks` ("99: nav tāda" in a
 * thread for tasks 5 and 14 → "99"), so its author can be told so; null when the reply names
 * no number or one of those tasks. Pure.
 */
export function strayTaskNumber(text: string, scopeTasks: readonly string[]): string | null {
  const prefix = taskNumberPrefix(text);
  return prefix && !scopeTasks.includes(prefix.number) ? prefix.number : null;
}

/**
 * Attributes a reply: an explicit number prefix that names one of the institution's tasks in
 * scope wins; a prefix naming any other number leaves it unassigned (its author is asked);
 * otherwise, when the institution has exactly one open task, the reply is that
 * task's (or, with none open, its only task's: a follow-up); otherwise it is unassigned (null)
 * and its author is asked.
 * `openTasks`: the institution's tasks in the cut-off still without a reply;
 * `scopeTasks`: all its tasks in the cut-off;
 * `opts.byNumberOnly`: no guess at all, only the prefix counts (a removed cut-off's thread,
 * where nothing is open any more). Pure; never throws.
 */
export function attributeReply(
  text: string,
  scopeTasks: string[],
  openTasks: string[],
  opts: { byNumberOnly?: boolean } = {},
): string | null {
  const prefix = taskNumberPrefix(text);
  if (prefix && scopeTasks.includes(prefix.number)) return prefix.number;
  // A number that names none of the institution's tasks is a mistake to ask about, not a guess.
  if (prefix || opts.byNumberOnly) return null;
  if (openTasks.length === 1) return openTasks[0] ?? null;
  if (openTasks.length === 0 && scopeTasks.length === 1) return scopeTasks[0] ?? null;
  return null;
}

/**
 * The tasks of `scopeTasks` a reply names as the subject of one of its parts, in the order
 * named, each once: its leading number ("2: …", "14. punkts: …") or leading list ("2, 5: …",
 * "2 un 5 – …", and as Latvian writes ordinals, each number with its full stop and then the
 * word: "Par 2. un 14. uzdevumu: …", "2., 5. un 14. punkts – …"; a later part may name such a
 * list too), and every later part that starts a line or follows "; " with a task number and
 * a colon or dash ("\n14: …", "; 14 – …"), a marker ("uzd. 14 …", "#14 …") or an ordinal word
 * ("14. punkts …"). Conservative, so that figures are not taken for tasks: numbers outside
 * `scopeTasks` never count, nor "; 3 apmācības" (no separator), "10:00" (a digit after the
 * colon), "2,5:" (a decimal), "1. …"/"2) …" list items or "2026-01-15" in later parts.
 * Pure; never throws.
 */
export function namedTasks(text: string, scopeTasks: readonly string[]): string[] {
  const leading = leadingList(text) ?? [taskNumberPrefix(text)?.number ?? ""];
  const later = text
    .split(/\n|;\s/u)
    .slice(1)
    .flatMap((part) => ordinalList(part) ?? [laterPartNumber(part)]);
  const named = [...leading, ...later].filter((n): n is string => !!n && scopeTasks.includes(n));
  return [...new Set(named)];
}

/**
 * The tasks a reply names ({@link namedTasks}) that it is not filed under, when it names more
 * than one: "2: …; 14: …" filed under 2 → ["14"]; "2, 5: …" unassigned → ["2", "5"]. Empty when
 * the reply names at most one task. `filedUnder`: the task number it is stored under, or null.
 * Pure; never throws.
 */
export function tasksNotFiled(
  text: string,
  scopeTasks: readonly string[],
  filedUnder: string | null,
): string[] {
  const named = namedTasks(text, scopeTasks);
  return named.length > 1 ? named.filter((n) => n !== filedUnder) : [];
}

const NUMBER = String.raw`\d{1,4}(?:\.\d{1,4}){0,3}`;
// "2, 5: …", "2 un 5 – …", "uzd. 2, 5: …": a comma needs a space after it ("2,5" is a decimal).
const LIST = new RegExp(
  String.raw`^(?:uzd(?:evumi|evumiem|\.)?|tasks?|#)?\s*(${NUMBER}(?:(?:,\s+|\s+(?:un|and|&)\s+)#?${NUMBER})+)\.?[*_]*\s*[:–—](?!\d)`,
  "iu",
);
// A later part's number must be followed by a colon or dash (not a digit: "10:00", "5–7"), or
// be named with a marker or an ordinal word; "1. …" and "2) …" are list items, not tasks.
const STRONG = new RegExp(
  String.raw`^(?:(?:par\s+)?(?:#|uzd|task)|${NUMBER}(?:[*_]*\.|\.[*_]*)\s*(?:punkt|uzdevum)|par\s+${NUMBER}|${NUMBER}[*_]*\s*[:–—](?!\d))`,
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

function leadingList(text: string): string[] | null {
  const m = LIST.exec(text.replace(/^[\s*_~>]+/u, ""));
  return m?.[1] ? m[1].split(/,\s+|\s+(?:un|and|&)\s+#?/iu).map(normalNumber) : ordinalList(text);
}

/** The numbers of a part that starts with an ordinal list ({@link ORDINAL_LIST}), else null. */
function ordinalList(part: string): string[] | null {
  const m = ORDINAL_LIST.exec(part.replace(/^(?:[\s*_~>•·▪◦]|[-–]\s)+/u, ""));
  return m?.[1]
    ? m[1].split(/,\s+|\s+(?:un|and|&)\s+/iu).map((n) => normalNumber(n.replace(/\.$/, "")))
    : null;
}

function laterPartNumber(part: string): string | null {
  const clean = part.replace(/^(?:[\s*_~>•·▪◦]|[-–]\s)+/u, "");
  return STRONG.test(clean) ? (taskNumberPrefix(clean)?.number ?? null) : null;
}

function normalNumber(n: string): string {
  return n.replace(/^#/, "").replace(/^0+(?=\d)/, "");
}
