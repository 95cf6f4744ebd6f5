import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Db } from "../../db/client.ts";
import type { ImportedReport } from "../domain/types.ts";
import type { Clock } from "../time.ts";
import { applyImport, type ImportSummary } from "./apply-import.ts";
import { parseReport } from "./parse-report.ts";

/** Result of {@link importReportFile}: the parsed report and, unless a dry run, what was written. */
export interface ImportResult {
  report: ImportedReport;
  summary: ImportSummary | null;
}

/**
 * Reads a report text file, parses it and (unless `dryRun`) writes it to the store in one
 * transaction, audited as `actor`.
 * @throws ReportFormatError when the file is not such a report (nothing is written);
 *   Node's ENOENT/EACCES errors when it cannot be read.
 */
export async function importReportFile(
  db: Db,
  path: string,
  opts: { dryRun: boolean; actor: string; clock: Clock },
): Promise<ImportResult> {
  const report = parseReport(await readFile(path, "utf8"));
  if (opts.dryRun) return { report, summary: null };
  const summary = await applyImport(db, report, {
    actor: opts.actor,
    at: opts.clock.now().toISO() ?? new Date().toISOString(),
    source: basename(path),
  });
  return { report, summary };
}
