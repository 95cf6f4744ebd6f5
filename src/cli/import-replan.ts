/**
 * After an import that widened cut-offs still ahead (a task the file made a heading stands
 * for its sub-tasks in their scope: `ImportSummary.cutoffs`), the CLI says so and re-plans
 * those cut-offs' reminders through the path a `/cutoff` change takes (`replanSafely`, with
 * the CLI's queue as `withDeps` reaches it), so the sub-tasks' institutions are reminded.
 */
import { replanSafely } from "../../commands/access.ts";
import { expansionLines } from "../../db/scope.ts";
import type { Locale } from "../config.ts";
import { importCutoffText } from "../i18n/import-cutoffs.ts";
import type { ImportSummary } from "../import/apply-import.ts";
import { withDeps } from "./cli-deps.ts";

const out = (text: string) => process.stdout.write(`${text}\n`);

/**
 * For each cut-off in `summary.cutoffs`: one line on stdout in `locale` ("Ziņošanas termiņa #3
 * apjomā virsraksts tagad nozīmē tā apakšuzdevumus: 13.4 → 13.4.1."), then its reminders
 * re-planned: scheduled on the app's queue when one is reached, else planned in the store and
 * `withDeps`'s note on stderr says the app schedules them at its next start. With `json` no
 * line is printed (stdout holds the JSON, whose `cutoffs` say it). Nothing when no cut-off
 * was widened (a dry run never widens one). Run after the import is committed: when the
 * re-plan itself fails (the store cannot be opened again, say), it says so on stderr — the
 * import is written, how to re-plan (`cutoff plan <id>`, or restarting `serve`) — and sets exit
 * code 1, never reporting the import as failed.
 */
export async function replanWidenedCutoffs(
  summary: ImportSummary,
  locale: Locale,
  json = false,
): Promise<void> {
  if (summary.cutoffs.length === 0) return;
  const t = importCutoffText(locale);
  if (!json) for (const c of summary.cutoffs) out(t.widened(c.id, expansionLines(c.expanded)));
  try {
    await withDeps(async (deps) => {
      for (const c of summary.cutoffs) await replanSafely(deps, c.id);
    }, locale);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `${t.replanFailed(
        summary.cutoffs.map((c) => c.id),
        why,
      )}\n`,
    );
    process.exitCode = 1;
  }
}
