/**
 * Which institutions the reminders of a cut-off will skip because they have already answered:
 * the digest's "next 30 days" must not list them among those a reminder goes to. The rule is
 * the sender's (`jobs/send-reminder.ts`: an institution whose tasks in scope are all answered is
 * skipped, "all_answered"; see `src/reminders/reminded.ts`), read over the whole cut-off at once
 * with the digest's `answerStanding` (a task is answered by an active verified reply filed under
 * it; an unverified one answers nothing), so the cost follows the cut-offs in view, not the
 * institutions.
 */
import { repliesOfCutoff } from "../../db/activity.ts";
import type { Db } from "../../db/client.ts";
import type { Cutoff } from "../../db/cutoffs.ts";
import { scopeOfCutoff } from "../../db/scope.ts";
import { answerStanding, type InstitutionStanding, unansweredTasks } from "./model.ts";

/** The standings already read for one cut-off (the digest's own), so it is not read again. */
export interface KnownStandings {
  cutoffId: number;
  standings: readonly InstitutionStanding[];
}

/**
 * Codes of the institutions that have answered every task `cutoff` asks them about (at least
 * one task), from standings: those with no task left unanswered (`unansweredTasks`).
 */
function answeredOf(standings: readonly InstitutionStanding[]): Set<string> {
  return new Set(
    standings
      .filter((s) => s.tasks.length > 0 && unansweredTasks(s).length === 0)
      .map((s) => s.code),
  );
}

/**
 * For each of `cutoffs`, by cut-off id, the codes of the institutions that have answered every
 * task in its scope (none: an empty set). `known` gives one cut-off's standings already read
 * (no query for it). Any other cut-off costs one query for its active replies, and only when one
 * of them is verified and filed under a task, two more for its scope (`scopeOfCutoff`): never a
 * query per institution. Reads only.
 */
export async function answeredByCutoff(
  db: Db,
  cutoffs: readonly Cutoff[],
  known?: KnownStandings,
): Promise<Map<number, Set<string>>> {
  const out = new Map<number, Set<string>>();
  for (const cutoff of cutoffs) {
    if (known?.cutoffId === cutoff.id) {
      out.set(cutoff.id, answeredOf(known.standings));
      continue;
    }
    const replies = await repliesOfCutoff(db, cutoff.id);
    if (!replies.some((r) => r.verified && r.taskNumber !== null)) {
      out.set(cutoff.id, new Set());
      continue;
    }
    const numbersByCode = groupBy(
      (await scopeOfCutoff(db, cutoff)).flatMap((t) =>
        t.institutions.map((i) => ({ code: i.code, number: t.number })),
      ),
    );
    const repliesByCode = groupBy(replies.map((r) => ({ ...r, code: r.institutionCode })));
    const answered = new Set<string>();
    for (const [code, tasks] of numbersByCode) {
      const numbers = tasks.map((t) => t.number);
      const { replied } = answerStanding(numbers, repliesByCode.get(code) ?? []);
      if (replied.length === numbers.length) answered.add(code);
    }
    out.set(cutoff.id, answered);
  }
  return out;
}

/** `rows` grouped by `code`, each group in the order given. */
function groupBy<T extends { code: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.code);
    if (group) group.push(row);
    else groups.set(row.code, [row]);
  }
  return groups;
}
