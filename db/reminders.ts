import type { Db } from "./client.ts";
import { compiled } from "./compiled.ts";

/** Reminder states: the send intent log (record before sending, look before re-sending). */
export type ReminderState = "planned" | "sending" | "sent" | "skipped" | "failed";

/** A reminder row. Times are UTC ISO. */
export interface Reminder {
  id: number;
  cutoffId: number;
  institutionId: number;
  kind: string;
  scheduledAt: string;
  /** The cut-off's time this row was planned for: an earlier time means the cut-off moved since. */
  cutoffAt: string;
  state: ReminderState;
  attempts: number;
  channelId: string | null;
  messageTs: string | null;
  sentAt: string | null;
  detail: string | null;
}

const COLUMNS = [
  "id",
  "cutoff_id",
  "institution_id",
  "kind",
  "scheduled_at",
  "cutoff_at",
  "state",
  "attempts",
  "channel_id",
  "message_ts",
  "sent_at",
  "detail",
] as const;

type Row = {
  id: number;
  cutoff_id: number;
  institution_id: number;
  kind: string;
  scheduled_at: string;
  cutoff_at: string;
  state: string;
  attempts: number;
  channel_id: string | null;
  message_ts: string | null;
  sent_at: string | null;
  detail: string | null;
};

function toReminder(r: Row): Reminder {
  return {
    id: r.id,
    cutoffId: r.cutoff_id,
    institutionId: r.institution_id,
    kind: r.kind,
    scheduledAt: r.scheduled_at,
    cutoffAt: r.cutoff_at,
    state: r.state as ReminderState,
    attempts: r.attempts,
    channelId: r.channel_id,
    messageTs: r.message_ts,
    sentAt: r.sent_at,
    detail: r.detail,
  };
}

/**
 * Records a planned reminder, or moves an existing one that has not been sent yet.
 * Idempotent: (cut-off, institution, kind, `cutoffAt`) is unique, so a cut-off moved to a new
 * time gets new rows while those sent for its old time stay as they were. Returns the row.
 */
export async function upsertPlannedReminder(
  db: Db,
  v: {
    cutoffId: number;
    institutionId: number;
    kind: string;
    scheduledAt: string;
    cutoffAt: string;
  },
): Promise<Reminder> {
  await db
    .insertInto("reminders")
    .values({
      cutoff_id: v.cutoffId,
      institution_id: v.institutionId,
      kind: v.kind,
      scheduled_at: v.scheduledAt,
      cutoff_at: v.cutoffAt,
      state: "planned",
    })
    .onConflict((oc) =>
      oc
        .columns(["cutoff_id", "institution_id", "kind", "cutoff_at"])
        .doUpdateSet({ scheduled_at: v.scheduledAt })
        .where("reminders.state", "=", "planned"),
    )
    .execute();
  const row = await db
    .selectFrom("reminders")
    .select(COLUMNS)
    .where("cutoff_id", "=", v.cutoffId)
    .where("institution_id", "=", v.institutionId)
    .where("kind", "=", v.kind)
    .where("cutoff_at", "=", v.cutoffAt)
    .executeTakeFirstOrThrow();
  return toReminder(row);
}

/** A reminder by id, or undefined. */
export async function findReminder(db: Db, id: number): Promise<Reminder | undefined> {
  const [row] = await reminderById(db, id);
  return row ? toReminder(row) : undefined;
}

// The send path's statements (one reminder each), compiled once: see `compiled`.
const reminderById = compiled((db, id: number) =>
  db.selectFrom("reminders").select(COLUMNS).where("id", "=", id),
);

/** Reminders of a cut-off (all states), by time then institution. */
export async function listReminders(db: Db, cutoffId: number): Promise<Reminder[]> {
  const rows = await db
    .selectFrom("reminders")
    .select(COLUMNS)
    .where("cutoff_id", "=", cutoffId)
    .orderBy("scheduled_at")
    .orderBy("institution_id")
    .execute();
  return rows.map(toReminder);
}

/**
 * A cut-off's still-planned reminders by institution: for each institution id, the UTC ISO
 * `scheduled_at` of its planned reminders, earliest first (one per offset, and the overdue
 * one: a few each). What `/task N` picks a task's next reminder from (see `nextReminderAmong`);
 * read once per store version rather than once per task (see commands/programme-context.ts).
 */
export async function plannedReminderTimes(
  db: Db,
  cutoffId: number,
): Promise<Map<number, string[]>> {
  const rows = await db
    .selectFrom("reminders")
    .select(["institution_id", "scheduled_at"])
    .where("cutoff_id", "=", cutoffId)
    .where("state", "=", "planned")
    .orderBy("scheduled_at")
    .execute();
  const times = new Map<number, string[]>();
  for (const row of rows) {
    const list = times.get(row.institution_id);
    if (list) list.push(row.scheduled_at);
    else times.set(row.institution_id, [row.scheduled_at]);
  }
  return times;
}

/**
 * The earliest time in `planned` (see {@link plannedReminderTimes}) of any of `institutionIds`
 * that is after `afterIso` (UTC ISO; compared as text, as the store's UTC ISO times sort), or
 * null when there is none.
 */
export function nextReminderAmong(
  planned: ReadonlyMap<number, readonly string[]>,
  institutionIds: readonly number[],
  afterIso: string,
): string | null {
  let next: string | null = null;
  for (const id of institutionIds) {
    const at = planned.get(id)?.find((t) => t > afterIso);
    if (at !== undefined && (next === null || at < next)) next = at;
  }
  return next;
}

/** Deletes a cut-off's still-planned reminders that are not in `keep` (ids); returns the deleted. */
export async function deleteStalePlanned(
  db: Db,
  cutoffId: number,
  keep: number[],
): Promise<Reminder[]> {
  let q = db
    .selectFrom("reminders")
    .select(COLUMNS)
    .where("cutoff_id", "=", cutoffId)
    .where("state", "=", "planned");
  if (keep.length > 0) q = q.where("id", "not in", keep);
  const stale = (await q.execute()).map(toReminder);
  if (stale.length > 0)
    await db
      .deleteFrom("reminders")
      .where(
        "id",
        "in",
        stale.map((r) => r.id),
      )
      .execute();
  return stale;
}

/** Records the intent to send (before calling Slack): state "sending", one more attempt. */
export async function markSending(db: Db, id: number, channelId: string): Promise<void> {
  await updateSending(db, id, channelId);
}

const updateSending = compiled((db, id: number, channelId: string) =>
  db
    .updateTable("reminders")
    .set((eb) => ({ state: "sending", channel_id: channelId, attempts: eb("attempts", "+", 1) }))
    .where("id", "=", id),
);

/** Records a sent reminder: its message ts and when. */
export async function markSent(
  db: Db,
  id: number,
  v: { channelId: string; messageTs: string; at: string },
): Promise<void> {
  await updateSent(db, id, v.channelId, v.messageTs, v.at);
}

const updateSent = compiled((db, id: number, channelId: string, messageTs: string, at: string) =>
  db
    .updateTable("reminders")
    .set({ state: "sent", channel_id: channelId, message_ts: messageTs, sent_at: at, detail: null })
    .where("id", "=", id),
);

/** Records a reminder that was not sent, and why ("all_answered", "no_mapping", "channel_not_found", …). */
export async function markSkipped(
  db: Db,
  id: number,
  state: "skipped" | "failed",
  detail: string,
): Promise<void> {
  await db.updateTable("reminders").set({ state, detail }).where("id", "=", id).execute();
}

/**
 * Plans a failed reminder again (state "planned", its reason cleared), so the send path tries
 * it once more: what `remind --now` does after the mapping was fixed. Only a row still
 * "failed" changes; returns whether it did.
 */
export async function replanFailed(db: Db, id: number): Promise<boolean> {
  const res = await db
    .updateTable("reminders")
    .set({ state: "planned", detail: null })
    .where("id", "=", id)
    .where("state", "=", "failed")
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/**
 * An institution's latest reminder that was either sent or failed (by planned time, any
 * cut-off), when it failed: the delivery problem `/institution <code>` shows until a reminder
 * goes through. Undefined when the latest one was sent, or none was tried yet.
 */
export async function lastFailedDelivery(
  db: Db,
  institutionId: number,
): Promise<Reminder | undefined> {
  const row = await db
    .selectFrom("reminders")
    .select(COLUMNS)
    .where("institution_id", "=", institutionId)
    .where("state", "in", ["sent", "failed"])
    .orderBy("scheduled_at", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row?.state === "failed" ? toReminder(row) : undefined;
}
