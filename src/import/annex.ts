import type { Section } from "../domain/types.ts";
import { ReportFormatError } from "./errors.ts";
import type { SourceLine } from "./source-lines.ts";
import { squash } from "./text.ts";

/** Heading of the annex that holds the task table. */
export const ANNEX_HEADING = "VI. PIELIKUMS: PROGRAMMAS UZDEVUMU IZPILDES GAITA";

/** One row of the annex table, before its columns are told apart. */
export interface AnnexRow {
  /** The programme's task number: "14", "10.1.2" (the second number of "15. 14."). */
  number: string;
  /** The number cell as printed: "1.", "10.1.2.", or both numbers of a double one ("15. 14."). */
  printed: string;
  section: Section;
  /** The section header's line as printed ("II Normat īvo aktu pilnveidošana"), numeral included. */
  sectionHeading: string;
  /** The line that opens the row with its number. */
  head: SourceLine;
  /** The title's first words, printed after the number on `head` (may be ""). */
  titleHead: string;
  /** The row's other lines in printed order, up to the next row or section header. */
  lines: SourceLine[];
}

/**
 * Index of the annex heading among the physical lines; the last occurrence, so that a table of
 * contents naming the annex is passed over.
 * @throws ReportFormatError `ANNEX_NOT_FOUND`.
 */
export function findAnnex(physical: readonly string[]): number {
  const wanted = ANNEX_HEADING.toUpperCase();
  for (let i = physical.length - 1; i >= 0; i--) {
    if (squash(physical[i] ?? "").toUpperCase() === wanted) return i;
  }
  throw new ReportFormatError("ANNEX_NOT_FOUND", `annex "${ANNEX_HEADING}" not found`, null, {
    kind: "no_annex",
    heading: ANNEX_HEADING,
  });
}

const SECTIONS: readonly Section[] = ["I", "II", "III", "IV", "V"];
/** "I  Datu apkopošana, …", "II Normat īvo aktu…" (the PDF spaces letters apart). */
const SECTION_HEADER = /^(I|II|III|IV|V)\s+\p{L}/u;
/** "1.  Veikt pētījumu", " 13.  Veikt", "10.1.3." (number alone): two spaces after the number. */
const SINGLE_NUMBER = /^(\d{1,2}(?:\.\d{1,2})*)\.(?:\s{2,}(\S.*))?$/u;
/** From task 14 on: "15. 14. Uzlabot…" — the printed row count, then the task number. */
const DOUBLE_NUMBER = /^(\d{1,2})\.\s+(\d{1,2}(?:\.\d{1,2})*)\.\s+(\S.*)$/u;

/**
 * The numbers that may follow task `previous` in the table: its first sub-task, or the next
 * sibling at any level (after "10.1.3": "10.1.3.1", "10.1.4", "10.2", "11"). Checking this
 * keeps progress lines that start with numbers ("65. Ministru kabineta…") from opening rows.
 */
export function nextNumbers(previous: string | null): string[] {
  if (previous === null) return ["1"];
  const parts = previous.split(".").map(Number);
  const out = [[...parts, 1].join(".")];
  for (let i = parts.length - 1; i >= 0; i--)
    out.push([...parts.slice(0, i), (parts[i] ?? 0) + 1].join("."));
  return out;
}

function rowStart(
  line: SourceLine,
  previous: string | null,
): { number: string; printed: string; titleHead: string } | null {
  const single = SINGLE_NUMBER.exec(line.text);
  const double = single ? null : DOUBLE_NUMBER.exec(line.text);
  const number = single?.[1] ?? double?.[2];
  if (number === undefined || !nextNumbers(previous).includes(number)) return null;
  const printed = double ? `${double[1]}. ${number}.` : `${number}.`;
  return { number, printed, titleHead: (single?.[2] ?? double?.[3] ?? "").trim() };
}

function sectionAt(
  lines: readonly SourceLine[],
  i: number,
  current: number,
  previous: string | null,
): number | null {
  const match = SECTION_HEADER.exec(lines[i]?.text ?? "");
  const index = match ? SECTIONS.indexOf(match[1] as Section) : -1;
  if (index !== current + 1) return null;
  const next = lines.slice(i + 1).find((l) => !l.blank);
  return next && rowStart(next, previous) ? index : null;
}

/**
 * Splits the annex's lines into rows under their sections. Lines before the first section
 * header (introduction, signature, column headings) are skipped; a section header counts only
 * when it is the next numeral and a task row follows it.
 * @throws ReportFormatError `SECTION_MISSING` when a row comes before any section header.
 */
export function splitRows(lines: readonly SourceLine[]): AnnexRow[] {
  const rows: AnnexRow[] = [];
  let section = -1;
  let sectionHeading = "";
  let previous: string | null = null;
  lines.forEach((line, i) => {
    const nextSection = sectionAt(lines, i, section, previous);
    if (nextSection !== null) {
      section = nextSection;
      sectionHeading = squash(line.text);
      return;
    }
    const start = rowStart(line, previous);
    if (start) {
      const s = SECTIONS[section];
      if (s === undefined) {
        throw new ReportFormatError(
          "SECTION_MISSING",
          `task ${start.number}: no section header ("I …") before it`,
          line.no,
          { kind: "no_section", task: start.number },
        );
      }
      rows.push({ ...start, section: s, sectionHeading, head: line, lines: [] });
      previous = start.number;
      return;
    }
    if (section !== -1) rows.at(-1)?.lines.push(line);
  });
  return rows;
}
