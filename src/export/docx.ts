import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  type TableVerticalAlign,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import type { ExportText } from "../i18n/export.ts";
import type { MessageNames } from "../slack/message-text.ts";
import type { AnnexModel, AnnexTaskRow } from "./annex-model.ts";
import { formatDay, indicatorText, progressParagraphs, sectionText } from "./cells.ts";

/** A4 landscape in twips (1/20 pt): 297 × 210 mm. */
const PAGE = { width: 16838, height: 11906, margin: 720 };
/** Shares of the text width per column: number, task, deadline, progress, institutions, indicator. */
const SHARES = [0.06, 0.17, 0.09, 0.42, 0.11, 0.15];
const WIDTHS = SHARES.map((s) => Math.floor(s * (PAGE.width - 2 * PAGE.margin)));
/** Font sizes in half-points. */
const SIZE = { table: 20, heading: 24 };
const MISSING_COLOUR = "C00000";
const SECTION_FILL = "E7E6E6";

/**
 * The annex as an editable Word document: A4 landscape, a heading, and one table in the
 * report's layout — six columns (Nr. p.k., task, deadline, progress, institutions, result
 * indicators), a header row repeated on every page, each section as a shaded row across the
 * table, then its tasks and sub-tasks in order. Missing replies are marked in red.
 */
export async function renderDocx(model: AnnexModel, t: ExportText, zone: string): Promise<Buffer> {
  const doc = new Document({
    creator: "Koordinators",
    title: `${t.heading}: ${model.programme.title}`,
    styles: { default: { document: { run: { font: "Times New Roman", size: SIZE.table } } } },
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height for a landscape page, so both are given as portrait.
            size: {
              orientation: PageOrientation.LANDSCAPE,
              width: PAGE.height,
              height: PAGE.width,
            },
            margin: {
              top: PAGE.margin,
              bottom: PAGE.margin,
              left: PAGE.margin,
              right: PAGE.margin,
            },
          },
        },
        children: [...intro(model, t, zone), annexTable(model, t, zone)],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function intro(model: AnnexModel, t: ExportText, zone: string): Paragraph[] {
  const centred = (text: string, bold = false) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text, bold, size: SIZE.heading })],
    });
  const notes = model.cutoff
    ? [t.cutoffLine(model.cutoff.id, model.cutoff.title, formatDay(model.cutoff.at, t, zone))]
    : [t.importedLine];
  if (model.includeUnverified) notes.push(t.unverifiedIncluded);
  // A removed cut-off says so under the heading, before anything is read as current.
  const removedAt = model.cutoff?.removedAt;
  const removed =
    model.cutoff && removedAt
      ? [centred(t.cutoffRemovedLine(model.cutoff.id, formatDay(removedAt, t, zone)), true)]
      : [];
  return [
    centred(t.heading, true),
    centred(model.programme.title),
    ...removed,
    new Paragraph({
      spacing: { after: 120 },
      children: [new TextRun({ text: notes.join(" "), italics: true })],
    }),
  ];
}

function annexTable(model: AnnexModel, t: ExportText, zone: string): Table {
  const c = t.columns;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [c.printed, c.title, c.deadline, c.progress, c.institutions, c.indicator].map(
      (text, i) =>
        cell([paragraph(text, { bold: true, centred: true })], i, {
          vertical: VerticalAlignTable.CENTER,
        }),
    ),
  });
  const rows = model.rows.map((row) =>
    row.kind === "section"
      ? new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              columnSpan: 6,
              shading: { fill: SECTION_FILL, type: ShadingType.CLEAR, color: "auto" },
              children: [paragraph(sectionText(row), { bold: true })],
            }),
          ],
        })
      : taskRow(row, t, zone, model.names),
  );
  return new Table({
    width: { size: WIDTHS.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: WIDTHS,
    layout: TableLayoutType.FIXED,
    rows: [header, ...rows],
  });
}

function taskRow(
  row: AnnexTaskRow,
  t: ExportText,
  zone: string,
  names: MessageNames | undefined,
): TableRow {
  const progress = progressParagraphs(row.progress, t, zone, names).map(
    (p) =>
      new Paragraph({
        spacing: { after: 80 },
        children: [
          ...(p.label ? [new TextRun({ text: `${p.label} `, bold: true })] : []),
          new TextRun({
            text: p.text,
            bold: p.missing,
            color: p.missing ? MISSING_COLOUR : undefined,
          }),
        ],
      }),
  );
  const texts = [row.printed, row.title, row.deadline];
  return new TableRow({
    children: [
      ...texts.map((text, i) => cell([paragraph(text)], i)),
      cell(progress.length > 0 ? progress : [paragraph("")], 3),
      cell([paragraph(row.institutions.join(", "))], 4),
      cell([paragraph(indicatorText(row, t, zone))], 5),
    ],
  });
}

function cell(
  children: Paragraph[],
  column: number,
  opts: { vertical?: TableVerticalAlign } = {},
): TableCell {
  return new TableCell({
    width: { size: WIDTHS[column] ?? 0, type: WidthType.DXA },
    verticalAlign: opts.vertical,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    children,
  });
}

function paragraph(text: string, opts: { bold?: boolean; centred?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: opts.centred ? AlignmentType.CENTER : undefined,
    children: [new TextRun({ text, bold: opts.bold })],
  });
}
