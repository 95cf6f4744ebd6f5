import ExcelJS from "exceljs";
import type { ExportText } from "../i18n/export.ts";
import type { AnnexModel } from "./annex-model.ts";
import { annexTable, SHEET_COLUMNS, type SheetColumn } from "./table.ts";

/** Column widths in characters. */
const WIDTH: Record<SheetColumn, number> = {
  printed: 9,
  title: 40,
  deadline: 14,
  progress: 90,
  institutions: 18,
  indicator: 40,
  number: 10,
  section: 28,
  status: 10,
};

/**
 * Excel keeps at most 32 767 characters in a cell
 * (https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 */
export const XLSX_CELL_MAX = 32_767;

/** A rendered workbook and how many cells continue on the full-text sheet. */
export interface RenderedXlsx {
  bytes: Buffer;
  /** Cells longer than {@link XLSX_CELL_MAX}: shortened and marked, kept whole on the second sheet. */
  continued: number;
}

/**
 * The annex as a workbook: one sheet, one row per task (see `annexTable`), the heading row
 * bold and frozen, every cell text with wrapping on and top-aligned, landscape A4 fitted to
 * the page width for printing.
 *
 * Nothing is cut silently. A cell longer than Excel's limit keeps its beginning and ends with
 * a visible mark (`t.continued`: "… [turpinājums lapā „Pilns teksts”, 2. rinda]"); the whole
 * text goes to a second sheet (`t.fullTextSheet`), one row per piece of at most
 * {@link XLSX_CELL_MAX} characters: task number, column, piece ("1/2"), text. Joining the
 * pieces of a cell in order gives its text. The import reads only the first sheet.
 */
export async function renderXlsx(
  model: AnnexModel,
  t: ExportText,
  zone: string,
): Promise<RenderedXlsx> {
  const table = annexTable(model, t, zone);
  const book = new ExcelJS.Workbook();
  book.creator = "Koordinators";
  book.title = `${t.heading}: ${model.programme.title}`;
  const sheet = book.addWorksheet(t.sheetName, {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: {
      orientation: "landscape",
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  sheet.columns = SHEET_COLUMNS.map((key, i) => ({
    header: table.header[i] ?? key,
    key,
    width: WIDTH[key],
  }));
  const long: Array<{ number: string; column: string; text: string }> = [];
  const numberAt = SHEET_COLUMNS.indexOf("number");
  let nextRow = 2; // on the full-text sheet, below its heading
  for (const row of table.rows) {
    const cells = row.map((text, i) => {
      if (text.length <= XLSX_CELL_MAX) return text;
      long.push({ number: row[numberAt] ?? "", column: table.header[i] ?? "", text });
      const mark = t.continued(nextRow);
      nextRow += pieces(text).length;
      return `${cut(text, XLSX_CELL_MAX - mark.length - 1)} ${mark}`;
    });
    sheet.addRow(cells);
  }
  sheet.eachRow((row, index) => {
    row.alignment = { wrapText: true, vertical: "top" };
    if (index === 1) row.font = { bold: true };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: SHEET_COLUMNS.length } };
  if (long.length > 0) addFullText(book, t, long);
  return { bytes: Buffer.from(await book.xlsx.writeBuffer()), continued: long.length };
}

/** The second sheet: every long cell in pieces Excel can hold, one row per piece. */
function addFullText(
  book: ExcelJS.Workbook,
  t: ExportText,
  long: Array<{ number: string; column: string; text: string }>,
): void {
  const sheet = book.addWorksheet(t.fullTextSheet, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: t.columns.number, width: 10 },
    { header: t.fullTextColumn, width: 28 },
    { header: t.fullTextPiece, width: 8 },
    { header: t.fullTextText, width: 120 },
  ];
  for (const cell of long) {
    const parts = pieces(cell.text);
    parts.forEach((part, i) => {
      sheet.addRow([cell.number, cell.column, `${i + 1}/${parts.length}`, part]);
    });
  }
  sheet.eachRow((row, index) => {
    row.alignment = { wrapText: true, vertical: "top" };
    if (index === 1) row.font = { bold: true };
  });
}

/** `text` in pieces of at most {@link XLSX_CELL_MAX} UTF-16 units, never splitting a surrogate pair. */
function pieces(text: string): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > 0) {
    const piece = cut(rest, XLSX_CELL_MAX);
    out.push(piece);
    rest = rest.slice(piece.length);
  }
  return out;
}

/** The first `max` UTF-16 units of `text`, one fewer when that would split a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}
