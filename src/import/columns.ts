import type { Deadline } from "../domain/types.ts";
import type { AnnexRow } from "./annex.ts";
import { readDeadline } from "./deadline.ts";
import type { SourceLine } from "./source-lines.ts";
import { endsSentence } from "./text.ts";

/**
 * Lines wider than this belong to the progress column (~70–90 characters a line); the number +
 * title, institutions and indicator columns are narrow (≤ ~33).
 */
export const NARROW_MAX = 40;

/** A row's cells, told apart. */
export interface RowCells {
  /** Title lines, the words after the number first. */
  title: string[];
  deadline: Deadline | null;
  /** Progress lines; `null` marks a paragraph break (a blank line in the report). */
  progress: Array<string | null>;
  /** Institution codes as printed and the line they are on; `null` when the row prints none. */
  institutions: { codes: string[]; line: number } | null;
  indicator: string[];
}

/** Reads an institutions line ("IeM, TM Uzdevums ir"): codes and the indicator's start. */
export type InstitutionsReader = (text: string) => { codes: string[]; rest: string } | null;

type Column = "title" | "progress" | "indicator";
type Counts = Record<Column, number>;
type Cut = { title: boolean; indicator: boolean };

const isWide = (line: SourceLine) => !line.blank && line.width > NARROW_MAX;

/**
 * Tells a row's columns apart. The PDF gives each page of a row column after column: number +
 * title lines, a line starting with the deadline and going on with the first progress line,
 * progress lines, a line with the institution codes and the indicator's first words, indicator
 * lines. A row that runs over a page break goes on, on the next page, in the same order with
 * only the columns that were cut: a column is cut when it filled the page as far down as the
 * longest column did (its line count is the largest). Title and indicator continuations are
 * narrow lines before and after the wide progress lines.
 */
export function readRowCells(row: AnnexRow, readInstitutions: InstitutionsReader): RowCells {
  const cells: RowCells = {
    title: [row.titleHead],
    deadline: null,
    progress: [],
    institutions: null,
    indicator: [],
  };
  const [first = [], ...pages] = splitPages(row.lines);
  const { counts, rest } = readFirstPage(
    first,
    row.head.width > NARROW_MAX,
    readInstitutions,
    cells,
  );
  let cut = cutColumns(counts);
  for (const page of rest.length > 0 ? [rest, ...pages] : pages) {
    cut = cutColumns(readNextPage(page, cut, cells));
  }
  return cells;
}

/** Splits a row's lines where a new PDF page starts. */
function splitPages(lines: readonly SourceLine[]): SourceLine[][] {
  const pages: SourceLine[][] = [[]];
  for (const line of lines) {
    if (line.pageStart) pages.push([]);
    pages.at(-1)?.push(line);
  }
  return pages;
}

function cutColumns(counts: Counts): Cut {
  const longest = Math.max(counts.title, counts.progress, counts.indicator);
  return {
    title: counts.title > 0 && counts.title >= longest,
    indicator: counts.indicator > 0 && counts.indicator >= longest,
  };
}

/**
 * The row's first page. A full-width row (parents 10 and 10.1: the title spans the table) has
 * no other columns. `rest` holds lines after the indicator that are wide again: progress never
 * follows the indicator on one page, so a page break the text did not mark came before them.
 */
function readFirstPage(
  lines: readonly SourceLine[],
  fullWidth: boolean,
  readInstitutions: InstitutionsReader,
  cells: RowCells,
): { counts: Counts; rest: SourceLine[] } {
  const counts: Counts = { title: 1, progress: 0, indicator: 0 };
  let column: Column = fullWidth ? "progress" : "title";
  for (const [i, line] of lines.entries()) {
    if (column === "title") {
      if (line.blank) continue;
      const deadline = readDeadline(line.text);
      if (deadline && (deadline.rest === "" || isWide(line))) {
        cells.deadline = deadline.deadline;
        if (deadline.rest !== "") cells.progress.push(deadline.rest);
        counts.progress++;
        column = "progress";
      } else if (isWide(line)) {
        cells.progress.push(line.text);
        counts.progress++;
        column = "progress";
      } else {
        cells.title.push(line.text);
        counts.title++;
      }
    } else if (column === "progress") {
      const institutions = line.blank || isWide(line) ? null : readInstitutions(line.text);
      if (institutions) {
        cells.institutions = { codes: institutions.codes, line: line.no };
        if (institutions.rest !== "") cells.indicator.push(institutions.rest);
        counts.indicator++;
        column = "indicator";
      } else {
        cells.progress.push(line.blank ? null : line.text);
        counts.progress++;
      }
    } else if (isWide(line)) {
      return { counts, rest: lines.slice(i) };
    } else if (!line.blank) {
      cells.indicator.push(line.text);
      counts.indicator++;
    }
  }
  return { counts, rest: [] };
}

/**
 * A continuation page: narrow lines before the first wide line continue the title if it was
 * cut, narrow lines after the last wide line continue the indicator if it was cut; all else is
 * progress. A blank line at the top of a page is page spacing, and a paragraph break only when
 * the progress so far ends a sentence.
 */
function readNextPage(lines: readonly SourceLine[], cut: Cut, cells: RowCells): Counts {
  const counts: Counts = { title: 0, progress: 0, indicator: 0 };
  const wide = lines.flatMap((line, i) => (isWide(line) ? [i] : []));
  const firstWide = wide[0] ?? lines.length;
  const lastWide = wide.at(-1) === undefined ? lines.length : progressTail(lines, wide.at(-1) ?? 0);
  const narrowOnly =
    wide.length === 0 ? (cut.title ? "title" : cut.indicator ? "indicator" : "progress") : null;
  let pageHasProgress = false;
  for (const [i, line] of lines.entries()) {
    const column: Column =
      narrowOnly ??
      (i < firstWide && cut.title
        ? "title"
        : i > lastWide && cut.indicator
          ? "indicator"
          : "progress");
    if (!line.blank || column === "progress") counts[column]++;
    if (column !== "progress") {
      if (!line.blank) cells[column].push(line.text);
    } else if (!line.blank) {
      cells.progress.push(line.text);
      pageHasProgress = true;
    } else if (pageHasProgress || endsSentence(lastText(cells.progress))) {
      cells.progress.push(null);
    }
  }
  return counts;
}

/**
 * Index of the page's last progress line, from its last wide line: one narrow line more when it
 * ends the paragraph the wide line leaves open ("…precizējot apmācību" + "programmu paraugus."
 * + blank line); the indicator's continuation comes only after that.
 */
function progressTail(lines: readonly SourceLine[], lastWide: number): number {
  const wide = lines[lastWide];
  const next = lines[lastWide + 1];
  const after = lines[lastWide + 2];
  const closes =
    next !== undefined &&
    !next.blank &&
    endsSentence(next.text) &&
    (after === undefined || after.blank);
  return wide && !endsSentence(wide.text) && closes ? lastWide + 1 : lastWide;
}

function lastText(items: ReadonlyArray<string | null>): string {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item !== null && item !== undefined) return item;
  }
  return "";
}
