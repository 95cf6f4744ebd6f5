/**
 * A reminder that could not be delivered (no channel mapped, or a channel Slack refused): the
 * row is failed, the operator's log gets a line, and the secretaries are told once per
 * institution, cut-off and problem. Used by the send-reminder job (jobs/send-reminder.ts), which
 * `remind --now` runs in the foreground too.
 */
import { auditFor, recordAudit } from "../../db/audit.ts";
import { listReminders, markSkipped, type Reminder } from "../../db/reminders.ts";
import type { JobDeps } from "../../jobs/types.ts";
import { reminderText } from "../i18n/reminder.ts";
import { escapeMrkdwn } from "../slack/fit.ts";
import { notifySecretaries, type UnreachableSecretary } from "./notify.ts";

/** The problem of an institution with no channel mapped (the row's detail). */
export const NO_CHANNEL = "no_mapping";

/** The log line of a reminder not sent for want of a channel (info; not a delivery failure). */
export const NO_CHANNEL_LOG = "reminder not sent: no channel mapped";

/**
 * Audit field of a delivery problem told to the secretaries (entity "reminder", key
 * "<cutoffId>:<institutionId>", `after` the problem): what {@link report} reads to tell it once.
 */
const PROBLEM_TOLD = "problem_told";

/** What {@link failReminder} leaves: the problem (the job's result) and who could not be told. */
export interface Failed {
  problem: string;
  /** Secretaries the note of the problem did not reach (empty when none was asked). */
  unreachableSecretaries: UnreachableSecretary[];
}

/**
 * A reminder that cannot be delivered (`no_mapping`, or a permanent Slack error such as
 * `channel_not_found`): the secretaries are told ({@link report}, once per institution, cut-off
 * and problem), the operator's log gets a line (ids, the institution's code and the problem; no
 * names, no text), the row is failed. A Slack refusal is a delivery failure: one warn line,
 * "reminder not delivered", each time. No channel mapped is a known state of the configuration:
 * an info line, {@link NO_CHANNEL_LOG}, when the secretaries are told of it, debug at the
 * institution's further reminders of the cut-off (a run with ten unmapped institutions and a
 * backlog of offsets wrote a warn line for each reminder).
 */
export async function failReminder(
  deps: JobDeps,
  reminder: Reminder,
  code: string,
  problem: string,
  cutoffTitle: string,
): Promise<Failed> {
  const told = await toldBefore(deps, reminder, problem);
  const fields = {
    reminderId: reminder.id,
    cutoffId: reminder.cutoffId,
    institution: code,
    problem,
  };
  // Logged first: the operator hears of it even when telling the secretaries fails.
  if (problem !== NO_CHANNEL) deps.logger.warn(fields, "reminder not delivered");
  else if (told) deps.logger.debug(fields, NO_CHANNEL_LOG);
  else deps.logger.info(fields, NO_CHANNEL_LOG);
  const unreachableSecretaries = told
    ? []
    : await report(deps, reminder, code, problem, cutoffTitle);
  await markSkipped(deps.db, reminder.id, "failed", problem);
  return { problem, unreachableSecretaries };
}

/**
 * Whether the secretaries were told already that the institution could not be reminded for the
 * cut-off, for this `problem` (`no_mapping`, `channel_not_found`, …): so they hear it once per
 * institution, cut-off and problem, not at every reminder nor at every retry of the same one
 * (`remind --now` plans a failed row again, clearing its state; BullMQ retries a job that died
 * between the message and the failed mark). Told before means: another of its rows for the
 * cut-off failed so, or the store records the message ({@link PROBLEM_TOLD}) — since the
 * institution's last reminder of the cut-off that went out: a problem back after a delivery that
 * worked is told again.
 */
async function toldBefore(deps: JobDeps, reminder: Reminder, problem: string): Promise<boolean> {
  const rows = (await listReminders(deps.db, reminder.cutoffId)).filter(
    (r) => r.institutionId === reminder.institutionId,
  );
  const lastSent = rows.reduce((at, r) => (r.sentAt && r.sentAt > at ? r.sentAt : at), "");
  const earlier = rows.some(
    (r) =>
      r.id !== reminder.id &&
      r.state === "failed" &&
      r.detail === problem &&
      r.scheduledAt > lastSent,
  );
  if (earlier) return true;
  const key = `${reminder.cutoffId}:${reminder.institutionId}`;
  return (await auditFor(deps.db, "reminder", key)).some(
    (e) => e.field === PROBLEM_TOLD && e.after === JSON.stringify(problem) && e.at > lastSent,
  );
}

/**
 * Tells the secretaries that an institution could not be reminded, and why (the caller asks
 * {@link toldBefore} first). The row itself is still marked failed by the caller, so
 * `/institution` and `/cutoff plan` show the last problem as before. The record
 * ({@link PROBLEM_TOLD}) is written only when a secretary was reached, so a note no one got is
 * tried again. Returns the secretaries it could not reach.
 */
async function report(
  deps: JobDeps,
  reminder: Reminder,
  code: string,
  problem: string,
  cutoffTitle: string,
): Promise<UnreachableSecretary[]> {
  const told = await notifySecretaries(deps, (locale) => ({
    // The title as typed, in mrkdwn: "R&D <b>" must read as written, not as Slack's codes.
    text: reminderText(locale).problem(code, problem, reminder.cutoffId, escapeMrkdwn(cutoffTitle)),
  }));
  if (told.reached === 0) return told.unreachable;
  const at = deps.clock.now().toUTC().toISO() ?? "";
  await recordAudit(deps.db, [
    {
      at,
      actor: "app",
      entity: "reminder",
      entityKey: `${reminder.cutoffId}:${reminder.institutionId}`,
      action: "update",
      field: PROBLEM_TOLD,
      before: null,
      after: problem,
    },
  ]);
  return told.unreachable;
}
