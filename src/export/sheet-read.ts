import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
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

/**
 * Reads the first sheet of a workbook, or a CSV file (UTF-8, a byte-order mark skipped; comma
 * separated; RFC 4180 quoting), as text. Empty rows are skipped.
 * @throws Error when the bytes are not such a file (the message says which format was expected).
 */
export async function readSheet(bytes: Buffer, format: SheetFormat): Promise<SheetText> {
  const all = format === "csv" ? readCsv(bytes) : await readXlsx(bytes);
  const [first, ...rest] = all.filter((r) => r.cells.some((c) => c.trim() !== ""));
  return { header: first?.cells ?? [], rows: rest };
}

function readCsv(bytes: Buffer): SheetText["rows"] {
  const records = parse(bytes, { bom: true, relax_column_count: true }) as string[][];
  return records.map((cells, i) => ({ line: i + 1, cells }));
}

async function readXlsx(bytes: Buffer): Promise<SheetText["rows"]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new Error(`not an .xlsx workbook (${error instanceof Error ? error.message : error})`);
  }
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const rows: SheetText["rows"] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text ?? "");
    rows.push({ line, cells });
  });
  return rows;
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
