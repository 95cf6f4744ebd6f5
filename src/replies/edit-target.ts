/**
 * What an edited reply's text does to its task (src/replies/edits.ts applies it): moves it to
 * the task it now names, takes it off its task when it now names only a task the reminder does
 * not ask, or names only numbers outside the reminder. Its numbers are read as a new reply's are
 * (./known-numbers.ts: "13,3: …" is task 13.3 when 13.3 is a task of the thread or of the
 * programme). Reads the store only.
 */
import type { Db } from "../../db/client.ts";
import type { replyCutoff } from "../../db/cutoffs.ts";
import type { Reply } from "../../db/replies.ts";
import { type InstitutionTask, institutionScope } from "../../db/scope.ts";
import { attributeReply, leadingNumbers, strayNumbers } from "../domain/attribution.ts";
import type { HeadingNote } from "../slack/render-reply-prompt.ts";
import { knownNumbers, programmeNumbers } from "./known-numbers.ts";
import { splitStray } from "./stray.ts";

/** What an edited text does to a reply's task: moves it, or names only tasks not in the reminder. */
export type Retarget =
  | { kind: "move"; task: InstitutionTask; previous: string | null }
  | {
      kind: "stray";
      /** The numbers it names that are tasks of the programme but not in the reminder. */
      numbers: string[];
      /** The numbers it names that are no task of the programme at all ("150"). */
      notInProgramme: string[];
      /** Headings it names whose sub-tasks the reminder asks about ("13" → 13.3). */
      headings: HeadingNote[];
      /** The reply's task before the edit, kept unless `unfiled` (null: unassigned). */
      previous: string | null;
      /**
       * True when the edit takes the reply off `previous`: it now names, of the programme's
       * tasks, only ones this reminder does not ask ("3: …" edited to "13.3: …" in a thread
       * asking 3), in a live cut-off's thread. A number that is no task ("99: …", most likely a
       * typo) or a heading whose sub-tasks are asked here keeps the task, as before.
       */
      unfiled: boolean;
      /** The institution's tasks in the cut-off, for the buttons (none when it was removed). */
      tasks: InstitutionTask[];
    };

/** The reply's cut-off as {@link replyCutoff} reads it (a removed one too). */
export type FoundCutoff = NonNullable<Awaited<ReturnType<typeof replyCutoff>>>;

/**
 * What an edited text does to the reply's task (src/replies/edits.ts applyEdit); null when
 * nothing. Read as a new reply is filed, by its numbers only: the first task of the cut-off it
 * names; "N,M" read by the scope and, when needed, the programme ({@link knownNumbers}).
 */
export async function retarget(
  db: Db,
  reply: Reply,
  text: string,
  found: FoundCutoff,
): Promise<Retarget | null> {
  if (leadingNumbers(text).length === 0 || reply.withdrawnAt !== null) return null;
  const tasks = await institutionScope(db, found.cutoff, reply.institutionId);
  const scope = tasks.map((t) => t.number);
  const previous = tasks.find((t) => t.taskId === reply.taskId)?.number ?? null;
  const programme = programmeNumbers(db, found.cutoff.programmeId);
  const known = await knownNumbers(text, scope, programme);
  // As a new reply is filed: the first task it names that is in the cut-off.
  const number = attributeReply(text, scope, [], { byNumberOnly: true, known });
  const task = tasks.find((t) => t.number === number);
  if (task) return task.taskId === reply.taskId ? null : { kind: "move", task, previous };
  const numbers = strayNumbers(text, scope, known);
  if (numbers.length === 0) return null;
  // The author was told about these numbers already ("99: a" edited to "99: b"): not again —
  // unless the edit changed the numbers the reply leads with ("14: a\n150: b" edited to
  // "150: c" no longer starts with its task, which the first note did not say).
  const knownBefore = await knownNumbers(reply.text, scope, programme);
  if (
    sameSet(strayNumbers(reply.text, scope, knownBefore), numbers) &&
    sameSet(leadingNumbers(reply.text, knownBefore), leadingNumbers(text, known))
  )
    return null;
  const split = await splitStray(db, found.cutoff.programmeId, numbers, scope);
  return {
    kind: "stray",
    numbers: split.notInReminder,
    notInProgramme: split.notInProgramme,
    headings: split.headings,
    previous,
    unfiled:
      previous !== null &&
      !found.removed &&
      split.notInReminder.length > 0 &&
      split.headings.length === 0,
    tasks: found.removed ? [] : tasks,
  };
}

/** True when `a` and `b` hold the same strings, in any order and count. */
function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...right].every((n) => left.has(n));
}
