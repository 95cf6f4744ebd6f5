import type { Deadline, Institution, Section, TaskStatus } from "../domain/types.ts";
import { statusOf } from "../import/status.ts";
import { parentNumber } from "../import/tasks.ts";
import { readDeadlineInput } from "./deadline-input.ts";
import { columnLetter, mapHeadings, type SheetText } from "./sheet-read.ts";
import type { SheetColumn } from "./table.ts";

/** Columns an import needs; `indicator` and `printed` are read when present, `progress` never. */
export const REQUIRED_COLUMNS = [
  "number",
  "section",
  "title",
  "deadline",
  "institutions",
  "status",
] as const satisfies readonly SheetColumn[];

/** What can be wrong in a spreadsheet, per cell (or per column for `missing_column`). */
export type SheetProblem =
  | "missing_column"
  | "bad_number"
  | "duplicate_number"
  | "no_parent"
  | "bad_section"
  | "no_title"
  | "bad_deadline"
  | "no_deadline"
  | "unknown_institution"
  | "no_institution"
  | "bad_status";

/** One problem, named by sheet row (1-based; null for a missing column) and column. */
export interface SheetError {
  line: number | null;
  column: SheetColumn;
  /** The column's letter ("C"), or null when the column is missing. */
  letter: string | null;
  problem: SheetProblem;
  /** The offending cell text (or code, for `unknown_institution`). */
  value: string;
}

/** A valid spreadsheet row. `indicator`/`printed` are undefined when the sheet lacks the column. */
export interface SheetTask {
  number: string;
  parent: string | null;
  section: Section;
  sectionTitle: string | null;
  title: string;
  deadline: Deadline;
  /** Canonical institution codes, the responsible one first. */
  institutions: string[];
  status: TaskStatus | null;
  indicator: string | null | undefined;
  printed: string | null | undefined;
}

const NUMBER = /^(\d{1,4}(?:\.\d{1,4}){0,3})\.?$/u;
const SECTION = /^(I|II|III|IV|V)(?:\.|\s|$)\s*(.*)$/u;
const STATUS_WORDS: Record<string, TaskStatus> = {
  done: "done",
  partial: "partial",
  "partly done": "partial",
  not_done: "not_done",
  "not done": "not_done",
  ongoing: "ongoing",
};

/**
 * Checks every row of a task spreadsheet and reads it. All problems are reported at once, each
 * naming its row and column; the file is valid only when there are none. Rules follow the
 * annex: a task's number is unique and its parent comes before it; a task without sub-tasks
 * needs a deadline and at least one institution; institutions are known codes or aliases.
 */
export function validateSheet(
  sheet: SheetText,
  institutions: readonly Institution[],
): { ok: true; tasks: SheetTask[] } | { ok: false; errors: SheetError[] } {
  const at = mapHeadings(sheet.header);
  const missing = REQUIRED_COLUMNS.filter((c) => at[c] === undefined);
  if (missing.length > 0) {
    const errors = missing.map((column) => ({
      line: null,
      column,
      letter: null,
      problem: "missing_column" as const,
      // The column's key: the message names its headings in both languages.
      value: column,
    }));
    return { ok: false, errors };
  }
  const cell = (cells: string[], c: SheetColumn) => {
    const i = at[c];
    return i === undefined ? undefined : (cells[i] ?? "").trim();
  };
  const numbers = sheet.rows.map((r) => NUMBER.exec(cell(r.cells, "number") ?? "")?.[1] ?? null);
  const parents = new Set(numbers.map((n) => (n ? parentNumber(n) : null)));
  const errors: SheetError[] = [];
  const tasks: SheetTask[] = [];
  const seen = new Set<string>();
  sheet.rows.forEach((row, i) => {
    const fail = (column: SheetColumn, problem: SheetProblem, value: string) =>
      errors.push({
        line: row.line,
        column,
        letter: columnLetter(at[column] ?? 0),
        problem,
        value,
      });
    const get = (c: SheetColumn) => cell(row.cells, c);
    const task = readRow(get, numbers[i] ?? null, parents, seen, institutions, fail);
    if (task) tasks.push(task);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, tasks };
}

type Fail = (column: SheetColumn, problem: SheetProblem, value: string) => void;

function readRow(
  get: (c: SheetColumn) => string | undefined,
  number: string | null,
  parents: ReadonlySet<string | null>,
  seen: Set<string>,
  institutions: readonly Institution[],
  fail: Fail,
): SheetTask | null {
  const before = { failed: false };
  const f: Fail = (...args) => {
    before.failed = true;
    fail(...args);
  };
  if (number === null) f("number", "bad_number", get("number") ?? "");
  else if (seen.has(number)) f("number", "duplicate_number", number);
  const parent = number ? parentNumber(number) : null;
  if (parent !== null && !seen.has(parent)) f("number", "no_parent", number ?? "");
  if (number) seen.add(number);
  const section = SECTION.exec(get("section") ?? "");
  if (!section) f("section", "bad_section", get("section") ?? "");
  const title = get("title") ?? "";
  if (title === "") f("title", "no_title", "");
  const heading = number !== null && parents.has(number);
  const deadline = readDeadlineInput(get("deadline") ?? "");
  if (!deadline) f("deadline", "bad_deadline", get("deadline") ?? "");
  else if (!heading && deadline.text === "") f("deadline", "no_deadline", "");
  const codes = readInstitutions(get("institutions") ?? "", institutions, f);
  if (!heading && (get("institutions") ?? "") === "") f("institutions", "no_institution", "");
  const status = readStatus(get("status") ?? "");
  if (status === undefined) f("status", "bad_status", get("status") ?? "");
  if (before.failed || !number || !section || !deadline || status === undefined) return null;
  const indicator = get("indicator");
  const printed = get("printed");
  return {
    number,
    parent,
    section: section[1] as Section,
    sectionTitle: section[2]?.trim() || null,
    title: title.replace(/\s+/gu, " "),
    deadline,
    institutions: codes,
    status,
    indicator: indicator === undefined ? undefined : indicator || null,
    printed: printed === undefined ? undefined : printed || null,
  };
}

function readInstitutions(text: string, known: readonly Institution[], fail: Fail): string[] {
  const codes: string[] = [];
  for (const part of text.split(/[,;\n]/u)) {
    const wanted = part.trim();
    if (wanted === "") continue;
    const found = resolveCode(wanted, known);
    if (!found) fail("institutions", "unknown_institution", wanted);
    else if (!codes.includes(found.code)) codes.push(found.code);
  }
  return codes;
}

/** Code or alias, exact case first (so "AM" stays Defence, not "ĀM"), then ignoring case. */
function resolveCode(wanted: string, known: readonly Institution[]): Institution | undefined {
  const exact = known.find((i) => i.code === wanted || i.aliases.includes(wanted));
  if (exact) return exact;
  const lower = wanted.toLocaleLowerCase("lv");
  return known.find(
    (i) =>
      i.code.toLocaleLowerCase("lv") === lower ||
      i.aliases.some((a) => a.toLocaleLowerCase("lv") === lower),
  );
}

/** A status cell: empty → null; a code, an English word or a Latvian phrase; undefined if none. */
function readStatus(text: string): TaskStatus | null | undefined {
  if (text === "") return null;
  return STATUS_WORDS[text.toLowerCase()] ?? statusOf(text) ?? undefined;
}
