import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type Db, migrateToLatest } from "../../db/client.ts";
import { BUNDLED_REPORT_PATH } from "../../db/seeds/index.ts";
import type { ImportedReport } from "../../src/domain/types.ts";
import { applyImport } from "../../src/import/apply-import.ts";
import { parseReport } from "../../src/import/parse-report.ts";

/** The bundled report's text, read once per test file. */
export const reportText = readFileSync(BUNDLED_REPORT_PATH, "utf8");

let parsed: ImportedReport | undefined;
/** The bundled report, parsed once per test file. */
export function report(): ImportedReport {
  parsed ??= parseReport(reportText);
  return parsed;
}

/** A fresh directory under the OS temp folder. */
export function tempDir(prefix = "koordinators-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A real, migrated SQLite file in a fresh temp directory. */
export async function migratedStore(): Promise<{ db: Db; path: string }> {
  const path = join(tempDir(), "test.db");
  const db = createDb(path);
  await migrateToLatest(db);
  return { db, path };
}

/** A migrated SQLite file with the bundled report imported. */
export async function importedStore(): Promise<{ db: Db; path: string }> {
  const store = await migratedStore();
  await applyImport(store.db, report(), {
    actor: "test",
    at: "2026-11-29T12:00:00.000Z",
    source: "report.txt",
  });
  return store;
}
