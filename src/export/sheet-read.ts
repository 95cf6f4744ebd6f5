import { parse } from "csv-parse/sync";
import type ExcelJS from "exceljs";
import { DateTime } from "luxon";
import { exportText } from "../i18n/export.ts";
import { SHEET_COLUMNS, type SheetColumn } from "./table.ts";

/** The spreadsheet formats `import --format` reads. */
export type SheetFormat = "xlsx" | "csv";

/** A spreadsheet read as text: the heading cells and the data rows, each with its sheet row number. */
export interface SheetText {
  header: string[];
  /** Data rows; `line` is the 1-based row in the sheet (the heading is row 1). */
  rows: Array<{ line: number; cells: string[] }>;
}

/** Why the bytes could not be read as a spreadsheet; the CLI words each through i18n. */
export type SheetReadProblem = "not_utf8" | "not_xlsx";

/** Thrown by {@link readSheet} when the file is not a readable workbook / UTF-8 CSV. */
export class SheetReadError extends Error {
  constructor(
    readonly problem: SheetReadProblem,
    detail: string,
  ) {
    super(detail);
    this.name = "SheetReadError";
  }
}

/**
 * Reads the first sheet of a workbook, or a CSV file, as text. Empty rows are skipped.
 * - CSV: UTF-8 (a byte-order mark skipped); the separator is `;` or `,`, whichever the header
 *   line has more of outside quotes (Excel in a Latvian locale saves "CSV" with `;`); RFC 4180
 *   quoting.
 * - XLSX: each cell's text as Excel shows it, except dates: a date cell (exceljs gives a `Date`)
 *   anywhere, and a number in the deadline column that is an Excel date serial (≥ 25 569,
 *   1 January 1970), become an ISO calendar date ("2014-06-01") — see {@link excelDay}.
 *   A smaller number stays text, so a year typed as 2013 is still "2013".
 * @param zone IANA zone whose calendar a date cell means (the app's, "Europe/Riga").
 * @throws SheetReadError `not_utf8` when a CSV file is not UTF-8 (Excel's "CSV" in a Latvian
 *   Windows is Windows-1257), `not_xlsx` when the bytes are not a workbook.
 */
export async function readSheet(
  bytes: Buffer,
  format: SheetFormat,
  zone = "Europe/Riga",
): Promise<SheetText> {
  const all = format === "csv" ? readCsv(bytes) : await readXlsx(bytes, zone);
  const [first, ...rest] = all.filter((r) => r.cells.some((c) => c.trim() !== ""));
  return { header: first?.cells ?? [], rows: rest };
}

function readCsv(bytes: Buffer): SheetText["rows"] {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new SheetReadError("not_utf8", "the CSV file is not UTF-8");
  }
  const records = parse(text, {
    bom: true,
    relax_column_count: true,
    delimiter: csvDelimiter(text),
  }) as string[][];
  return records.map((cells, i) => ({ line: i + 1, cells }));
}

/**
 * The CSV separator a file uses: `;` when its header line (the first non-empty line) has more
 * semicolons than commas outside double quotes, else `,`. Pure.
 */
export function csvDelimiter(text: string): ";" | "," {
  const header =
    text
      .replace(/^\uFEFF/u, "")
      .split(/\r?\n/u)
      .find((l) => l.trim() !== "") ?? "";
  let quoted = false;
  let commas = 0;
  let semicolons = 0;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ",") commas++;
    else if (!quoted && ch === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

/** A raw cell: its value as exceljs reads it and the text Excel shows. */
type RawCell = { value: ExcelJS.CellValue; text: string };

async function readXlsx(bytes: Buffer, zone: string): Promise<SheetText["rows"]> {
  // exceljs (~30 MB) is loaded when a spreadsheet is read, not by every process at start.
  const { default: excel } = await import("exceljs");
  const book = new excel.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new SheetReadError("not_xlsx", `not an .xlsx workbook (${detail})`);
  }
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const raw: Array<{ line: number; cells: RawCell[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: RawCell[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      cells.push({ value: cell.value, text: cell.text ?? "" });
    }
    raw.push({ line, cells });
  });
  const header = raw.find((r) => r.cells.some((c) => c.text.trim() !== ""));
  const deadline = header ? mapHeadings(header.cells.map((c) => c.text)).deadline : undefined;
  const date1904 = book.properties.date1904 === true;
  return raw.map((r) => ({
    line: r.line,
    cells: r.cells.map((c, i) =>
      r === header ? c.text : cellText(c, i === deadline, zone, date1904),
    ),
  }));
}

/** Excel's serial of 1 January 1970 in the 1900 date system; smaller numbers are not read as dates. */
const SERIAL_1970 = 25_569;
/** Excel's serial of 31 December 9999, its last day. */
const SERIAL_MAX = 2_958_465;
/** Days between the 1900 and the 1904 date systems' origins. */
const DAYS_1904 = 1_462;

function cellText(cell: RawCell, isDeadline: boolean, zone: string, date1904: boolean): string {
  const v = cell.value;
  const value = typeof v === "object" && v !== null && "formula" in v ? v.result : v;
  if (value instanceof Date) return excelDay(value, zone) ?? cell.text;
  if (isDeadline && typeof value === "number" && value >= SERIAL_1970 && value <= SERIAL_MAX)
    return serialDay(value, zone, date1904);
  return cell.text;
}

/**
 * The calendar date a date cell means, as an ISO date ("2014-06-01"). Excel keeps a date as a
 * zone-less wall-clock serial and exceljs hands it over as that wall clock in UTC, so the UTC
 * day is the day typed; but a workbook written by a program from a `Date` at local midnight in
 * `zone` (Europe/Riga: 22:00 or 21:00 UTC the day before) means `zone`'s day. So: midnight in
 * `zone` → that day in `zone`; anything else → the UTC (wall-clock) day. Null for an invalid Date.
 */
export function excelDay(date: Date, zone: string): string | null {
  if (Number.isNaN(date.getTime())) return null;
  const local = DateTime.fromJSDate(date, { zone });
  const midnight = local.equals(local.startOf("day"));
  return (midnight ? local : DateTime.fromJSDate(date, { zone: "utc" })).toISODate();
}

/**
 * An Excel date serial (1900 or 1904 date system) as an ISO date, by the rule of
 * {@link excelDay}: the serial is the wall clock in UTC, unless it is midnight in `zone`.
 */
export function serialDay(serial: number, zone: string, date1904 = false): string {
  const days = serial + (date1904 ? DAYS_1904 : 0) - SERIAL_1970;
  return excelDay(new Date(Math.round(days * 86_400_000)), zone) ?? "";
}

/** Spellings of each column's heading, besides the exported ones in both languages. */
const EXTRA_HEADINGS: Record<SheetColumn, string[]> = {
  printed: ["printed", "nr. p.k.", "nr.p.k."],
  title: ["title", "task", "uzdevums", "nosaukums"],
  deadline: ["deadline", "termiņš", "izpildes termiņš"],
  progress: ["progress", "izpildes gaita"],
  institutions: ["institutions", "institūcijas", "atbildīgās institūcijas"],
  indicator: ["indicator", "result indicator", "rezultatīvais rādītājs"],
  number: ["number", "numurs", "nr.", "nr"],
  section: ["section", "sadaļa"],
  status: ["status", "statuss"],
};

const normal = (text: string) => text.replace(/\s+/gu, " ").trim().toLocaleLowerCase("lv");

/**
 * Which column each heading names (by exported heading in either language or a usual
 * spelling, ignoring case and spacing); index by column key. Unknown headings are ignored.
 */
export function mapHeadings(header: readonly string[]): Partial<Record<SheetColumn, number>> {
  const known = new Map<string, SheetColumn>();
  for (const key of SHEET_COLUMNS) {
    for (const name of [
      exportText("lv").columns[key],
      exportText("en").columns[key],
      ...EXTRA_HEADINGS[key],
    ])
      known.set(normal(name), key);
  }
  const out: Partial<Record<SheetColumn, number>> = {};
  header.forEach((cell, i) => {
    const key = known.get(normal(cell));
    if (key !== undefined && out[key] === undefined) out[key] = i;
  });
  return out;
}

/** A column's letter in a spreadsheet ("A", "B", …, "AA"); `index` is 0-based. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
