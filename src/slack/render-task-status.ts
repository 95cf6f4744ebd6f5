/**
 * How a task's status reads in every `/task` view, by one rule: a task with a status of its own
 * shows it; a heading (no status of its own, sub-tasks under it; see status-rollup.ts) shows
 * its sub-tasks' statuses counted — "Sk. apakšuzdevumus: ✅ 2 · 🟡 1" in `/task N`'s status
 * field, and in lists (`/task`, `/task 10`'s sub-tasks) the heading mark 📂 with the counts
 * after the title: "📂 *10.1* Pilnveidot … (✅ 2 · 🟡 1)". Never "⚪ no result indicator" for a
 * heading, whose sub-tasks carry the indicators.
 */
import type { Locale } from "../config.ts";
import type { StatusRollup } from "../domain/status-rollup.ts";
import type { TaskStatus } from "../domain/types.ts";
import { messages } from "../i18n/index.ts";
import { STATUS_MARK, statusLabel } from "./format.ts";

/** The list mark of a heading task, in place of a status mark (language-neutral, as they are). */
export const HEADING_MARK = "📂";

/** A roll-up as "✅ 2 · 🟡 1" (statuses in `ROLLUP_ORDER`, no zeros). */
export function rollupCounts(rollup: StatusRollup): string {
  return rollup.map((r) => `${STATUS_MARK[r.status]} ${r.count}`).join(" · ");
}

/**
 * The status a task's `/task N` field shows: its own ("✅ Izpildīts"), or with `rollup` (a
 * heading's, from `statusRollups`) "Sk. apakšuzdevumus: ✅ 2 · 🟡 1" / "See sub-tasks: …".
 */
export function statusOrRollup(
  status: TaskStatus | null,
  rollup: StatusRollup | undefined,
  locale: Locale,
): string {
  if (status !== null || !rollup || rollup.length === 0) return statusLabel(status, locale);
  return `${messages(locale).task.seeSubtasks}: ${rollupCounts(rollup)}`;
}

/**
 * A list line's parts for a task: `mark` before the number (its status mark, or
 * {@link HEADING_MARK} for a heading) and `suffix` after the title (" (✅ 2 · 🟡 1)" for a
 * heading, else ""). `rollup`: the task's from `statusRollups`, if any.
 */
export function listStatus(
  status: TaskStatus | null,
  rollup: StatusRollup | undefined,
): { mark: string; suffix: string } {
  if (status !== null || !rollup || rollup.length === 0)
    return { mark: STATUS_MARK[status ?? "none"], suffix: "" };
  return { mark: HEADING_MARK, suffix: ` (${rollupCounts(rollup)})` };
}
