import type { AuditEntry } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import { sectionTitlesOf, setSectionTitle } from "../../db/sections.ts";
import type { ImportedReport, Section } from "../domain/types.ts";

type Entry = (e: Omit<AuditEntry, "at" | "actor">) => void;

/**
 * The printed number cell a task gets: the report's layout when it has one (null for a task it
 * does not list: it prints as "<number>."), else what the store has (`stored`).
 */
export function printedNumber(
  report: ImportedReport,
  number: string,
  stored: string | null,
): string | null {
  if (!report.layout) return stored;
  return report.layout.printed[number] ?? null;
}

/**
 * Writes the layout's section titles that differ from the store's, auditing each (entity
 * "programme", field "section:<numeral>"). Sections the layout does not name are kept.
 */
export async function applySectionTitles(
  db: Db,
  programmeId: number,
  report: ImportedReport,
  entry: Entry,
): Promise<void> {
  const wanted = report.layout?.sections ?? {};
  const stored = await sectionTitlesOf(db, programmeId);
  for (const [section, title] of Object.entries(wanted) as Array<[Section, string]>) {
    if (stored[section] === title) continue;
    await setSectionTitle(db, programmeId, section, title);
    entry({
      entity: "programme",
      entityKey: report.programme.code,
      action: stored[section] === undefined ? "create" : "update",
      field: `section:${section}`,
      before: stored[section] ?? null,
      after: title,
    });
  }
}
