import type { ExportText } from "../i18n/export.ts";
import type { AnnexModel } from "./annex-model.ts";
import { effectiveStatus, indicatorText, progressText, sectionText } from "./cells.ts";

/**
 * The spreadsheet columns, in order: the annex's six (number as printed, task, deadline,
 * progress, institutions, result indicator), then the three an import needs to rebuild the
 * store (task number, section, status). `import --format xlsx|csv` reads them back by heading.
 */
export const SHEET_COLUMNS = [
  "printed",
  "title",
  "deadline",
  "progress",
  "institutions",
  "indicator",
  "number",
  "section",
  "status",
] as const;

/** A spreadsheet column's key. */
export type SheetColumn = (typeof SHEET_COLUMNS)[number];

/** The annex as a flat table: headings in the document's language, one row of text per task. */
export interface AnnexTable {
  header: string[];
  rows: string[][];
}

/**
 * One row per task in the report's order (sections as a column, not as rows), every cell
 * plain text: institutions "IEM, LM" (the responsible one first), status as its code
 * ("partial"), progress paragraphs separated by blank lines.
 */
export function annexTable(model: AnnexModel, t: ExportText, zone: string): AnnexTable {
  const sections = new Map<string, string>();
  for (const row of model.rows)
    if (row.kind === "section") sections.set(row.section, sectionText(row));
  const rows: string[][] = [];
  for (const row of model.rows) {
    if (row.kind !== "task") continue;
    const cells: Record<SheetColumn, string> = {
      printed: row.printed,
      title: row.title,
      deadline: row.deadline,
      progress: progressText(row.progress, t, zone, model.names),
      institutions: row.institutions.join(", "),
      indicator: indicatorText(row, t, zone),
      number: row.number,
      section: sections.get(row.section) ?? row.section,
      status: effectiveStatus(row) ?? "",
    };
    rows.push(SHEET_COLUMNS.map((c) => cells[c]));
  }
  return { header: SHEET_COLUMNS.map((c) => t.columns[c]), rows };
}
