import type { AuditEntry } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import { listInstitutions } from "../../db/institutions.ts";
import { currentProgramme, findProgrammeByCode } from "../../db/programmes.ts";
import { loadTasksForImport, type StoredTask } from "../../db/tasks.ts";
import type { ImportedReport, ImportedTask, Institution, Section } from "../domain/types.ts";
import { applyImport, applyImportIn, type ImportSummary } from "../import/apply-import.ts";
import {
  readSheet,
  type SheetFormat,
  SheetReadError,
  type SheetReadProblem,
} from "./sheet-read.ts";
import { type SheetError, type SheetTask, validateSheet } from "./sheet-validate.ts";

/** A spreadsheet import: the file, which programme it is, and who imports. */
export interface SheetImportRequest {
  bytes: Buffer;
  format: SheetFormat;
  /** The programme's code; default the current one. A new code needs `title`. */
  programme?: string;
  title?: string;
  dryRun: boolean;
  actor: string;
  /** UTC ISO instant of the import. */
  at: string;
  /** File name, kept as the programme's source when the programme is new. */
  source: string;
  /** IANA zone whose calendar the sheet's date cells mean; default "Europe/Riga". */
  zone?: string;
}

/** What an import did (or would do): the importer's summary and every change, as audited. */
export type SheetImportResult =
  | { ok: true; dryRun: boolean; summary: ImportSummary; changes: AuditEntry[] }
  | { ok: false; errors: SheetError[] }
  | { ok: false; problem: "no_programme" | "title_needed"; programme: string | null }
  | { ok: false; problem: SheetReadProblem; detail: string };

/**
 * Imports a task spreadsheet (columns number, section, title, deadline, institutions, status;
 * optionally indicator and the printed number) into a programme through the report importer's
 * audited upsert: changed columns are updated and audited, tasks not in the file are kept.
 * The progress narrative is never read from a sheet (it comes from replies): existing tasks
 * keep theirs, as they keep their indicator and printed number when the sheet has no such
 * column. Any invalid cell rejects the whole file and nothing is written. With `dryRun` the
 * import runs in a transaction that is rolled back, so the changes shown are exactly those a
 * real run would make. A file that cannot be read (a CSV not in UTF-8, bytes that are not a
 * workbook) is a `problem`, and nothing is written.
 */
export async function importSheet(db: Db, req: SheetImportRequest): Promise<SheetImportResult> {
  const sheet = await readSheet(req.bytes, req.format, req.zone).catch((error: unknown) => {
    if (error instanceof SheetReadError)
      return { ok: false as const, problem: error.problem, detail: error.message };
    throw error;
  });
  if ("problem" in sheet) return sheet;
  const institutions = await listInstitutions(db);
  const valid = validateSheet(sheet, institutions);
  if (!valid.ok) return valid;
  const target = await resolveProgramme(db, req);
  if ("problem" in target) return { ok: false, ...target };
  const stored = target.id === null ? new Map() : await loadTasksForImport(db, target.id);
  const report = toReport(target, valid.tasks, stored, institutions);
  const ctx = { actor: req.actor, at: req.at, source: req.source };
  if (!req.dryRun) {
    const summary = await applyImport(db, report, ctx);
    return { ok: true, dryRun: false, summary, changes: [] };
  }
  return { ok: true, dryRun: true, ...(await dryRun(db, report, ctx)) };
}

class RollBack extends Error {
  constructor(readonly result: { summary: ImportSummary; changes: AuditEntry[] }) {
    super("dry run");
  }
}

async function dryRun(db: Db, report: ImportedReport, ctx: Parameters<typeof applyImport>[2]) {
  try {
    await db.transaction().execute(async (trx) => {
      throw new RollBack(await applyImportIn(trx, report, ctx));
    });
  } catch (error) {
    if (error instanceof RollBack) return error.result;
    throw error;
  }
  throw new Error("dry run did not roll back");
}

type Target = { id: number | null; code: string; title: string };

async function resolveProgramme(
  db: Db,
  req: SheetImportRequest,
): Promise<Target | { problem: "no_programme" | "title_needed"; programme: string | null }> {
  const found = req.programme
    ? await findProgrammeByCode(db, req.programme)
    : await currentProgramme(db);
  if (found) return { id: found.id, code: found.code, title: req.title ?? found.title };
  if (!req.programme) return { problem: "no_programme", programme: null };
  if (!req.title) return { problem: "title_needed", programme: req.programme };
  return { id: null, code: req.programme, title: req.title };
}

function toReport(
  target: Target,
  tasks: SheetTask[],
  stored: Map<string, StoredTask>,
  institutions: readonly Institution[],
): ImportedReport {
  const used = new Set(tasks.flatMap((t) => t.institutions));
  const sections: Partial<Record<Section, string>> = {};
  for (const t of tasks) if (t.sectionTitle) sections[t.section] ??= t.sectionTitle;
  const printed: Record<string, string> = {};
  for (const t of tasks) {
    const value = t.printed === undefined ? stored.get(t.number)?.row.printed_number : t.printed;
    if (value) printed[t.number] = value;
  }
  return {
    programme: { code: target.code, title: target.title },
    institutions: institutions
      .filter((i) => used.has(i.code))
      .map((i) => ({ code: i.code, name: i.name, aliases: i.aliases })),
    tasks: tasks.map((t) => toTask(t, stored.get(t.number))),
    layout: { printed, sections },
  };
}

function toTask(t: SheetTask, stored: StoredTask | undefined): ImportedTask {
  return {
    number: t.number,
    parent: t.parent,
    section: t.section,
    title: t.title,
    deadline: t.deadline,
    institutions: t.institutions.map((code, i) => ({
      code,
      role: i === 0 ? "responsible" : "co_responsible",
    })),
    status: t.status,
    indicator: t.indicator === undefined ? (stored?.row.indicator ?? null) : t.indicator,
    progress: stored?.row.progress ?? null,
  };
}
