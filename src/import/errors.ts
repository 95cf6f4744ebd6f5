/**
 * What can be wrong with a report text, as a stable code for callers and tests:
 * - `EMPTY_INPUT`: the text is empty or whitespace only.
 * - `ABBREVIATIONS_NOT_FOUND`: no usable list "IZMANTOTIE SAĪSINĀJUMI" … "IEVADS".
 * - `PROGRAMME_NOT_FOUND`: the list has no "Programma" entry naming the programme and its years.
 * - `ANNEX_NOT_FOUND`: no heading "VI. PIELIKUMS: PROGRAMMAS UZDEVUMU IZPILDES GAITA".
 * - `NO_TASKS`: the annex has no numbered task rows.
 * - `SECTION_MISSING`: a task row comes before any section header ("I  Datu apkopošana, …").
 * - `TASK_NO_TITLE`, `TASK_NO_DEADLINE`, `TASK_NO_INSTITUTION`, `TASK_NO_STATUS`: a row lacks
 *   what its columns must give.
 * - `TASK_COUNT_MISMATCH`: the annex has fewer or more tasks than the introduction names.
 */
export type ReportFormatErrorCode =
  | "EMPTY_INPUT"
  | "ABBREVIATIONS_NOT_FOUND"
  | "PROGRAMME_NOT_FOUND"
  | "ANNEX_NOT_FOUND"
  | "NO_TASKS"
  | "SECTION_MISSING"
  | "TASK_NO_TITLE"
  | "TASK_NO_DEADLINE"
  | "TASK_NO_INSTITUTION"
  | "TASK_NO_STATUS"
  | "TASK_COUNT_MISMATCH";

/**
 * What exactly is wrong, with what the message names, so the CLI can say it in the operator's
 * language (src/i18n/cli.ts); `message` keeps an English wording for logs.
 */
export type ReportProblem =
  | { kind: "empty" }
  | { kind: "no_abbreviations"; heading: string }
  | { kind: "abbreviations_unended"; heading: string; end: string }
  | { kind: "abbreviations_empty" }
  | { kind: "no_programme_entry" }
  | { kind: "programme_no_years"; name: string }
  | { kind: "no_annex"; heading: string }
  | { kind: "no_task_rows"; heading: string }
  | { kind: "no_section"; task: string }
  | { kind: "no_title"; task: string }
  | { kind: "no_deadline"; task: string }
  | { kind: "no_institution"; task: string }
  | { kind: "no_status"; task: string; indicator: string }
  | { kind: "task_count"; found: number; named: number };

/**
 * The text is not a progress report of the expected shape. The message names what was missing
 * and where, e.g. `task 14: no responsible institution (line 5790)`; `line` is the 1-based line
 * of the report text it refers to, or `null` when the problem has no single place.
 */
export class ReportFormatError extends Error {
  override readonly name = "ReportFormatError";
  /** What kind of problem; see {@link ReportFormatErrorCode}. */
  readonly code: ReportFormatErrorCode;
  /** 1-based line number in the report text, or `null`. */
  readonly line: number | null;
  /** The problem and what it names, for a message in the reader's language. */
  readonly problem: ReportProblem;

  constructor(
    code: ReportFormatErrorCode,
    message: string,
    line: number | null,
    problem: ReportProblem,
  ) {
    super(line === null ? message : `${message} (line ${line})`);
    this.code = code;
    this.line = line;
    this.problem = problem;
  }
}
