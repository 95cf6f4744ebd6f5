/**
 * Read-only queries over what happened in the store, for the digest and a task's history:
 * status changes from the audit log, replies with their institution and task, reminders sent
 * and planned. Times are UTC ISO text, compared as text (ISO instants sort).
 *
 * The digest's windows. The readers of news (replies stored, edited or withdrawn, status
 * changes) take a half-open window [since, until). A digest built at `now` with the default
 * window reads [previous digest's `builtAt`, now) — the previous being the last one posted to the
 * working group or on its way there (db/digests.ts `previousDigest`) — so two consecutive such
 * digests meet edge to edge: what is stored while one is built, or at its very instant, is the
 * next one's; neither lists what the other did, and nothing stored between them is missed. That
 * is all the windows promise, not that each item is in exactly one digest: a digest asked from a
 * date (`/digest since …`, `--since`) lists again what earlier ones listed; a session's draft and
 * a digest whose delivery failed are not "previous", so the next digest lists their news again;
 * and with no previous digest the window starts at the last session (news stored before it is in
 * no digest; edits and withdrawals are then in none, only marked on replies new in it).
 */

import { type ExpressionBuilder, sql } from "kysely";
import { compareCodes } from "../src/domain/codes.ts";
import type { Db } from "./client.ts";
import type { Database } from "./schema.ts";

/** A task status change recorded by the importer (audit entity "task", field "status"). */
export interface StatusChange {
  number: string;
  before: string | null;
  after: string | null;
  at: string;
  actor: string;
}

/**
 * Status changes of programme `programmeCode`'s tasks made in [`sinceIso`, `untilIso`) (UTC
 * ISO; the audit log's `at`, the app's clock when the change was applied), oldest first. A
 * digest built at `now` reads [previous digest's builtAt, now), as it reads replies
 * (`repliesSince`, `repliesChangedSince`): a change made while a digest is being built, or at
 * the instant it is built, is the next one's, so two consecutive digests never both list it
 * (what that does and does not promise: the module comment's windows).
 */
export async function statusChangesSince(
  db: Db,
  programmeCode: string,
  sinceIso: string,
  untilIso: string,
): Promise<StatusChange[]> {
  const rows = await statusChangeRows(db, programmeCode, sinceIso, untilIso)
    .select(["entity_key", "before", "after", "at", "actor"])
    .orderBy("at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    number: r.entity_key.slice(programmeCode.length + 1),
    before: r.before === null ? null : (JSON.parse(r.before) as string | null),
    after: r.after === null ? null : (JSON.parse(r.after) as string | null),
    at: r.at,
    actor: r.actor,
  }));
}

/**
 * The audit log's rows of status changes of programme `programmeCode`'s tasks made in
 * [`sinceIso`, `untilIso`) (a query to select from): {@link statusChangesSince}'s rows and
 * {@link anythingNewIn}'s check read the same window.
 */
function statusChangeRows(db: Db, programmeCode: string, sinceIso: string, untilIso: string) {
  return db
    .selectFrom("audit_log")
    .where("entity", "=", "task")
    .where("field", "=", "status")
    .where("entity_key", "like", `${programmeCode}:%`)
    .where("at", ">=", sinceIso)
    .where("at", "<", untilIso);
}

/** A reply with its institution code, task number (null = unassigned) and cut-off title. */
export interface ReplyActivity {
  id: number;
  cutoffId: number;
  cutoffTitle: string;
  institutionCode: string;
  taskNumber: string | null;
  channelId: string;
  ts: string;
  userId: string;
  text: string;
  statusClaim: string | null;
  verified: boolean;
  /** The Slack message's post time (UTC ISO): the reply's date shown to people. */
  receivedAt: string;
  /** When the app stored it (UTC ISO): at or after `receivedAt`, much later when caught up. */
  storedAt: string;
  /** The last edit's time (UTC ISO); null when never edited. */
  editedAt: string | null;
  withdrawnAt: string | null;
}

/**
 * A reply's `stored_at`, its `received_at` where the row holds '' (SQLite's column default,
 * migration 2026_12_04_090000_add_reply_stored_at; only a row written around `insertReply` could
 * have it): read and compared as this, an '' never sorts before every window.
 */
const STORED_AT = sql<string>`coalesce(nullif(replies.stored_at, ''), replies.received_at)`;

/** Replies with their institution code, task number and cut-off title (a query to narrow). */
export function replyQuery(db: Db) {
  return db
    .selectFrom("replies")
    .innerJoin("institutions", "institutions.id", "replies.institution_id")
    .innerJoin("cutoffs", "cutoffs.id", "replies.cutoff_id")
    .leftJoin("tasks", "tasks.id", "replies.task_id")
    .select([
      "replies.id",
      "replies.cutoff_id",
      "cutoffs.title as cutoff_title",
      "institutions.code",
      "tasks.number",
      "replies.channel_id",
      "replies.ts",
      "replies.user_id",
      "replies.text",
      "replies.status_claim",
      "replies.verified",
      "replies.received_at",
      STORED_AT.as("stored_at"),
      "replies.edited_at",
      "replies.withdrawn_at",
    ]);
}

type ReplyRow = Awaited<ReturnType<ReturnType<typeof replyQuery>["execute"]>>[number];

/** One row of {@link replyQuery} as a {@link ReplyActivity}. */
export function toActivity(r: ReplyRow): ReplyActivity {
  return {
    id: r.id,
    cutoffId: r.cutoff_id,
    cutoffTitle: r.cutoff_title,
    institutionCode: r.code,
    taskNumber: r.number,
    channelId: r.channel_id,
    ts: r.ts,
    userId: r.user_id,
    text: r.text,
    statusClaim: r.status_claim,
    verified: r.verified === 1,
    receivedAt: r.received_at,
    storedAt: r.stored_at,
    editedAt: r.edited_at,
    withdrawnAt: r.withdrawn_at,
  };
}

/**
 * Active replies the app stored in [`sinceIso`, `untilIso`) (UTC ISO; without `untilIso`, from
 * `sinceIso` on), oldest received first. A digest built at `now` reads [since, now) and the next
 * one starts at that `now` (build.ts), so windows meet edge to edge: a reply stored at the very
 * instant a digest was built is the next digest's, and none stored between two consecutive
 * digests is in both or in neither (the module comment's windows). Chosen by
 * `stored_at`, not by the message's post time (`received_at`): a reply stored late — a refused
 * number-only message edited into a reply, one the collection job catches up after downtime —
 * keeps its post time and would fall before the window. An '' in `stored_at` counts as the post
 * time (`STORED_AT`; `insertReply` never writes one).
 */
export async function repliesSince(
  db: Db,
  sinceIso: string,
  untilIso?: string,
): Promise<ReplyActivity[]> {
  let query = replyQuery(db).where(STORED_AT, ">=", sinceIso);
  if (untilIso !== undefined) query = query.where(STORED_AT, "<", untilIso);
  const rows = await query
    .where("replies.withdrawn_at", "is", null)
    .orderBy("replies.received_at")
    .orderBy("replies.id")
    .execute();
  return rows.map(toActivity);
}

/** Every reply attributed to a task (withdrawn ones too), newest first. */
export async function repliesOfTask(db: Db, taskId: number): Promise<ReplyActivity[]> {
  const rows = await replyQuery(db)
    .where("replies.task_id", "=", taskId)
    .orderBy("replies.received_at", "desc")
    .orderBy("replies.id", "desc")
    .execute();
  return rows.map(toActivity);
}

/** Active replies of one cut-off, oldest first. */
export async function repliesOfCutoff(db: Db, cutoffId: number): Promise<ReplyActivity[]> {
  const rows = await replyQuery(db)
    .where("replies.cutoff_id", "=", cutoffId)
    .where("replies.withdrawn_at", "is", null)
    .orderBy("replies.received_at")
    .orderBy("replies.id")
    .execute();
  return rows.map(toActivity);
}

/** A reminder with its cut-off's title and the institution's code. */
export interface ReminderActivity {
  id: number;
  cutoffId: number;
  cutoffTitle: string;
  institutionId: number;
  institutionCode: string;
  kind: string;
  scheduledAt: string;
  sentAt: string | null;
  channelId: string | null;
  messageTs: string | null;
}

function reminderQuery(db: Db, withRemoved = false) {
  const query = db
    .selectFrom("reminders")
    .innerJoin("cutoffs", "cutoffs.id", "reminders.cutoff_id")
    .innerJoin("institutions", "institutions.id", "reminders.institution_id")
    .select([
      "reminders.id",
      "reminders.cutoff_id",
      "cutoffs.title",
      "reminders.institution_id",
      "institutions.code",
      "reminders.kind",
      "reminders.scheduled_at",
      "reminders.sent_at",
      "reminders.channel_id",
      "reminders.message_ts",
    ]);
  return withRemoved ? query : query.where("cutoffs.removed_at", "is", null);
}

type ReminderRow = Awaited<ReturnType<ReturnType<typeof reminderQuery>["execute"]>>[number];

function toReminder(r: ReminderRow): ReminderActivity {
  return {
    id: r.id,
    cutoffId: r.cutoff_id,
    cutoffTitle: r.title,
    institutionId: r.institution_id,
    institutionCode: r.code,
    kind: r.kind,
    scheduledAt: r.scheduled_at,
    sentAt: r.sent_at,
    channelId: r.channel_id,
    messageTs: r.message_ts,
  };
}

/**
 * Reminders sent to any of `institutionIds`, newest first, those of removed cut-offs too (they
 * were sent: a task's history shows them).
 */
export async function sentRemindersTo(
  db: Db,
  institutionIds: number[],
): Promise<ReminderActivity[]> {
  if (institutionIds.length === 0) return [];
  const rows = await reminderQuery(db, true)
    .where("reminders.state", "=", "sent")
    .where("reminders.institution_id", "in", institutionIds)
    .orderBy("reminders.sent_at", "desc")
    .execute();
  return rows.map(toReminder);
}

/** Reminders still planned in [fromIso, toIso), earliest first, then by code (`compareCodes`). */
export async function plannedRemindersBetween(
  db: Db,
  fromIso: string,
  toIso: string,
): Promise<ReminderActivity[]> {
  const rows = await reminderQuery(db)
    .where("reminders.state", "=", "planned")
    .where("reminders.scheduled_at", ">=", fromIso)
    .where("reminders.scheduled_at", "<", toIso)
    .orderBy("reminders.scheduled_at")
    .execute();
  return rows
    .map(toReminder)
    .sort((a, b) =>
      a.scheduledAt === b.scheduledAt
        ? compareCodes(a.institutionCode, b.institutionCode)
        : a.scheduledAt < b.scheduledAt
          ? -1
          : 1,
    );
}

/** The id of task `number` of a programme, or undefined. */
export async function findTaskId(
  db: Db,
  programmeId: number,
  number: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom("tasks")
    .select("id")
    .where("programme_id", "=", programmeId)
    .where("number", "=", number)
    .executeTakeFirst();
  return row?.id;
}

/**
 * Whether anything a digest lists as news was stored in [`sinceIso`, `untilIso`) (UTC ISO): an
 * active reply stored ({@link repliesSince}'s rule), a reply edited or withdrawn
 * ({@link repliesChangedSince}'s), a status change of programme `programmeCode`'s tasks
 * ({@link statusChangesSince}'s). The same windows, but each asks for one row at most and reads
 * no text (the repeat rule's check, src/digest/repeat.ts `nothingNewSince`, runs on every
 * `/digest`); stops at the first kind found. `replies` alone: its `institution_id` and
 * `cutoff_id` are non-null foreign keys, so the readers' inner joins drop no row.
 */
export async function anythingNewIn(
  db: Db,
  programmeCode: string,
  sinceIso: string,
  untilIso: string,
): Promise<boolean> {
  const one = sql<number>`1`.as("one");
  return (
    (await hasRow(
      db
        .selectFrom("replies")
        .select(one)
        .where(STORED_AT, ">=", sinceIso)
        .where(STORED_AT, "<", untilIso)
        .where("replies.withdrawn_at", "is", null),
    )) ||
    (await hasRow(db.selectFrom("replies").select(one).where(changedIn(sinceIso, untilIso)))) ||
    (await hasRow(statusChangeRows(db, programmeCode, sinceIso, untilIso).select(one)))
  );
}

/** Whether `query` has a row: it reads one at most. */
async function hasRow(query: {
  limit(n: number): { executeTakeFirst(): Promise<unknown> };
}): Promise<boolean> {
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}

/**
 * A reply last edited, or withdrawn, in [`sinceIso`, `untilIso`) (UTC ISO): the filter of
 * {@link repliesChangedSince} and of {@link anythingNewIn}'s check.
 */
function changedIn(sinceIso: string, untilIso: string) {
  return (eb: ExpressionBuilder<Database, "replies">) =>
    eb.or([
      eb.and([eb("replies.edited_at", ">=", sinceIso), eb("replies.edited_at", "<", untilIso)]),
      eb.and([
        eb("replies.withdrawn_at", ">=", sinceIso),
        eb("replies.withdrawn_at", "<", untilIso),
      ]),
    ]);
}

/**
 * Replies last edited, or withdrawn, in [`sinceIso`, `untilIso`) (UTC ISO), oldest received
 * first: what changed since a digest the working group has read (the digest's "labota" marks and
 * its withdrawn part). Bounded as `repliesSince` is: a digest built at `now` reads [previous
 * digest's `builtAt`, now), so an edit made while it is built (at or after its `now`) is the next
 * digest's, and two consecutive digests never both list an edit or withdrawal (the module
 * comment's windows). (`edited_at` and `withdrawn_at`
 * are the app's clock when it applied the change: src/replies/edits.ts.)
 */
export async function repliesChangedSince(
  db: Db,
  sinceIso: string,
  untilIso: string,
): Promise<ReplyActivity[]> {
  const rows = await replyQuery(db)
    .where(changedIn(sinceIso, untilIso))
    .orderBy("replies.received_at")
    .orderBy("replies.id")
    .execute();
  return rows.map(toActivity);
}
