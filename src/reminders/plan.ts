import type { Db } from "../../db/client.ts";
import { type Cutoff, findCutoff, listCutoffs } from "../../db/cutoffs.ts";
import {
  deleteStalePlanned,
  listReminders,
  markSkipped,
  type Reminder,
  upsertPlannedReminder,
} from "../../db/reminders.ts";
import { scopeOfCutoff, tasksByInstitution } from "../../db/scope.ts";
import { OVERDUE_KIND, planReminders, type ReminderSettings } from "../domain/reminder-plan.ts";

/**
 * Brings a cut-off's reminder rows in line with its scope and the settings: one row per
 * institution with tasks in scope and per planned time (offsets before, one overdue after).
 * Idempotent: the same inputs give the same rows; rows already sent are kept; planned rows no
 * longer wanted (scope or offsets changed, cut-off moved) are deleted. Of an institution's
 * planned reminders already in the past (the app was down), only the latest is kept to be
 * sent now; the older ones are marked skipped ("superseded"), so nobody gets a burst.
 *
 * Rows belong to the cut-off time they were planned for (`cutoffAt`): when the cut-off moved,
 * its new time is planned afresh and the rows sent for the old time stay as history. A
 * reminder of the new time that was already past when the cut-off moved is not sent late when
 * the same institution and kind had a row for an old time (it had its chance then): it is
 * recorded as skipped ("passed_when_moved"), so a later re-plan does not send it either. An
 * institution without such a row (mapped or added to the scope after the move) gets the
 * catch-up above, as on a cut-off never moved.
 * Returns the cut-off's rows that are still to be sent (state "planned" or "sending").
 */
export async function planCutoff(
  db: Db,
  cutoff: Cutoff,
  settings: ReminderSettings,
  nowIso: string,
): Promise<Reminder[]> {
  const byInstitution = tasksByInstitution(await scopeOfCutoff(db, cutoff));
  const times = planReminders(cutoff.at, settings);
  const existing = new Set<number>();
  // Institution and kind of the rows for an earlier time of the cut-off: those reminders had
  // their chance before it moved. Any other (an institution mapped or scoped in later) catches up.
  const hadOldTime = new Set<string>();
  for (const r of await listReminders(db, cutoff.id)) {
    existing.add(r.id);
    if (r.cutoffAt !== cutoff.at) hadOldTime.add(oldTimeKey(r.institutionId, r.kind));
  }
  const keep: number[] = [];
  for (const institutionId of byInstitution.keys()) {
    for (const t of times) {
      const row = await upsertPlannedReminder(db, {
        cutoffId: cutoff.id,
        institutionId,
        kind: t.kind,
        scheduledAt: t.at,
        cutoffAt: cutoff.at,
      });
      keep.push(row.id);
      const late = t.kind !== OVERDUE_KIND && t.at <= nowIso;
      if (late && !existing.has(row.id) && hadOldTime.has(oldTimeKey(institutionId, t.kind)))
        await markSkipped(db, row.id, "skipped", PASSED_WHEN_MOVED);
    }
  }
  await deleteStalePlanned(db, cutoff.id, keep);
  const rows = await listReminders(db, cutoff.id);
  await skipSuperseded(db, rows, nowIso, cutoff.at);
  return (await listReminders(db, cutoff.id)).filter(
    (r) => r.state === "planned" || r.state === "sending",
  );
}

/** `detail` of a reminder whose time had passed when its cut-off was moved: never sent. */
const PASSED_WHEN_MOVED = "passed_when_moved";

const oldTimeKey = (institutionId: number, kind: string) => `${institutionId}:${kind}`;

/**
 * Per institution, every past-due planned reminder except the latest becomes "superseded";
 * once the cut-off itself has passed, all the "before" ones are (the overdue one remains).
 */
async function skipSuperseded(
  db: Db,
  rows: Reminder[],
  nowIso: string,
  cutoffAt: string,
): Promise<void> {
  const before = rows.filter((r) => r.state === "planned" && r.kind !== OVERDUE_KIND);
  if (nowIso > cutoffAt) {
    for (const r of before) await markSkipped(db, r.id, "skipped", "cutoff_passed");
    return;
  }
  const due = before.filter((r) => r.scheduledAt <= nowIso);
  const latest = new Map<number, Reminder>();
  for (const r of due) {
    const best = latest.get(r.institutionId);
    if (!best || r.scheduledAt > best.scheduledAt) latest.set(r.institutionId, r);
  }
  for (const r of due) {
    if (latest.get(r.institutionId)?.id !== r.id)
      await markSkipped(db, r.id, "skipped", "superseded");
  }
}

/** Plans every cut-off that is not removed; returns the rows still to be sent, per cut-off. */
export async function planAll(
  db: Db,
  settings: ReminderSettings,
  nowIso: string,
): Promise<Map<number, Reminder[]>> {
  const out = new Map<number, Reminder[]>();
  for (const cutoff of await listCutoffs(db))
    out.set(cutoff.id, await planCutoff(db, cutoff, settings, nowIso));
  return out;
}

/** Plans one cut-off by id; an unknown or removed cut-off has nothing to send. */
export async function planCutoffById(
  db: Db,
  id: number,
  settings: ReminderSettings,
  nowIso: string,
): Promise<Reminder[]> {
  const cutoff = await findCutoff(db, id);
  return cutoff ? planCutoff(db, cutoff, settings, nowIso) : [];
}
