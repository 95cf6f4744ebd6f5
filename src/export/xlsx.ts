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
 * (https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3);
 * a longer progress text is cut there with a mark.
 */
export const XLSX_CELL_MAX = 32_767;

/**
 * The annex as a workbook: one sheet, one row per task (see `annexTable`), the heading row
 * bold and frozen, every cell text with wrapping on and top-aligned, landscape A4 fitted to
 * the page width for printing.
 */
export async function renderXlsx(model: AnnexModel, t: ExportText, zone: string): Promise<Buffer> {
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
  for (const row of table.rows) sheet.addRow(row.map(fitCell));
  sheet.eachRow((row, index) => {
    row.alignment = { wrapText: true, vertical: "top" };
    if (index === 1) row.font = { bold: true };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: SHEET_COLUMNS.length } };
  return Buffer.from(await book.xlsx.writeBuffer());
}

function fitCell(text: string): string {
  return text.length <= XLSX_CELL_MAX ? text : `${text.slice(0, XLSX_CELL_MAX - 2)} …`;
}
