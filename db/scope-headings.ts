/**
 * The rule by which a heading named in a cut-off's scope stands for its sub-tasks, pure: no
 * store, no app imports beyond types. `/cutoff add --tasks` (through db/scope.ts's
 * `expandHeadings`) and a re-import (db/scope-ahead.ts) apply this one rule, so a cut-off's
 * stored scope means the same whichever wrote it; the migration that expands cut-offs stored
 * before `/cutoff add` did (db/migrations/2026_12_05_090000_expand_cutoff_headings.ts) applies
 * a frozen copy of it (migrations never import app code).
 */
import type { TaskStatus } from "../src/domain/types.ts";

/** A heading named in `--tasks` and the sub-tasks it stands for, in the report's order. */
export interface HeadingExpansion {
  heading: string;
  subTasks: string[];
}

/**
 * Each expansion as the line the secretary and the operator read it in, "13 → 13.1, 13.2":
 * the same in every language (`/cutoff add` and `/cutoff move` replies, the import's output).
 */
export function expansionLines(expanded: readonly HeadingExpansion[]): string[] {
  return expanded.map((e) => `${e.heading} → ${e.subTasks.join(", ")}`);
}

/** What {@link expandHeadingNumbers} reads of a task. */
export interface OutlineTask {
  number: string;
  parentNumber: string | null;
  status: TaskStatus | null;
}

/**
 * `--tasks` numbers as a cut-off stores them: a heading (a task with sub-tasks and no status
 * of its own, the rule of `inScope`: the report's row "13" over 13.1–13.4, with no institutions)
 * stands for every sub-task under it that is reported on (a sub-heading in turn for its own:
 * 10 → 10.1.1, 10.1.2, 10.1.3, 10.2), done ones too, as an explicit list takes them; other
 * numbers are kept. `tasks`: the programme's tasks in the report's order; `wanted`: numbers
 * that exist among them. Returns the numbers in the report's order without repeats ("13,13.2"
 * is 13.1–13.4 once) and each heading expanded. Pure. A secretary naming a heading means its
 * sub-tasks: stored as the heading alone, the cut-off would remind nobody.
 */
export function expandHeadingNumbers(
  tasks: readonly OutlineTask[],
  wanted: readonly string[],
): { numbers: string[]; expanded: HeadingExpansion[] } {
  const children = new Map<string, string[]>();
  for (const t of tasks) {
    if (t.parentNumber === null) continue;
    const list = children.get(t.parentNumber) ?? [];
    list.push(t.number);
    children.set(t.parentNumber, list);
  }
  const statusOf = new Map(tasks.map((t) => [t.number, t.status]));
  const isHeading = (n: string) => statusOf.get(n) === null && children.has(n);
  const reported = (n: string): string[] =>
    isHeading(n) ? (children.get(n) ?? []).flatMap(reported) : [n];
  const chosen = new Set<string>();
  const expanded: HeadingExpansion[] = [];
  const order = new Map(tasks.map((t, i) => [t.number, i]));
  const byOrder = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  for (const n of [...wanted].sort(byOrder)) {
    const subTasks = reported(n);
    if (isHeading(n)) expanded.push({ heading: n, subTasks: [...subTasks].sort(byOrder) });
    for (const s of subTasks) chosen.add(s);
  }
  return { numbers: [...chosen].sort(byOrder), expanded };
}

/**
 * A cut-off's stored scope `stored` with every number that is a heading now replaced by its
 * sub-tasks ({@link expandHeadingNumbers}): for a cut-off stored naming a heading before
 * `/cutoff add` expanded them, or whose task became one on a re-import (it gained sub-tasks and
 * lost its status). `tasks`: the programme's tasks in the report's order. Numbers the
 * programme no longer has are kept as stored, after the others (they match no task). Returns
 * null when no stored number is a heading, so a scope that needs nothing is never rewritten
 * (its order either). Pure. Only for cut-offs still ahead: a passed one keeps the scope it was
 * reminded and answered under (its history and response rate are what happened).
 */
export function widenedScope(
  tasks: readonly OutlineTask[],
  stored: readonly string[],
): { numbers: string[]; expanded: HeadingExpansion[] } | null {
  const known = new Set(tasks.map((t) => t.number));
  const outline = expandHeadingNumbers(
    tasks,
    stored.filter((n) => known.has(n)),
  );
  if (outline.expanded.length === 0) return null;
  const gone = [...new Set(stored.filter((n) => !known.has(n)))];
  return { numbers: [...outline.numbers, ...gone], expanded: outline.expanded };
}
