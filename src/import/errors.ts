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

  constructor(code: ReportFormatErrorCode, message: string, line: number | null = null) {
    super(line === null ? message : `${message} (line ${line})`);
    this.code = code;
    this.line = line;
  }
}
