import type { ImportedInstitution, ImportedTask, TaskInstitution } from "../domain/types.ts";
import type { AnnexRow } from "./annex.ts";
import { type RowCells, readRowCells } from "./columns.ts";
import { noDeadline } from "./deadline.ts";
import { ReportFormatError } from "./errors.ts";
import { readInstitutionsCell, resolveInstitution } from "./institutions.ts";
import { statusOf } from "./status.ts";
import { joinCell, joinParagraphs } from "./text.ts";

/** "10.1.2" → "10.1"; "10" → null. */
export function parentNumber(number: string): string | null {
  const dot = number.lastIndexOf(".");
  return dot === -1 ? null : number.slice(0, dot);
}

/**
 * Builds the tasks from the annex rows, in printed order. Institutions: printed order, the first
 * responsible, the rest co-responsible. A parent row that prints no institutions (10, 10.1, 13)
 * has none, as printed: each of its sub-tasks names its own.
 * @throws ReportFormatError `TASK_NO_TITLE`, `TASK_NO_DEADLINE` (a sub-task-less row without
 *   a deadline), `TASK_NO_INSTITUTION`, `TASK_NO_STATUS` (an indicator that states none).
 */
export function buildTasks(
  rows: readonly AnnexRow[],
  institutions: readonly ImportedInstitution[],
): ImportedTask[] {
  const parents = new Set(rows.map((r) => parentNumber(r.number)));
  const read = (text: string) => readInstitutionsCell(text, institutions);
  return rows.map((row) =>
    toTask(row, readRowCells(row, read), parents.has(row.number), institutions),
  );
}

function toTask(
  row: AnnexRow,
  cells: RowCells,
  isParent: boolean,
  institutions: readonly ImportedInstitution[],
): ImportedTask {
  const where = row.head.no;
  const title = joinCell(cells.title);
  if (title === null)
    throw new ReportFormatError("TASK_NO_TITLE", `task ${row.number}: no title`, where, {
      kind: "no_title",
      task: row.number,
    });
  if (!isParent && cells.deadline === null) {
    throw new ReportFormatError("TASK_NO_DEADLINE", `task ${row.number}: no deadline`, where, {
      kind: "no_deadline",
      task: row.number,
    });
  }
  if (!isParent && cells.institutions === null) {
    throw new ReportFormatError(
      "TASK_NO_INSTITUTION",
      `task ${row.number}: no responsible institution`,
      where,
      { kind: "no_institution", task: row.number },
    );
  }
  const indicator = joinCell(cells.indicator);
  const status = indicator === null ? null : statusOf(indicator);
  if (indicator !== null && status === null) {
    const line = cells.institutions?.line ?? where;
    throw new ReportFormatError(
      "TASK_NO_STATUS",
      `task ${row.number}: no status in result indicator "${indicator}"`,
      line,
      { kind: "no_status", task: row.number, indicator },
    );
  }
  return {
    number: row.number,
    parent: parentNumber(row.number),
    section: row.section,
    title,
    deadline: cells.deadline ?? noDeadline(),
    institutions: roles(cells.institutions?.codes ?? [], institutions),
    status,
    indicator,
    progress: joinParagraphs(cells.progress),
  };
}

/** Printed codes → canonical codes with roles (first responsible), duplicates dropped. */
function roles(
  printed: readonly string[],
  institutions: readonly ImportedInstitution[],
): TaskInstitution[] {
  const codes = printed
    .map((p) => resolveInstitution(p, institutions)?.code)
    .filter((c) => c !== undefined);
  return [...new Set(codes)].map((code, i) => ({
    code,
    role: i === 0 ? "responsible" : "co_responsible",
  }));
}
