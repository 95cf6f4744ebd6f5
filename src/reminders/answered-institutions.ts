/**
 * Which institutions' planned reminders of a cut-off the sender will skip as "all_answered"
 * (src/reminders/reminded.ts), read from the store: the one rule `/cutoff plan`, `/cutoff list`
 * (commands/cutoff-model.ts) and the calendar (src/export/calendar-model.ts) apply.
 */
import type { Db } from "../../db/client.ts";
import type { Reminder } from "../../db/reminders.ts";
import { listReplies, type Reply } from "../../db/replies.ts";
import { hasChannel, nothingLeftToAsk } from "./reminded.ts";

/**
 * The institutions (ids) whose planned reminders of cut-off `cutoffId` the sender will skip as
 * "all_answered" (src/reminders/reminded.ts `nothingLeftToAsk`): those with a reminder still
 * planned (`rows`), a Slack channel (`mappings` by institution id) and an active reply to every
 * task of theirs in scope (`byInstitution`, the cut-off's scope by institution). `/cutoff plan`
 * marks them `allAnswered` ("netiks nosūtīts – viss atbildēts"), `/cutoff list` names none of
 * their reminders as the next, and the calendar (src/export/calendar-model.ts) leaves those
 * reminders out. Reads the cut-off's replies once, only when some institution is asked.
 */
export async function answeredInstitutions(
  db: Db,
  cutoffId: number,
  byInstitution: ReadonlyMap<number, readonly { taskId: number }[]>,
  rows: readonly Reminder[],
  mappings: ReadonlyMap<number, Parameters<typeof hasChannel>[0]>,
): Promise<Set<number>> {
  const pending = new Set(rows.filter((r) => r.state === "planned").map((r) => r.institutionId));
  const ids = new Set([...byInstitution.keys(), ...rows.map((r) => r.institutionId)]);
  // The sender's rule (reminded.ts): read only when a reminder of theirs is still to go.
  const withChannel = (id: number) => {
    const mapping = mappings.get(id);
    return mapping !== undefined && hasChannel(mapping);
  };
  const asked = [...ids].filter((id) => pending.has(id) && withChannel(id));
  if (asked.length === 0) return new Set();
  const replies = await activeRepliesByInstitution(db, cutoffId);
  return new Set(
    asked.filter((id) =>
      nothingLeftToAsk(
        (byInstitution.get(id) ?? []).map((t) => t.taskId),
        replies.get(id) ?? [],
      ),
    ),
  );
}

/**
 * The cut-off's active (not withdrawn) replies by institution id, each list oldest first — what
 * `institutionReplies` reads for one institution, read in one query for all of them.
 */
export async function activeRepliesByInstitution(
  db: Db,
  cutoffId: number,
): Promise<Map<number, Reply[]>> {
  const byInstitution = new Map<number, Reply[]>();
  for (const r of await listReplies(db, cutoffId)) {
    if (r.withdrawnAt !== null) continue;
    const list = byInstitution.get(r.institutionId);
    if (list) list.push(r);
    else byInstitution.set(r.institutionId, [r]);
  }
  return byInstitution;
}
