import type { Db } from "../../db/client.ts";
import { countProgrammes } from "../../db/programmes.ts";
import { BUNDLED_REPORT_PATH } from "../../db/seeds/index.ts";
import type { Clock } from "../time.ts";
import type { ImportSummary } from "./apply-import.ts";
import { importReportFile } from "./import-file.ts";

/**
 * Imports the bundled report (db/seeds) when the store has no programme yet; returns what was
 * written, or null when the store already had one. Safe to call on every start.
 */
export async function seedIfEmpty(db: Db, clock: Clock): Promise<ImportSummary | null> {
  if ((await countProgrammes(db)) > 0) return null;
  const { summary } = await importReportFile(db, BUNDLED_REPORT_PATH, {
    dryRun: false,
    actor: "import:seed",
    clock,
  });
  return summary;
}
