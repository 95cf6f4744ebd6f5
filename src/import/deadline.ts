import type { Deadline } from "../domain/types.ts";
import { squash } from "./text.ts";

/** What a deadline's wording means; source: the annex column "Uzdevumu izpildes laiks". */
interface DeadlineForm {
  pattern: RegExp;
  meaning: (match: RegExpExecArray) => Omit<Deadline, "text"> | null;
}

/** A deadline word ends at a space, punctuation or the end of the line. */
const END = String.raw`(?=$|[\s,.;:])`;

const year = (text: string | undefined): number | null => {
  const value = Number(text);
  return Number.isInteger(value) && value >= 1990 && value <= 2100 ? value : null;
};

/**
 * The forms the report uses, most specific first:
 * - a range "2009.-2013.gads" / "2009. – 2013.gadam": due at the end of the last year;
 * - a year "2013.gads", "2011.gadā", "2013.gadam": due 31 December of that year;
 * - "regulāri" / "pastāvīgi": recurring, no date;
 * - "ikgadēji" / "katru gadu" / "ik gadu": annual, no single date.
 */
const FORMS: readonly DeadlineForm[] = [
  {
    pattern: new RegExp(String.raw`^(\d{4})\.?\s*[-–—]\s*(\d{4})\.\s*gad(?:s|ā|am|i)${END}`, "u"),
    meaning: (m) => {
      const [from, to] = [year(m[1]), year(m[2])];
      return from !== null && to !== null && from <= to
        ? { due: `${to}-12-31`, recurrence: null }
        : null;
    },
  },
  {
    pattern: new RegExp(String.raw`^(\d{4})\.\s*gad(?:s|ā|am)${END}`, "u"),
    meaning: (m) => {
      const y = year(m[1]);
      return y === null ? null : { due: `${y}-12-31`, recurrence: null };
    },
  },
  {
    pattern: new RegExp(`^(?:regulāri|pastāvīgi)${END}`, "iu"),
    meaning: () => ({ due: null, recurrence: "recurring" }),
  },
  {
    pattern: new RegExp(`^(?:ikgadēji|katru gadu|ik gadu)${END}`, "iu"),
    meaning: () => ({ due: null, recurrence: "annual" }),
  },
];

/**
 * Reads a deadline at the start of a line. In the annex the deadline column comes out glued to
 * the first progress line ("2013.gads Valsts policija sadarbībā…"), so the rest of the line is
 * returned too. `text` is the deadline as printed, whitespace-normalised; `due` is an ISO date
 * (the last day, Europe/Riga calendar). Returns `null` when the line does not start with one.
 */
export function readDeadline(line: string): { deadline: Deadline; rest: string } | null {
  const text = squash(line);
  for (const form of FORMS) {
    const match = form.pattern.exec(text);
    const meaning = match ? form.meaning(match) : null;
    if (match && meaning) {
      return { deadline: { text: match[0], ...meaning }, rest: text.slice(match[0].length).trim() };
    }
  }
  return null;
}

/** The deadline of a row that prints none (parent rows 10, 10.1, 13): empty text, no date. */
export function noDeadline(): Deadline {
  return { text: "", due: null, recurrence: null };
}
