/**
 * The whole digest as a Word document (what ministries file): the title, the headline, the
 * chart, every section of the Slack thread, and a table of every task in the programme
 * (number, title, deadline, institutions, status, latest reply; a heading's status is its
 * sub-tasks' counted, "Sk. apakšuzdevumus: ✅ 2 · 🟡 1", as in `/task N`). Built with `docx`
 * (https://docx.js.org); mrkdwn bold and links become bold runs and hyperlinks, inline code
 * (`/institution set IZM #kanāls`) a monospace run.
 */
import {
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Locale } from "../config.ts";
import { digestText } from "../i18n/digest.ts";
import { decodeSlackEntities, slackPlainText } from "../slack/message-text.ts";
import { statusOrRollup } from "../slack/render-task-status.ts";
import type { DigestDoc } from "./document.ts";
import type { DigestModel } from "./model.ts";
import { plainText } from "./render-slack.ts";

/** The chart to place under the headline, and its size in pixels. */
export interface DocxChart {
  png: Uint8Array;
  width: number;
  height: number;
}

/** Width the chart takes on the page, in pixels at 96 dpi (A4 minus margins is ~620 px). */
const CHART_PAGE_WIDTH = 600;

/** The font of inline code (mrkdwn's `…`), on Windows, macOS and LibreOffice alike. */
export const CODE_FONT = "Courier New";

/** An inline code span: `…` on one line (Slack formats nothing inside it). */
const CODE = /(`[^`\n]+`)/g;
/** Inline code first (what it holds is never bold or a link), bold (may hold code), links. */
const TOKEN = /(`[^`\n]+`|\*(?:`[^`\n]+`|[^*`\n])+\*|<https?:[^|<>]+\|[^<>]+>)/g;
/** A bold piece of {@link TOKEN}: `*…*`, whose code spans may hold `*`. */
const BOLD = /^\*(?:`[^`\n]+`|[^*`\n])+\*$/;

/**
 * Runs of mrkdwn text without links: inline code as a {@link CODE_FONT} run of its text as
 * written (backticks dropped, `*` and `_` kept, `&amp;`/`&lt;`/`&gt;` decoded), the rest as
 * {@link plainText}; all `bold` when asked.
 */
function textRuns(text: string, asBold: boolean): TextRun[] {
  const bold = asBold || undefined;
  return text
    .split(CODE)
    .filter((piece) => piece !== "")
    .map((piece) =>
      /^`[^`\n]+`$/.test(piece)
        ? new TextRun({ text: decodeSlackEntities(piece.slice(1, -1)), font: CODE_FONT, bold })
        : new TextRun({ text: plainText(piece), bold }),
    );
}

/**
 * Runs of one mrkdwn line: bold for `*…*`, hyperlinks for `<url|label>`, monospace
 * ({@link CODE_FONT}) for inline code `` `…` `` without the backticks, the rest plain.
 */
export function mrkdwnRuns(line: string): Array<TextRun | ExternalHyperlink> {
  const runs: Array<TextRun | ExternalHyperlink> = [];
  for (const piece of line.split(TOKEN)) {
    if (piece === "") continue;
    const link = /^<(https?:[^|<>]+)\|([^<>]+)>$/.exec(piece);
    if (link?.[1] && link[2]) {
      const label = new TextRun({ text: plainText(link[2]), style: "Hyperlink" });
      runs.push(new ExternalHyperlink({ link: link[1], children: [label] }));
    } else if (BOLD.test(piece)) {
      runs.push(...textRuns(piece.slice(1, -1), true));
    } else runs.push(...textRuns(piece, false));
  }
  return runs;
}

function lines(text: string): Paragraph[] {
  return text.split("\n").map((line) => {
    const bullet = line.startsWith("• ");
    return new Paragraph({
      children: mrkdwnRuns(bullet ? line.slice(2) : line),
      ...(bullet ? { bullet: { level: 0 } } : {}),
    });
  });
}

function cell(text: string): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun(text)] })] });
}

function taskTable(doc: DigestDoc, model: DigestModel, locale: Locale): Table {
  const t = digestText(locale);
  const head = new TableRow({
    tableHeader: true,
    children: t.docxColumns.map(
      (c) =>
        new TableCell({
          children: [new Paragraph({ children: [new TextRun({ text: c, bold: true })] })],
        }),
    ),
  });
  const marks = doc.latestMarks;
  const rows = model.tasks.map(
    (task) =>
      new TableRow({
        children: [
          cell(task.number),
          cell(task.title),
          cell(task.deadline),
          cell(task.institutions.join(", ")),
          // A heading: "Sk. apakšuzdevumus: ✅ 2 · 🟡 1", as `/task N` (no `rollup`: its own status).
          cell(statusOrRollup(task.status === "none" ? null : task.status, task.rollup, locale)),
          cell(
            task.latest
              ? `${task.latest.institution}: ${slackPlainText(task.latest.excerpt)}${plainText(marks[task.number] ?? "")}`
              : "—",
          ),
        ],
      }),
  );
  return new Table({ rows: [head, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } });
}

/**
 * The DOCX bytes of the digest (`doc` in the reader's language, `model` for the task table).
 * @throws Error only when the document cannot be packed.
 */
export async function renderDigestDocx(
  doc: DigestDoc,
  model: DigestModel,
  locale: Locale,
  chart?: DocxChart,
): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [
    new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }),
    ...doc.headline.flatMap(lines),
    new Paragraph({ children: [new TextRun({ text: plainText(doc.context), italics: true })] }),
  ];
  if (chart) {
    const scale = CHART_PAGE_WIDTH / chart.width;
    const transformation = { width: CHART_PAGE_WIDTH, height: Math.round(chart.height * scale) };
    children.push(
      new Paragraph({ children: [new ImageRun({ type: "png", data: chart.png, transformation })] }),
    );
  }
  for (const part of doc.sections) {
    children.push(new Paragraph({ text: part.heading, heading: HeadingLevel.HEADING_1 }));
    for (const p of part.paragraphs) children.push(...lines(p));
  }
  children.push(
    new Paragraph({ text: digestText(locale).docxTasks, heading: HeadingLevel.HEADING_1 }),
    taskTable(doc, model, locale),
  );
  const document = new Document({
    creator: "Koordinators",
    title: doc.title,
    styles: { default: { document: { run: { font: "Calibri", size: 22 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
