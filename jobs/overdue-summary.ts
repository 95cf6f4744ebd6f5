import { DateTime } from "luxon";
import { findCutoff } from "../db/cutoffs.ts";
import { scopeOfCutoff, tasksByInstitution } from "../db/scope.ts";
import { summaryText } from "../src/i18n/summary.ts";
import { institutionProgress } from "../src/reminders/compose.ts";
import { notifySecretaries } from "../src/reminders/notify.ts";
import type { JobDeps } from "./types.ts";

/** Job name. */
export const name = "overdue-summary";

/** The cut-off and the instant this summary was planned for (UTC ISO). */
export interface Data {
  cutoffId: number;
  at: string;
}

/** Deterministic BullMQ job id. */
export function jobId(data: Data): string {
  return `overdue-summary-${data.cutoffId}-${DateTime.fromISO(data.at).toMillis()}`;
}

/**
 * After a cut-off: tells the secretaries which institutions did not answer (with their open
 * task numbers), or that everyone did. Does nothing for a removed cut-off.
 */
export async function process(data: Data, deps: JobDeps): Promise<string> {
  const cutoff = await findCutoff(deps.db, data.cutoffId);
  if (!cutoff) return "cutoff_removed";
  const byInstitution = tasksByInstitution(await scopeOfCutoff(deps.db, cutoff));
  const open: Array<{ code: string; numbers: string[] }> = [];
  for (const institutionId of byInstitution.keys()) {
    const progress = await institutionProgress(deps.db, cutoff, institutionId);
    if (progress.open.length > 0)
      open.push({ code: progress.mapping.code, numbers: progress.open });
  }
  // By code, as the digest and the App Home list them.
  const missing = open
    .sort((a, b) => a.code.localeCompare(b.code, "lv"))
    .map((i) => `${i.code} (${i.numbers.join(", ")})`);
  await notifySecretaries(deps, (locale) => {
    const m = summaryText(locale);
    return {
      text: missing.length === 0 ? m.allAnswered(cutoff.title) : m.missing(cutoff.title, missing),
    };
  });
  return missing.length === 0 ? "all_answered" : `missing:${missing.length}`;
}
