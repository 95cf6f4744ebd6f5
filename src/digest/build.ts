/**
 * Builds the digest model from the store at `now`: counts by status and how they moved since
 * the previous digest, status changes and replies since `since`, the institutions' standing for
 * the digest's cut-off (the one asked for, else the active one), who has not answered another
 * cut-off passed within the grace days (passed-unanswered.ts), overdue tasks, what falls due
 * in the next 30 days, and the next session. Replies edited or withdrawn since the previous
 * digest (the last one posted to the working group) are marked or listed, so the group does not
 * go on believing a text it read there; a reply new in a digest (the first one too) and edited
 * after it was first stored is marked "(labota …)" in it (changed.ts `editedMark`).
 * Reads only. Sources: the report's annex (tasks), the audit log, replies, reminders, sessions.
 */
import type { DateTime } from "luxon";
import { type ReplyActivity, repliesSince, statusChangesSince } from "../../db/activity.ts";
import type { Db } from "../../db/client.ts";
import {
  activeCutoff,
  type Cutoff,
  findCutoff,
  listCutoffs,
  listRemovedCutoffs,
} from "../../db/cutoffs.ts";
import { previousDigest } from "../../db/digests.ts";
import { currentProgramme, type Programme } from "../../db/programmes.ts";
import { scopeOfCutoff } from "../../db/scope.ts";
import { lastSession, listSessions } from "../../db/sessions.ts";
import { listTasks } from "../../db/tasks.ts";
import { replyBody } from "../domain/attribution.ts";
import { statusRollups } from "../domain/status-rollup.ts";
import type { TaskSummary } from "../domain/types.ts";
import { CUTOFF_GRACE_DAYS } from "../reminders/task-status.ts";
import { isOverdue } from "../slack/format.ts";
import { editedMark, replyChanges } from "./changed.ts";
import { institutionStandings } from "./institutions.ts";
import {
  type CutoffRef,
  type DigestModel,
  type DigestTask,
  STATUS_KEYS,
  type StatusKey,
  statusOrNull,
  unansweredTasks,
} from "./model.ts";
import { cutoffMark, cutoffMarker, otherCutoffs } from "./other-cutoffs.ts";
import { withLateTasks } from "./other-late.ts";
import { passedUnanswered } from "./passed-unanswered.ts";
import { excerpt, newReplies, withdrawnReplies } from "./reply-lines.ts";
import { upcoming } from "./upcoming.ts";

/** Days ahead the "coming up" part looks (see upcoming.ts). */
export { UPCOMING_DAYS } from "./upcoming.ts";
/** `since` when nothing came before: the beginning. */
export const EPOCH = "1970-01-01T00:00:00.000Z";

/** What a build needs: the instant, the app's zone, and the period's start (null = default). */
export interface BuildOptions {
  now: DateTime;
  zone: string;
  /**
   * UTC ISO; null/undefined: since the previous digest's `now` (its `builtAt`), so a reply
   * stored between two digests is new in the later one only (db/activity.ts's windows: a
   * digest from a date, a draft, a failed delivery can repeat one); with no previous digest,
   * since the last session (none:
   * from the beginning). See `defaultSince`.
   */
  since?: string | null;
  /**
   * The cut-off the digest is about (the after-cut-off digest: the one that just passed).
   * null/undefined: the active one — the next not yet passed, else the last one passed within
   * the grace period (`/digest`, session drafts, the CLI).
   */
  cutoffId?: number | null;
  /**
   * The digest's cut-off already found (`digestCutoffOf`, by a request's repeat check: repeat.ts
   * `manualRequest`), so the build does not look for it again: that cut-off, or null for none.
   * Undefined, or a cut-off of another programme than the current one (the programme switched
   * since the request): found here, from `cutoffId` and `now`, as for a request that found none
   * to compare.
   */
  cutoff?: Cutoff | null;
}

/**
 * The digest as the store has it at `opts.now`, about cut-off `opts.cutoffId` when given (its
 * title, who answered and who did not, the figures), else about the active cut-off.
 * @throws Error when the store holds no programme, or `opts.cutoffId` names no live cut-off.
 */
export async function buildDigestModel(db: Db, opts: BuildOptions): Promise<DigestModel> {
  const programme = await currentProgramme(db);
  if (!programme) throw new Error("no programme in the store");
  const nowIso = opts.now.toUTC().toISO() ?? "";
  const previous = await previousDigest(db, nowIso);
  const since = opts.since ?? (await defaultSince(db, nowIso, previous?.builtAt));
  // New replies are those stored in [since, now), edits and withdrawals those made in [previous
  // digest's builtAt, now): the next digest starts where this one ends (changed.ts).
  const changeWindow = previous ? { since: previous.builtAt, until: nowIso } : null;
  const changed = await replyChanges(db, changeWindow);
  // The request's cut-off; of another programme now (switched since): the active one, as
  // for a request's cut-off removed since.
  const asked = opts.cutoff && opts.cutoff.programmeId !== programme.id ? undefined : opts.cutoff;
  const current =
    asked === undefined ? await digestCutoffOf(db, programme.id, opts) : (asked ?? undefined);
  // A reply to another live cut-off than the digest's is named with it (other-cutoffs.ts).
  const forCutoff = cutoffMarker(await listCutoffs(db), current?.id);
  const window = { since: since ?? EPOCH, until: nowIso };
  // Each reply's "(labota …)" mark: edited in the change window, or new here and edited.
  const edited = (r: ReplyActivity) => editedMark(r, changed, window);
  const tasks = await taskRows(db, programme, edited, forCutoff);
  const { counts, headings } = countStatuses(tasks);
  const titles = new Map(tasks.map((t) => [t.number, t.title]));
  // Status changes in [since, now), as new replies: one made during the build is the next digest's.
  const changes = await statusChangesSince(db, programme.code, since ?? EPOCH, nowIso);
  const next = (await listSessions(db, nowIso))[0];
  // Ids of removed cut-offs: a reply in such a thread (new, edited or withdrawn) is marked.
  const removed = new Set((await listRemovedCutoffs(db)).map((c) => c.cutoff.id));
  const replies = await newReplies(db, window, changed, [...titles.keys()], {
    removed,
    forCutoff,
    changeWindow,
    edited,
  });
  const institutions = await institutionStandings(db, programme.id, current, nowIso);
  const live = await otherCutoffs(db, programme.id, current?.id, opts.now, [...titles.keys()]);
  const others = await withLateTasks(db, live); // marked late/supplemented as on the Home
  // A cut-off that has just passed while the digest is about the next: who still owes it.
  const passed = (await passedUnanswered(db, programme.id, current?.id, opts.now)).map(
    ({ cutoff, institutions }) => ({
      id: cutoff.id,
      title: cutoff.title,
      at: cutoff.at,
      institutions: institutions.map((i) => ({
        code: i.code,
        unanswered: unansweredTasks(i),
        unverified: i.unverified,
      })),
    }),
  );
  const known = current ? { cutoffId: current.id, standings: institutions } : undefined;
  return {
    version: 1,
    programme: { code: programme.code, title: programme.title },
    builtAt: nowIso,
    since,
    requestedSince: opts.since ?? null,
    previous: previous ? { id: previous.id, builtAt: previous.builtAt } : null,
    counts,
    headings,
    moved: previous ? movedSince(counts, headings, previous.content) : null,
    statusChanges: changes.map((c) => ({
      number: c.number,
      title: titles.get(c.number) ?? "",
      before: statusOrNull(c.before),
      after: statusOrNull(c.after),
      at: c.at,
    })),
    replies: replies.received,
    editedReplies: replies.edited,
    withdrawn: withdrawnReplies(changed.withdrawn, removed, forCutoff),
    cutoff: current
      ? { id: current.id, title: current.title, at: current.at, passed: current.at < nowIso }
      : null,
    institutions,
    ...(others.length > 0 ? { otherCutoffs: others } : {}),
    ...(passed.length > 0 ? { passedNotAnswered: passed } : {}),
    // A heading (kept apart in the counts) is not overdue itself: its sub-tasks are, each on its own.
    overdue: tasks
      .filter((t) => !t.rollup && isOverdue(t.deadlineValue, t.statusValue, opts.now, opts.zone))
      .map((t) => ({
        number: t.number,
        title: t.title,
        due: t.deadlineValue.due ?? "",
        status: t.status,
        institutions: t.institutions,
      })),
    ...(await upcoming(db, opts, tasks, known)),
    nextSession: next ? { id: next.id, at: next.at, title: next.title } : null,
    tasks: tasks.map(({ deadlineValue: _d, statusValue: _s, ...t }) => t),
  };
}

/**
 * The cut-off a digest built with `opts` is about ({@link DigestModel.cutoff}): `opts.cutoffId`
 * when given, else the active one at `opts.now` (see {@link BuildOptions.cutoffId}); undefined
 * when there is none or it is not programme `programmeId`'s. Reads only.
 * @throws Error when `opts.cutoffId` names no cut-off in the store.
 */
export async function digestCutoffOf(
  db: Db,
  programmeId: number,
  opts: Pick<BuildOptions, "now" | "cutoffId">,
): Promise<Cutoff | undefined> {
  const cutoff = await digestCutoff(db, programmeId, opts, opts.now.toUTC().toISO() ?? "");
  return cutoff?.programmeId === programmeId ? cutoff : undefined;
}

/** Cut-off `opts.cutoffId` if given, else programme `programmeId`'s active one (`activeCutoff`). */
async function digestCutoff(
  db: Db,
  programmeId: number,
  opts: Pick<BuildOptions, "now" | "cutoffId">,
  nowIso: string,
): Promise<Cutoff | undefined> {
  if (opts.cutoffId !== undefined && opts.cutoffId !== null) {
    const cutoff = await findCutoff(db, opts.cutoffId);
    if (!cutoff) throw new Error(`no cut-off ${opts.cutoffId} in the store`);
    return cutoff;
  }
  return activeCutoff(
    db,
    nowIso,
    opts.now.minus({ days: CUTOFF_GRACE_DAYS }).toUTC().toISO() ?? "",
    programmeId,
  );
}

/**
 * Where a digest's period starts by default: the previous digest's instant (`previousAt`, its
 * `builtAt`, the end of its [since, now) window), so consecutive digests meet edge to edge and
 * no reply stored between them is skipped — not a later session: a reply stored after the
 * previous digest and before that session would then be in no digest. With no previous digest,
 * the last session at or before `nowIso`; with neither, null (from the beginning).
 */
async function defaultSince(
  db: Db,
  nowIso: string,
  previousAt: string | undefined,
): Promise<string | null> {
  if (previousAt !== undefined) return previousAt;
  return (await lastSession(db, nowIso))?.at ?? null;
}

type TaskRow = DigestTask & {
  deadlineValue: TaskSummary["deadline"];
  statusValue: TaskSummary["status"];
};

async function taskRows(
  db: Db,
  programme: Programme,
  edited: (r: ReplyActivity) => string | undefined,
  forCutoff: (cutoffId: number) => CutoffRef | undefined,
): Promise<TaskRow[]> {
  const summaries = await listTasks(db, programme.id);
  const scoped = await scopeOfCutoff(db, {
    programmeId: programme.id,
    taskNumbers: summaries.map((t) => t.number),
  });
  const byNumber = new Map(scoped.map((s) => [s.number, s]));
  // The tasks already read: no further query (the rule of `/task`'s views).
  const rollups = statusRollups(summaries);
  const latest = new Map<string, DigestTask["latest"]>();
  for (const r of await repliesSince(db, EPOCH)) {
    if (r.taskNumber === null) continue;
    const editedAt = edited(r);
    latest.set(r.taskNumber, {
      institution: r.institutionCode,
      at: r.receivedAt,
      excerpt: excerpt(replyBody(r.text, r.taskNumber)),
      ...(editedAt ? { edited: editedAt } : {}),
      ...cutoffMark(forCutoff(r.cutoffId)),
    });
  }
  return summaries.map((t) => ({
    number: t.number,
    parent: t.parent,
    title: t.title,
    deadline: t.deadline.text,
    status: t.status ?? "none",
    institutions: byNumber.get(t.number)?.institutions.map((i) => i.code) ?? [],
    latest: latest.get(t.number) ?? null,
    ...(t.status === null && rollups.has(t.number)
      ? { rollup: [...(rollups.get(t.number) ?? [])] }
      : {}),
    deadlineValue: t.deadline,
    statusValue: t.status,
  }));
}

/** Tasks by status, and the headings (tasks with a `rollup`) apart, as `/task`'s count line. */
function countStatuses(tasks: ReadonlyArray<Pick<DigestTask, "status" | "rollup">>): {
  counts: Record<StatusKey, number>;
  headings: number;
} {
  const counts = Object.fromEntries(STATUS_KEYS.map((k) => [k, 0])) as Record<StatusKey, number>;
  let headings = 0;
  for (const t of tasks) {
    if (t.rollup) headings++;
    else counts[t.status]++;
  }
  return { counts, headings };
}

/**
 * Counts now minus the previous digest's. A previous digest stored before headings were counted
 * apart (no `headings`) counted them under "none": compared with those, "none" adds them back,
 * so the move shows a status change, not the change of rule.
 */
function movedSince(
  counts: Record<StatusKey, number>,
  headings: number,
  previousContent: string,
): Record<StatusKey, number> | null {
  const previous = JSON.parse(previousContent) as Partial<DigestModel>;
  const before = previous.counts;
  if (!before) return null;
  const now = { ...counts, none: counts.none + (previous.headings === undefined ? headings : 0) };
  return Object.fromEntries(STATUS_KEYS.map((k) => [k, now[k] - (before[k] ?? 0)])) as Record<
    StatusKey,
    number
  >;
}
