/**
 * A task's audited changes as a person reads them in `/task 14 history`: a human label and
 * before → after per field ("Termiņš: 2013. gada 1. decembris → 2014. gada 1. jūnijs"), the
 * three deadline columns (`deadline_text`, `due_date`, `recurrence`) read as one deadline. Pure.
 */
import type { Locale } from "../config.ts";
import type { Deadline } from "../domain/types.ts";
import { historyText } from "../i18n/history.ts";
import { escapeMrkdwn, truncateText } from "../slack/fit.ts";
import { deadlineLabel } from "../slack/format.ts";
import type { FieldChange } from "./timeline.ts";

/** Characters of a text value (title, indicator, progress) shown on each side of the arrow. */
export const CHANGE_VALUE_MAX = 80;

const DEADLINE_COLUMNS = new Set(["deadline_text", "due_date", "recurrence"]);

/** The fields in the order a task shows them; a field not listed comes last. */
const ORDER = [
  "deadline",
  "title",
  "institutions",
  "section",
  "parent_number",
  "indicator",
  "progress",
  "printed_number",
  "position",
];

/**
 * One "Label: before → after" per changed field of one audited change, in the order a task
 * shows its fields; values as mrkdwn (escaped, long texts shortened). A field the catalogue
 * does not know keeps its store name.
 */
export function describeChanges(
  changes: readonly FieldChange[],
  locale: Locale,
  zone: string,
): string[] {
  const t = historyText(locale);
  const byField = new Map<string, { before: string; after: string }>();
  const deadline = changes.filter((c) => DEADLINE_COLUMNS.has(c.field));
  if (deadline.length > 0) byField.set("deadline", deadlineChange(deadline, locale, zone));
  for (const c of changes) {
    if (DEADLINE_COLUMNS.has(c.field)) continue;
    byField.set(c.field, { before: shown(c.before, locale), after: shown(c.after, locale) });
  }
  const rank = (field: string) => (ORDER.includes(field) ? ORDER.indexOf(field) : ORDER.length);
  return [...byField.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([field, v]) => {
      const label = (t.fields as Record<string, string>)[field] ?? escapeMrkdwn(field);
      return t.changeItem(label, v.before, v.after);
    });
}

/**
 * Before and after of a deadline from whichever of its columns changed (an unchanged column
 * is not audited: a missing `recurrence` was null on both sides, a missing `due_date` is
 * unknown). Dated deadlines read as dates ("2014. gada 1. jūnijs"); when both sides read
 * alike ("2013.gads" → "31.12.2013.", both 31 December 2013), the texts as typed.
 */
function deadlineChange(
  changes: readonly FieldChange[],
  locale: Locale,
  zone: string,
): { before: string; after: string } {
  const side = (which: "before" | "after"): Deadline => {
    const value = (field: string) => {
      const v = changes.find((c) => c.field === field)?.[which];
      return typeof v === "string" ? v : null;
    };
    return {
      text: value("deadline_text") ?? "",
      due: value("due_date"),
      recurrence: value("recurrence") as Deadline["recurrence"],
    };
  };
  const none = historyText(locale).none;
  const label = (d: Deadline) => escapeMrkdwn(deadlineLabel(d, locale, zone)) || none;
  const [before, after] = [side("before"), side("after")];
  if (label(before) !== label(after)) return { before: label(before), after: label(after) };
  return { before: escapeMrkdwn(before.text) || none, after: escapeMrkdwn(after.text) || none };
}

/** A stored value as text: strings quoted and shortened, institution lists as their codes. */
function shown(value: unknown, locale: Locale): string {
  const t = historyText(locale);
  const none = t.none;
  if (value === null || value === undefined || value === "") return none;
  if (Array.isArray(value))
    return (
      value
        .map((v) => (typeof v === "object" && v && "code" in v ? String(v.code) : String(v)))
        .join(", ") || none
    );
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return t.quoted(escapeMrkdwn(truncateText(text.replace(/\s+/gu, " "), CHANGE_VALUE_MAX)));
}
