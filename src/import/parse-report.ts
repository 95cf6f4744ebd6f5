import type { ImportedReport } from "../domain/types.ts";
import {
  type AbbreviationEntry,
  locateAbbreviations,
  parseAbbreviations,
} from "./abbreviations.ts";
import { ANNEX_HEADING, findAnnex, splitRows } from "./annex.ts";
import { ReportFormatError } from "./errors.ts";
import { buildInstitutions } from "./institutions.ts";
import { sectionTitles } from "./section-titles.ts";
import { readLines, splitPhysical } from "./source-lines.ts";
import { buildTasks } from "./tasks.ts";

/**
 * Parses the text of the working group's progress report (extracted from its PDF) into the
 * programme, its institutions and its tasks. Pure: no I/O.
 * - Programme: the abbreviation list's "Programma" entry ("Programma cilvēku tirdzniecības
 *   novēršanai 2009.-2013.gadam"); its code is the years ("2009-2013").
 * - Institutions: the bodies of the list "IZMANTOTIE SAĪSINĀJUMI" plus bodies the report names
 *   outside it (see `buildInstitutions`).
 * - Tasks: the rows of annex "VI. PIELIKUMS: PROGRAMMAS UZDEVUMU IZPILDES GAITA", in order.
 * - Layout: each row's number cell as printed ("15. 14.") and the sections' titles.
 *   When the introduction names the number of tasks ("…26 uzdevumu…"), the annex must have that
 *   many top-level tasks, so a cut-off text is not taken for a whole report.
 * @throws ReportFormatError when the text is not such a report; its message names what is
 *   missing and where (e.g. `annex "VI. PIELIKUMS: …" not found`).
 */
export function parseReport(text: string): ImportedReport {
  if (text.trim() === "")
    throw new ReportFormatError("EMPTY_INPUT", "report text is empty", null, { kind: "empty" });
  const physical = splitPhysical(text);
  const list = locateAbbreviations(physical);
  const entries = parseAbbreviations(readLines(physical, list.start, list.end));
  if (entries.length === 0) {
    throw new ReportFormatError(
      "ABBREVIATIONS_NOT_FOUND",
      "abbreviation list has no entries",
      list.start,
      { kind: "abbreviations_empty" },
    );
  }
  const programme = programmeOf(entries, list.start);
  const institutions = buildInstitutions(entries, text);
  const annex = findAnnex(physical);
  const rows = splitRows(readLines(physical, annex + 1));
  if (rows.length === 0) {
    throw new ReportFormatError(
      "NO_TASKS",
      `annex "${ANNEX_HEADING}" has no task rows`,
      annex + 1,
      { kind: "no_task_rows", heading: ANNEX_HEADING },
    );
  }
  const tasks = buildTasks(rows, institutions);
  checkTaskCount(
    tasks.filter((t) => t.parent === null).length,
    physical.slice(list.end, annex),
    list.end,
  );
  const layout = {
    printed: Object.fromEntries(rows.map((r) => [r.number, r.printed])),
    sections: sectionTitles(
      rows.map((r) => ({ section: r.section, heading: r.sectionHeading })),
      text,
    ),
  };
  return { programme, institutions, tasks, layout };
}

function programmeOf(
  entries: readonly AbbreviationEntry[],
  listLine: number,
): ImportedReport["programme"] {
  const entry = entries.find((e) => e.code === "Programma");
  if (!entry) {
    throw new ReportFormatError(
      "PROGRAMME_NOT_FOUND",
      'abbreviation list has no "Programma" entry',
      listLine,
      { kind: "no_programme_entry" },
    );
  }
  const years = /(\d{4})\.?\s*[-–]\s*(\d{4})/u.exec(entry.name);
  if (!years) {
    throw new ReportFormatError(
      "PROGRAMME_NOT_FOUND",
      `programme "${entry.name}" names no years`,
      entry.line,
      { kind: "programme_no_years", name: entry.name },
    );
  }
  return { code: `${years[1]}-${years[2]}`, title: entry.name };
}

/**
 * Source: the introduction ("IEVADS"): "…un tiem pakļautu 26 uzdevumu programmas…" — the first
 * "<N> uzdevumu" after the abbreviation list. No check when the text names no such number.
 */
function checkTaskCount(found: number, introduction: readonly string[], firstIndex: number): void {
  const at = introduction.findIndex((l) => /\b\d{1,3}\s+uzdevumu\b/u.test(l));
  const named = Number(/\b(\d{1,3})\s+uzdevumu\b/u.exec(introduction[at] ?? "")?.[1]);
  if (at === -1 || named === found) return;
  throw new ReportFormatError(
    "TASK_COUNT_MISMATCH",
    `annex has ${found} tasks, the introduction names ${named}`,
    firstIndex + at + 1,
    { kind: "task_count", found, named },
  );
}
