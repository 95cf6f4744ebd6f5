/**
 * `/task N set status …` on a task with sub-tasks. A heading (no status of its own, sub-tasks
 * under it: `isHeading` in src/domain/status-rollup.ts) shows its sub-tasks' statuses counted
 * in every view, so a status typed for it is refused, naming the sub-tasks to change instead (a
 * fresh user's finding: `/task 10 set status done` hid an open 10.1.1 behind "✅ Izpildīts").
 * A parent with a status of its own (the report's word for the row, or one set by hand) keeps
 * it and may change it; the answer then names the sub-tasks' roll-up and how to show it again
 * (`set status none`). Pure: works on the tasks `loadTasksForImport` read.
 */
import type { StoredTask } from "../db/tasks.ts";
import type { Locale } from "../src/config.ts";
import { isHeading, statusRollups } from "../src/domain/status-rollup.ts";
import type { TaskStatus } from "../src/domain/types.ts";
import { taskSetText } from "../src/i18n/task-set.ts";
import { rollupCounts } from "../src/slack/render-task-status.ts";

/** At most this many sub-tasks are named in an answer; more are counted. */
const NAMED_MAX = 6;

/**
 * What a status change on a parent task has to say. `refuse`: a heading given a status (the
 * text to answer with); `note`: a sentence to add to the answer (the roll-up it hides or shows
 * again); null: not a parent, nothing to say.
 */
export type HeadingVerdict = { refuse: string } | { note: string } | null;

/**
 * The verdict for setting task `number`'s status to `next` (null: clearing it), given every
 * task of its programme keyed by number. The sub-tasks named are those reported on (headings
 * below it stand for theirs, as the roll-up counts them), in the report's order; the example
 * command takes the first not done, else the first.
 */
export function headingVerdict(
  number: string,
  next: TaskStatus | null,
  tasks: ReadonlyMap<string, StoredTask>,
  locale: Locale,
): HeadingVerdict {
  const below = reportedBelow(number, tasks);
  if (below.length === 0) return null;
  const t = taskSetText(locale);
  const own = tasks.get(number)?.row.status ?? null;
  const summaries = [...tasks.values()].map(({ row }) => ({
    number: row.number,
    parent: row.parent_number,
    status: row.status as TaskStatus | null,
  }));
  const counts = rollupCounts(statusRollups(summaries).get(number) ?? []);
  const names = below.map((r) => r.number);
  const shown =
    names.length > NAMED_MAX
      ? t.andMore(names.slice(0, NAMED_MAX).join(", "), names.length - NAMED_MAX)
      : names.join(", ");
  if (own === null && next !== null) {
    const example = (below.find((r) => r.status !== "done") ?? below[0])?.number ?? number;
    return { refuse: t.headingRefused(number, counts, shown, example) };
  }
  if (next === null) return { note: t.headingRolledUp(counts) };
  return { note: t.parentOwnStatus(number, counts, shown) };
}

/**
 * The tasks under `number` that a roll-up counts (sub-tasks, theirs, …; a heading below only
 * through its own), in the report's order. A parent loop in imported data ends (`seen`).
 */
function reportedBelow(number: string, tasks: ReadonlyMap<string, StoredTask>) {
  const children = new Map<string, StoredTask["row"][]>();
  for (const { row } of tasks.values()) {
    if (row.parent_number === null) continue;
    const list = children.get(row.parent_number) ?? [];
    list.push(row);
    children.set(row.parent_number, list);
  }
  const out: StoredTask["row"][] = [];
  const seen = new Set<string>([number]);
  const walk = (parent: string) => {
    for (const row of children.get(parent) ?? []) {
      if (seen.has(row.number)) continue;
      seen.add(row.number);
      const hasOwn = children.has(row.number);
      if (!isHeading({ status: row.status as TaskStatus | null }, hasOwn)) out.push(row);
      walk(row.number);
    }
  };
  walk(number);
  return out.sort((a, b) => a.position - b.position);
}
