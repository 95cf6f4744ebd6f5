import type { Db } from "../../db/client.ts";
import { expandHeadingNumbers, type HeadingExpansion, programmeOutline } from "../../db/scope.ts";

/** Numbers a reply names outside its reminder, split as {@link splitStray} does. */
export interface StraySplit {
  /** Tasks of the programme the reminder does not cover ("2: …" in a reminder for 5 and 14). */
  notInReminder: string[];
  /** Numbers that are no task of the programme at all ("150: …"). */
  notInProgramme: string[];
  /**
   * Headings (a task with sub-tasks and no status of its own, as `/cutoff add` expands them)
   * whose sub-tasks this reminder asks about: "13: …" in a reminder for 13.3 → [{ heading "13",
   * subTasks ["13.3"] }], only the sub-tasks in the reminder, in the report's order.
   */
  headings: HeadingExpansion[];
  /**
   * Numbers of `notInProgramme` ending in ".0" whose number without it is a task of the programme
   * ("5,0: …" read as 5.0, task 5 exists → { asked "5.0", meant "5" }): its author is asked
   * whether that task was meant. Unset: none.
   */
  meant?: Array<{ asked: string; meant: string }>;
}

/**
 * Numbers a reply names outside its reminder ({@link strayNumbers}), split by the programme
 * (each list in the order given): a heading some of whose sub-tasks are in `scope` (the
 * reminder's task numbers for the institution) goes to `headings`, so its author is told which
 * sub-task to name rather than "not in this reminder"; other tasks of the programme to
 * `notInReminder`, the rest to `notInProgramme`. The programme's tasks are read only when there
 * is a number to split. Never throws: the note is said after the reply is stored, so when the
 * store fails to list the programme's tasks every number reads "not in this reminder" (as
 * before there was a split) rather than the author getting no acknowledgement at all.
 */
export async function splitStray(
  db: Db,
  programmeId: number,
  numbers: readonly string[],
  scope: readonly string[] = [],
): Promise<StraySplit> {
  if (numbers.length === 0) return { notInReminder: [], notInProgramme: [], headings: [] };
  const outline = await programmeOutline(db, programmeId).catch(() => null);
  if (!outline) return { notInReminder: [...numbers], notInProgramme: [], headings: [] };
  const programme = new Set(outline.map((t) => t.number));
  const asked = new Set(scope);
  const headings = expandHeadingNumbers(
    outline,
    numbers.filter((n) => programme.has(n)),
  )
    .expanded.map((h) => ({ heading: h.heading, subTasks: h.subTasks.filter((s) => asked.has(s)) }))
    .filter((h) => h.subTasks.length > 0);
  const heading = new Set(headings.map((h) => h.heading));
  const notInProgramme = numbers.filter((n) => !programme.has(n));
  return {
    notInReminder: numbers.filter((n) => programme.has(n) && !heading.has(n)),
    notInProgramme,
    headings: numbers.flatMap((n) => headings.find((h) => h.heading === n) ?? []),
    meant: notInProgramme.flatMap((asked) => {
      const meant = asked.replace(/(?:\.0+)+$/u, "");
      return meant !== asked && programme.has(meant) ? [{ asked, meant }] : [];
    }),
  };
}
