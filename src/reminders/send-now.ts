import { ErrorCode } from "@slack/web-api";
import type { Job } from "bullmq";
import { DelayedError } from "bullmq";
import type { DateTime } from "luxon";
import { getMapping } from "../../db/contacts.ts";
import { type Cutoff, findCutoff } from "../../db/cutoffs.ts";
import {
  listReminders,
  type Reminder,
  replanFailed,
  upsertPlannedReminder,
} from "../../db/reminders.ts";
import { type Delivery, deliver } from "../../jobs/send-reminder.ts";
import type { JobDeps } from "../../jobs/types.ts";
import { BY_HAND_KIND, OVERDUE_KIND } from "../domain/reminder-plan.ts";
import type { UnreachableSecretary } from "./notify.ts";
import { planCutoff } from "./plan.ts";

/** What `remind --now` did for one institution. */
export interface SentNow {
  institution: string;
  kind: string;
  /**
   * "sent", "all_answered", "no_mapping", "channel_not_found", … (see send-reminder), or
   * {@link SLACK_UNREACHABLE}.
   */
  result: string;
}

/**
 * What {@link sendNow} did: one {@link SentNow} per institution tried, and the secretaries the
 * app could not tell of a failed reminder (Slack refused the direct message), each once, in the
 * order first met — for the CLI to say in words (the server's log has its own line).
 */
export interface SendNowReport {
  results: SentNow[];
  unreachableSecretaries: UnreachableSecretary[];
}

/**
 * The result for the institution whose reminder could not go out because Slack did not answer
 * (connection refused or dropped, DNS, timeout): {@link sendNow} stops there.
 */
export const SLACK_UNREACHABLE = "slack_unreachable";

/**
 * Sends a cut-off's reminders by hand, now: one per institution that still has one coming in the
 * current phase (before the cut-off the reminders before it, after it the overdue one). Its
 * reminder already due (the app was down, or a run stopped half-way: "sending") is sent as the
 * queue would send it; else a reminder of its own is added for now (kind {@link BY_HAND_KIND}) and
 * sent, and the plan's rows are left as they are: they still go out at their times. Each goes
 * through the same idempotent processor the queue uses, so it says what the queue would (all
 * answered, no channel) and posts in the institution's thread. An institution with nothing
 * left to send in the phase whose latest reminder of that phase failed (no channel, a channel
 * Slack refused: fixed since with `/institution set`) gets that reminder again: it is planned
 * again and sent the same way; failing again, it stays failed and is reported so.
 * Slack's 429s and the per-channel pace are waited out in the foreground. When Slack does not
 * answer, it stops at that institution ({@link SLACK_UNREACHABLE}) and leaves its reminder to
 * be sent again. Empty `results` mean nothing was due: {@link earlierReminders} says why.
 * @throws CutoffNotFoundError when the cut-off does not exist (or was removed).
 */
export async function sendNow(deps: JobDeps, cutoffId: number): Promise<SendNowReport> {
  const cutoff = await findCutoff(deps.db, cutoffId);
  if (!cutoff) throw new CutoffNotFoundError(cutoffId);
  const now = deps.clock.now().toUTC();
  const nowIso = now.toISO() ?? "";
  // The app's plan stands (it may use other offsets than this process's configuration);
  // plan here only for a cut-off the app has not planned yet.
  if ((await listReminders(deps.db, cutoffId)).length === 0) {
    const settings = {
      offsets: deps.config.reminderOffsets,
      time: deps.config.reminderTime,
      zone: deps.config.timezone,
    };
    await planCutoff(deps.db, cutoff, settings, nowIso);
  }
  const chosen = chooseNow(await listReminders(deps.db, cutoffId), cutoff, nowIso);
  const out: SentNow[] = [];
  const notTold = new Map<string, UnreachableSecretary>();
  for (const { reminder: planned, retry, byHand } of chosen) {
    const code =
      (await getMapping(deps.db, planned.institutionId))?.code ?? String(planned.institutionId);
    const r = byHand ? await addByHand(deps, cutoff, planned.institutionId, now) : planned;
    const data = { reminderId: r.id, cutoffId, at: r.scheduledAt };
    try {
      if (retry) await replanFailed(deps.db, r.id);
      const done = await runInForeground(deps, data);
      out.push({ institution: code, kind: r.kind, result: done.result });
      for (const s of done.unreachableSecretaries) if (!notTold.has(s.user)) notTold.set(s.user, s);
    } catch (error) {
      if (!isRequestError(error)) throw error;
      // Slack did not answer: the reminder is left as the job leaves it for a retry ("planned",
      // or "sending" when the post may have gone out), so the next run — or the queued job —
      // looks for it in Slack before posting it. The rest are not tried: each could only fail
      // the same way (and an unmapped one would be marked failed with its report to the
      // secretary lost).
      out.push({ institution: code, kind: r.kind, result: SLACK_UNREACHABLE });
      break;
    }
  }
  return { results: out, unreachableSecretaries: [...notTold.values()] };
}

/**
 * A reminder row of its own for `remind --now` ({@link BY_HAND_KIND}): planned for now, on the
 * whole minute (as `/cutoff plan` shows it), not before the cut-off once it has passed — the
 * processor words a reminder planned at or after the cut-off as the overdue one.
 */
async function addByHand(
  deps: JobDeps,
  cutoff: Cutoff,
  institutionId: number,
  now: DateTime,
): Promise<Reminder> {
  const minute = now.startOf("minute").toISO() ?? "";
  const past = (now.toISO() ?? "") >= cutoff.at;
  // A run in the same millisecond as an earlier one (a fixed clock) gets a kind of its own too.
  for (let n = 0; ; n++) {
    const row = await upsertPlannedReminder(deps.db, {
      cutoffId: cutoff.id,
      institutionId,
      kind: `${BY_HAND_KIND}${now.toMillis()}${n === 0 ? "" : `-${n}`}`,
      scheduledAt: past && minute < cutoff.at ? cutoff.at : minute,
      cutoffAt: cutoff.at,
    });
    if (row.state === "planned") return row;
  }
}

/**
 * Whether a reminder belongs to the phase `remind --now` sends in: before the cut-off or after
 * (the overdue one, or one sent by hand after the cut-off).
 */
function inPhase(r: Reminder, beforeCutoff: boolean): boolean {
  return (r.kind === OVERDUE_KIND || r.scheduledAt >= r.cutoffAt) !== beforeCutoff;
}

/**
 * What {@link sendNow} sends, by time then institution: per institution its earliest planned
 * (or "sending") reminder of the phase — that row itself when its time has come or it was left
 * "sending", else one of its own (`byHand`, the row only naming the institution) — else, when
 * the latest of the phase planned for the cut-off's present time failed, that one again (`retry`).
 */
function chooseNow(
  rows: Reminder[],
  cutoff: Cutoff,
  nowIso: string,
): { reminder: Reminder; retry: boolean; byHand: boolean }[] {
  const beforeCutoff = nowIso < cutoff.at;
  const phase = rows.filter((r) => inPhase(r, beforeCutoff));
  const chosen = new Map<number, { reminder: Reminder; retry: boolean; byHand: boolean }>();
  const open = phase.filter((r) => r.state === "planned" || r.state === "sending");
  // One left "sending" first: it may have been posted, and is looked up before anything else.
  for (const r of [...open.filter((r) => r.state === "sending"), ...open])
    if (!chosen.has(r.institutionId)) {
      const byHand = r.state === "planned" && r.scheduledAt > nowIso;
      chosen.set(r.institutionId, { reminder: r, retry: false, byHand });
    }
  const latest = new Map<number, Reminder>();
  for (const r of phase) {
    if (r.cutoffAt !== cutoff.at || chosen.has(r.institutionId)) continue;
    const best = latest.get(r.institutionId);
    const later =
      !best ||
      r.scheduledAt > best.scheduledAt ||
      (r.scheduledAt === best.scheduledAt && r.id > best.id);
    if (later) latest.set(r.institutionId, r);
  }
  for (const r of latest.values())
    if (r.state === "failed")
      chosen.set(r.institutionId, { reminder: r, retry: true, byHand: false });
  return [...chosen.values()].sort(
    (a, b) =>
      (a.byHand ? nowIso : a.reminder.scheduledAt).localeCompare(
        b.byHand ? nowIso : b.reminder.scheduledAt,
      ) || a.reminder.institutionId - b.reminder.institutionId,
  );
}

/** A cut-off's reminders before this run, for the line that says why nothing was sent. */
export interface EarlierReminders {
  /** Reminders sent. */
  sent: number;
  /** Reminders skipped, by reason ("all_answered", "superseded", …), in order of first mention. */
  skipped: Map<string, number>;
  /** Reminders that failed and are not sent again (a later one followed, or their phase is over). */
  failed: number;
  /** Before the cut-off: reminders still planned for after it (the overdue ones). */
  plannedAfter: number;
}

/**
 * How a cut-off's reminders stand (all its rows, any cut-off time): what `remind --now` says
 * when {@link sendNow} had nothing to send, so the line is true — sent before, skipped and why,
 * failed for good, and what is still to come after the cut-off.
 */
export async function earlierReminders(
  deps: Pick<JobDeps, "db" | "clock">,
  cutoffId: number,
): Promise<EarlierReminders> {
  const cutoff = await findCutoff(deps.db, cutoffId);
  const nowIso = deps.clock.now().toISO() ?? "";
  const beforeCutoff = cutoff !== undefined && nowIso < cutoff.at;
  const out: EarlierReminders = { sent: 0, skipped: new Map(), failed: 0, plannedAfter: 0 };
  for (const r of await listReminders(deps.db, cutoffId)) {
    if (r.state === "sent") out.sent++;
    else if (r.state === "failed") out.failed++;
    else if (r.state === "skipped") {
      const reason = r.detail ?? "";
      out.skipped.set(reason, (out.skipped.get(reason) ?? 0) + 1);
    } else if (beforeCutoff && r.kind === OVERDUE_KIND) out.plannedAfter++;
  }
  return out;
}

/** A Web API call that got no answer (WebClient's RequestError: fetch failed, timed out). */
function isRequestError(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { code?: unknown }).code === ErrorCode.RequestError
  );
}

/**
 * Thrown by {@link sendNow} for a cut-off id the store does not hold. The message is English
 * for logs; the CLI says it in the console's language (`noCutoff` in i18n/cli.ts, as `replies`
 * does), exit 1.
 */
export class CutoffNotFoundError extends Error {
  /** The id asked for. */
  readonly cutoffId: number;
  constructor(cutoffId: number) {
    super(`cut-off ${cutoffId} not found`);
    this.name = "CutoffNotFoundError";
    this.cutoffId = cutoffId;
  }
}

async function runInForeground(
  deps: JobDeps,
  data: { reminderId: number; cutoffId: number; at: string },
): Promise<Delivery> {
  for (let attempt = 0; attempt < 10; attempt++) {
    let until = 0;
    const job = {
      moveToDelayed: async (timestamp: number) => {
        until = timestamp;
      },
    } as unknown as Job;
    try {
      return await deliver(data, deps, { job, token: undefined });
    } catch (error) {
      if (!(error instanceof DelayedError)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, until - Date.now())));
    }
  }
  return { result: "rate_limited", unreachableSecretaries: [] };
}
