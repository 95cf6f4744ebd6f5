/**
 * The institution part of a digest: for the digest's cut-off, which tasks each institution has
 * answered (by a contact, or only unverified) and which are missing, the chart's status mix
 * (by verified replies only: a task replied to only unverified is "no reply" in the chart),
 * and the response rate over the cut-offs that have passed and it was reminded for (an institution
 * never reminded is not rated, not 0 %). Only a verified reply (by one of the
 * institution's contacts) answers a task, as in the annex and the reminders.
 */
import type { ReplyActivity } from "../../db/activity.ts";
import { repliesOfCutoff, repliesSince } from "../../db/activity.ts";
import type { Db } from "../../db/client.ts";
import { type Cutoff, listCutoffs } from "../../db/cutoffs.ts";
import { listInstitutions } from "../../db/institutions.ts";
import { listReminders } from "../../db/reminders.ts";
import { type ScopedTask, scopeOfCutoff, tasksByInstitution } from "../../db/scope.ts";
import { answeredInTime } from "../domain/late-reply.ts";
import {
  answerStanding,
  type ChartStatus,
  type InstitutionStanding,
  type ResponseRate,
} from "./model.ts";
import { type ChannelReach, channelReach } from "./reach.ts";

const EPOCH = "1970-01-01T00:00:00.000Z";

/**
 * A verified reply's claim as the chart counts it: done and partial as such, anything else in
 * progress. A task with no verified reply is "no_reply" (see `standingsOf`).
 */
export function chartStatusOf(claim: string | null): ChartStatus {
  if (claim === "done") return "done";
  if (claim === "partial") return "partial";
  return "in_progress";
}

function emptyChart(): Record<ChartStatus, number> {
  return { done: 0, partial: 0, in_progress: 0, no_reply: 0 };
}

/**
 * Standings of every institution with tasks in `scope`, by code, judged by `replies` (active
 * ones of the cut-off, or all when there is no cut-off). `rates` by institution id.
 */
function standingsOf(
  scope: ScopedTask[],
  replies: ReplyActivity[],
  names: ReadonlyMap<number, { code: string; name: string }>,
  rates: Map<number, InstitutionStanding["rate"]>,
): InstitutionStanding[] {
  const out: InstitutionStanding[] = [];
  for (const [institutionId, tasks] of tasksByInstitution(scope)) {
    const who = names.get(institutionId);
    if (!who) continue;
    const mine = replies.filter((r) => r.institutionCode === who.code);
    const numbers = tasks.map((t) => t.number);
    const standing: InstitutionStanding = {
      code: who.code,
      name: who.name,
      tasks: numbers,
      ...answerStanding(numbers, mine),
      rate: rates.get(institutionId) ?? null,
      chart: emptyChart(),
    };
    // By the latest verified reply only: an unverified one answers nothing (answerStanding), so
    // a task replied to only by someone who is not a contact is "no reply" here too.
    for (const task of tasks) {
      const latest = mine.filter((r) => r.taskNumber === task.number && r.verified).at(-1);
      standing.chart[latest ? chartStatusOf(latest.statusClaim) : "no_reply"]++;
    }
    out.push(standing);
  }
  return out.sort((a, b) => a.code.localeCompare(b.code, "lv"));
}

/**
 * How many of the tasks `replied` (answered by a verified reply among `replies`) were answered
 * only after the cut-off's instant `cutoffAt` (UTC ISO): none of their verified replies was
 * received at or before it ({@link answeredInTime}, src/domain/late-reply.ts: the rule `/task`,
 * the reminders and the Home follow, so none calls late a task counted here as in time).
 */
function lateAnswers(
  replied: readonly string[],
  replies: readonly ReplyActivity[],
  cutoffAt: string,
): number {
  const verifiedAts = (n: string) =>
    replies.filter((r) => r.verified && r.taskNumber === n).map((r) => r.receivedAt);
  return replied.filter((n) => !answeredInTime(verifiedAts(n), cutoffAt)).length;
}

/**
 * Response rate per institution id over the programme's cut-offs that passed before `nowIso`:
 * of the tasks each was asked about, how many it answered (an active verified reply for that
 * cut-off, whenever it came; an unverified one does not count, see {@link answerStanding}). A
 * cut-off counts for an institution only when it was reminded (a reminder of that institution
 * and cut-off "sent", from the store, whatever its channel is today) or answered everything;
 * else it is counted in `unreminded` and, by why, in `unremindedBy` (see {@link ResponseRate}):
 * a reminder of it failed "no_mapping" and it has no Slack channel today, or none failed and it
 * has none today (`reach.noChannel`) → no channel (one that failed "no_mapping" and has a channel
 * now: unreachable when that channel is known unreachable, else not sent); one failed for another reason (Slack refused it) →
 * undelivered; none failed and its channel is known unreachable today (`reach.unreachable`,
 * see reach.ts) → unreachable; else not sent. A past cut-off's scope is read as it is now. Tasks
 * answered only after the cut-off's time are counted in `late` ({@link lateAnswers}).
 */
async function responseRates(
  db: Db,
  programmeId: number,
  nowIso: string,
  names: Map<number, { code: string; name: string }>,
  reach: ChannelReach,
): Promise<Map<number, ResponseRate>> {
  const passed = (await listCutoffs(db)).filter(
    (c) => c.programmeId === programmeId && c.at < nowIso,
  );
  const totals = new Map<number, ResponseRate>();
  for (const cutoff of passed) {
    const replies = await repliesOfCutoff(db, cutoff.id);
    const reminders = await listReminders(db, cutoff.id);
    const sent = new Set(reminders.filter((r) => r.state === "sent").map((r) => r.institutionId));
    const failed = reminders.filter((r) => r.state === "failed");
    const unmapped = new Set(
      failed.filter((r) => r.detail === "no_mapping").map((r) => r.institutionId),
    );
    // Failed for another reason (Slack refused: channel_not_found, not_in_channel, …), by id.
    const undelivered = new Map<number, number>();
    for (const r of failed)
      if (r.detail !== "no_mapping")
        undelivered.set(r.institutionId, (undelivered.get(r.institutionId) ?? 0) + 1);
    for (const [institutionId, tasks] of tasksByInstitution(await scopeOfCutoff(db, cutoff))) {
      const code = names.get(institutionId)?.code;
      const t = totals.get(institutionId) ?? { answered: 0, asked: 0, cutoffs: 0 };
      const mine = replies.filter((r) => r.institutionCode === code);
      const { replied } = answerStanding(
        tasks.map((task) => task.number),
        mine,
      );
      if (!sent.has(institutionId) && replied.length < tasks.length) {
        // Never reminded for this cut-off: not non-responsive, left out of the rate.
        t.unreminded = (t.unreminded ?? 0) + 1;
        const by = t.unremindedBy ?? { noChannel: 0, undelivered: 0, notSent: 0 };
        const refused = undelivered.get(institutionId) ?? 0;
        // Failed "no_mapping" then, but a channel is mapped now: today's reach names it, so a
        // channel known unreachable reads as unreachable, never as "no channel".
        if (unmapped.has(institutionId) && !reach.noChannel.has(institutionId))
          if (reach.unreachable.has(institutionId)) by.unreachable = (by.unreachable ?? 0) + 1;
          else by.notSent++;
        else if (unmapped.has(institutionId)) by.noChannel++;
        else if (refused > 0) {
          by.undelivered++;
          t.undeliveredReminders = (t.undeliveredReminders ?? 0) + refused;
        } else if (reach.noChannel.has(institutionId)) by.noChannel++;
        else if (reach.unreachable.has(institutionId)) by.unreachable = (by.unreachable ?? 0) + 1;
        else by.notSent++;
        t.unremindedBy = by;
        if (by.noChannel > 0) t.noChannel = true;
      } else {
        t.asked += tasks.length;
        t.answered += replied.length;
        t.cutoffs += 1;
        const late = lateAnswers(replied, mine, cutoff.at);
        if (late > 0) t.late = (t.late ?? 0) + late;
      }
      totals.set(institutionId, t);
    }
  }
  return totals;
}

/**
 * Every institution's standing for `cutoff` as {@link institutionStandings} has it, without the
 * response rates (`rate` null): who answered which of its tasks, for the lists of who has not
 * answered another cut-off (passed-unanswered.ts), which need no rate. `names`: every
 * institution's code and name by id ({@link institutionNames}, read once by the caller for all
 * its cut-offs). Sorted by code. Reads the cut-off's scope (two queries; one when it holds no task) and its
 * replies (one).
 */
export async function cutoffStandings(
  db: Db,
  cutoff: Cutoff,
  names: ReadonlyMap<number, { code: string; name: string }>,
): Promise<InstitutionStanding[]> {
  return standingsOf(
    await scopeOfCutoff(db, cutoff),
    await repliesOfCutoff(db, cutoff.id),
    names,
    new Map(),
  );
}

/** Every institution's code and name by id, as {@link cutoffStandings} names them. One query. */
export async function institutionNames(
  db: Db,
): Promise<Map<number, { code: string; name: string }>> {
  return new Map((await listInstitutions(db)).map((i) => [i.id, { code: i.code, name: i.name }]));
}

/**
 * Every institution's standing for `cutoff` (the digest's one), or — without a cut-off — over
 * the default scope and all replies on record. Sorted by code.
 */
export async function institutionStandings(
  db: Db,
  programmeId: number,
  cutoff: Cutoff | undefined,
  nowIso: string,
): Promise<InstitutionStanding[]> {
  const scope = await scopeOfCutoff(db, cutoff ?? { programmeId, taskNumbers: null });
  const replies = cutoff ? await repliesOfCutoff(db, cutoff.id) : await repliesSince(db, EPOCH);
  const names = await institutionNames(db);
  const rates = await responseRates(db, programmeId, nowIso, names, await channelReach(db));
  return standingsOf(scope, replies, names, rates);
}
