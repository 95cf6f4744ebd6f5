/**
 * What the App Home shows a user, read from the store: the programme's status counts, the
 * next session and the current cut-off (by number, said to have passed once it has) for
 * everyone; for a secretary the institutions that have not answered it; for an institution
 * contact its institutions' tasks and what is still missing from them, for the current cut-off
 * and for any other that has passed within the grace days (a reply to it is late, still
 * welcome, in its reminder thread, or, when its reminder could not be posted, through the
 * reminder's "Submit update" modal from the Home). With more than one live cut-off, the other
 * ones' replies are named with their cut-off, as the digest names them (`otherCutoffs`,
 * src/digest/other-cutoffs.ts), so "not answered for #2" and a reply to #1 never read as a
 * contradiction.
 */
import type { DateTime } from "luxon";
import type { Db } from "../../db/client.ts";
import { institutionsOfContact } from "../../db/contacts.ts";
import { activeCutoff } from "../../db/cutoffs.ts";
import { listInstitutions } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { listReminders } from "../../db/reminders.ts";
import { nextSession } from "../../db/sessions.ts";
import { listTasks, listTasksOfInstitution } from "../../db/tasks.ts";
import { findThread } from "../../db/threads.ts";
import { preferredLocale } from "../../db/user-settings.ts";
import type { Locale } from "../config.ts";
import { institutionStandings } from "../digest/institutions.ts";
import {
  type InstitutionStanding,
  STATUS_KEYS,
  type StatusKey,
  unansweredTasks,
} from "../digest/model.ts";
import { otherCutoffs } from "../digest/other-cutoffs.ts";
import { type HomeOtherCutoff, withLateTasks } from "../digest/other-late.ts";
import { passedUnanswered } from "../digest/passed-unanswered.ts";
import { channelReach } from "../digest/reach.ts";
import { type ProgrammeSize, programmeSize } from "../domain/programme-size.ts";
import { isHeading, type StatusRollup, statusRollups } from "../domain/status-rollup.ts";
import type { TaskSummary } from "../domain/types.ts";
import { CUTOFF_GRACE_DAYS, type UnreachableWhy } from "../reminders/task-status.ts";

/**
 * An institution's reminder thread for a cut-off: its channel and its root message's ts
 * (db/threads.ts). A reply counts for the cut-off whose thread (or whose "Submit update" button
 * there) it came from, so a line about a passed cut-off links it.
 */
export interface HomeThread {
  channelId: string;
  ts: string;
}

/**
 * What the store knows now about an institution's channel, when reminders cannot reach it:
 * "no_channel" (none set: its reminders fail "no_mapping"), or why the app cannot post there
 * (`channel_checks`' last answer with no reminder sent there since: "not_found", "not_member",
 * "archived").
 */
export type HomeChannelProblem = "no_channel" | UnreachableWhy;

/** An institution the user answers for: its tasks and the task numbers still missing. */
export interface HomeInstitution {
  /**
   * The institution's id (institutions.id): what its "Submit update" buttons carry. Absent (a
   * literal built before it was kept): no buttons.
   */
  id?: number;
  code: string;
  name: string;
  tasks: TaskSummary[];
  /** Not answered for the current cut-off ({@link HomeData.cutoff}), in task order. */
  missing: string[];
  /**
   * Whether the current cut-off's scope holds any of the institution's tasks (it has a standing
   * for it). `false`: the cut-off asks it nothing, so nothing is said of it as "all submitted".
   * Absent (a literal built before it was kept): asked.
   */
  asked?: boolean;
  /**
   * The institution's reminder thread for the current cut-off, read only when `missing` has
   * tasks (the line then links where a reply goes). Absent: none (no reminder started one), or
   * not needed.
   */
  thread?: HomeThread;
  /**
   * Why the institution's reminder for the current cut-off could not be posted (the latest
   * failed reminder's Slack error, `reminders.detail`: "not_in_channel", "channel_not_found", …;
   * "" when none was kept), set only when `missing` has tasks and there is no thread: the Home
   * then offers the reminder's "Submit update" buttons instead. Absent: no failed delivery.
   */
  undelivered?: string;
  /**
   * The institution's channel as the store has it now, when reminders cannot reach it
   * (`channelReach`, src/digest/reach.ts, the digest's rule; see {@link HomeChannelProblem}),
   * so that a line with no thread says so and a failed delivery's reason is not a stale one.
   * Absent: a channel is set and not known unreachable.
   */
  channel?: HomeChannelProblem;
  /**
   * The other cut-offs that have passed within the grace days which the institution has not
   * answered fully (`passedUnanswered`, the secretary's list), latest first: each one's id and
   * time (UTC ISO), the task numbers not answered for it and the institution's reminder thread
   * for it (absent: none), or, with no thread, why its reminder could not be posted
   * (`undelivered`, as {@link HomeInstitution.undelivered}). A reply is late by now, but still
   * counts. Absent or empty: none.
   */
  missingPassed?: Array<{
    id: number;
    at: string;
    tasks: string[];
    thread?: HomeThread;
    undelivered?: string;
  }>;
}

/** The App Home's data. Times are UTC ISO. */
export interface HomeData {
  programme: { code: string; title: string } | null;
  /**
   * The programme's tasks by their own status, headings left out (they are in `headings`):
   * "none" counts only tasks without sub-tasks and without a status, as the `/task` overview.
   */
  counts: Record<StatusKey, number>;
  /**
   * How many of the programme's tasks are headings (10, 10.1, 13: no status of their own,
   * sub-tasks under them; `isHeading` in src/domain/status-rollup.ts), counted apart as the
   * `/task` overview counts them, not as "no result indicator".
   */
  headings: number;
  /**
   * The programme's size as the README counts it, tasks and sub-tasks apart (`programmeSize`,
   * src/domain/programme-size.ts): "26 uzdevumi un 9 apakšuzdevumi", as `/task help` says it.
   * Absent (a literal built before it was kept): the rows counted as tasks.
   */
  size?: ProgrammeSize;
  /**
   * `statusRollups` of the programme's tasks, keyed by number: a heading among `mine`'s tasks
   * lists as "📂 *13* … (✅ 4)" (`taskLines`), as in `/task`. Empty without a programme.
   */
  rollups: ReadonlyMap<string, StatusRollup>;
  nextSession: { at: string; title: string } | null;
  /**
   * The current cut-off (`activeCutoff`: the next not passed, else the last passed within the
   * grace days), the one the digest is about: `id` as `/cutoff list` numbers it, `passed` when
   * its time is not after now. Both absent (a literal built before they were kept): unnamed.
   */
  cutoff: { id?: number; title: string; at: string; passed?: boolean } | null;
  /**
   * The programme's other live cut-offs shown at now (ahead, or passed within the grace days)
   * with replies filed under a task, earliest first (`otherCutoffs`, as the digest has them),
   * each institution's tasks whose reply came after that cut-off's time in its `late`
   * (`withLateTasks`, src/digest/other-late.ts). Absent or empty: none.
   */
  otherCutoffs?: HomeOtherCutoff[];
  /** Set for secretaries: institutions with tasks still missing for the cut-off. */
  notAnswered: InstitutionStanding[] | null;
  /**
   * Set for secretaries: the programme's other cut-offs that have passed within the grace days,
   * latest first, each with the institutions that have not answered it (`passedUnanswered`,
   * src/digest/passed-unanswered.ts, the digest's list and rule: an unverified reply answers
   * nothing; standings without response rates); those all answered are left out. Absent or
   * empty: none.
   */
  otherNotAnswered?: Array<{
    id: number;
    title: string;
    at: string;
    institutions: InstitutionStanding[];
  }>;
  /** The institutions the user is a contact of. */
  mine: HomeInstitution[];
  /** The language the user chose in the app; null = as Slack says (db/user-settings.ts). */
  language: Locale | null;
}

/**
 * Reads the Home data for `userId` at `now`; `secretary` says whether to add their part. The
 * counts and roll-ups come from the programme's one task list (no read per task).
 */
export async function homeData(
  db: Db,
  userId: string,
  opts: { now: DateTime; secretary: boolean },
): Promise<HomeData> {
  const programme = await currentProgramme(db);
  const counts = Object.fromEntries(STATUS_KEYS.map((k) => [k, 0])) as Record<StatusKey, number>;
  const nowIso = opts.now.toUTC().toISO() ?? "";
  const session = await nextSession(db, nowIso);
  const base = {
    programme: programme ? { code: programme.code, title: programme.title } : null,
    counts,
    headings: 0,
    rollups: new Map<string, StatusRollup>() as ReadonlyMap<string, StatusRollup>,
    nextSession: session ? { at: session.at, title: session.title } : null,
    language: await preferredLocale(db, userId),
  };
  if (!programme) return { ...base, cutoff: null, notAnswered: null, mine: [] };
  const tasks = await listTasks(db, programme.id);
  // One rule with `/task` (render-overview.ts): a heading is counted apart, by its own count.
  const rollups = statusRollups(tasks);
  let headings = 0;
  for (const t of tasks) {
    if (isHeading(t, rollups.has(t.number))) headings++;
    else counts[t.status ?? "none"]++;
  }
  const grace = opts.now.minus({ days: CUTOFF_GRACE_DAYS }).toUTC().toISO() ?? "";
  const found = await activeCutoff(db, nowIso, grace);
  const cutoff = found?.programmeId === programme.id ? found : undefined;
  const standings = await institutionStandings(db, programme.id, cutoff, nowIso);
  const ids = new Set(await institutionsOfContact(db, userId));
  // Cut-offs just passed that someone still owes: the secretary's lists, a contact's own part.
  const passed =
    opts.secretary || ids.size > 0
      ? await passedUnanswered(db, programme.id, cutoff?.id, opts.now)
      : [];
  // Read once for all (three queries), only for a contact.
  const reach = ids.size > 0 ? await channelReach(db) : undefined;
  const mine: HomeInstitution[] = [];
  for (const inst of (await listInstitutions(db)).filter((i) => ids.has(i.id))) {
    const missingPassed: NonNullable<HomeInstitution["missingPassed"]> = [];
    for (const { cutoff: c, institutions } of passed) {
      const standing = institutions.find((s) => s.code === inst.code);
      if (!standing) continue;
      const where = await deliveryOf(db, c.id, inst.id);
      missingPassed.push({ id: c.id, at: c.at, tasks: unansweredTasks(standing), ...where });
    }
    // Not answered: no reply, or only an unverified one (not by a contact), as in the digest.
    const standing = standings.find((s) => s.code === inst.code);
    const missing = unansweredOf(standing);
    const channel: HomeChannelProblem | undefined = reach?.noChannel.has(inst.id)
      ? "no_channel"
      : reach?.unreachable.get(inst.id);
    mine.push({
      id: inst.id,
      code: inst.code,
      name: inst.name,
      tasks: await listTasksOfInstitution(db, programme.id, inst.id),
      missing,
      asked: standing !== undefined && standing.tasks.length > 0,
      ...(cutoff && missing.length > 0 ? await deliveryOf(db, cutoff.id, inst.id) : {}),
      ...(missingPassed.length > 0 ? { missingPassed } : {}),
      ...(channel !== undefined ? { channel } : {}),
    });
  }
  const others = await otherCutoffs(
    db,
    programme.id,
    cutoff?.id,
    opts.now,
    tasks.map((t) => t.number),
  );
  // The digest's list (passed-unanswered.ts), so the Home and the digest name the same ones.
  const otherNotAnswered = opts.secretary
    ? passed.map((p) => ({
        id: p.cutoff.id,
        title: p.cutoff.title,
        at: p.cutoff.at,
        institutions: p.institutions,
      }))
    : [];
  return {
    ...base,
    headings,
    size: programmeSize(tasks),
    rollups,
    cutoff: cutoff
      ? { id: cutoff.id, title: cutoff.title, at: cutoff.at, passed: cutoff.at <= nowIso }
      : null,
    otherCutoffs: await withLateTasks(db, others),
    notAnswered: opts.secretary ? standings.filter((s) => unansweredTasks(s).length > 0) : null,
    ...(otherNotAnswered.length > 0 ? { otherNotAnswered } : {}),
    mine,
  };
}

/**
 * Where institution `institutionId`'s reply to cut-off `cutoffId` goes: `{ thread }`, its
 * reminder thread; else `{ undelivered }`, the Slack error of its latest failed reminder for the
 * cut-off (src/reminders/failed.ts records it; "" when none was kept); else `{}` (no reminder
 * tried yet).
 */
async function deliveryOf(
  db: Db,
  cutoffId: number,
  institutionId: number,
): Promise<{ thread?: HomeThread; undelivered?: string }> {
  const found = await findThread(db, cutoffId, institutionId);
  if (found) return { thread: { channelId: found.channelId, ts: found.threadTs } };
  // listReminders is in time order: the last failed one is the latest.
  const failed = (await listReminders(db, cutoffId))
    .filter((r) => r.institutionId === institutionId && r.state === "failed")
    .at(-1);
  return failed ? { undelivered: failed.detail ?? "" } : {};
}

/**
 * The task numbers an institution has not answered ({@link unansweredTasks}); none without a
 * standing.
 */
function unansweredOf(standing: InstitutionStanding | undefined): string[] {
  return standing ? unansweredTasks(standing) : [];
}
