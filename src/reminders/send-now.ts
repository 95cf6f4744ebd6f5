import { ErrorCode } from "@slack/web-api";
import type { Job } from "bullmq";
import { DelayedError } from "bullmq";
import { getMapping } from "../../db/contacts.ts";
import { findCutoff } from "../../db/cutoffs.ts";
import { listReminders } from "../../db/reminders.ts";
import { process as sendReminder } from "../../jobs/send-reminder.ts";
import type { JobDeps } from "../../jobs/types.ts";
import { OVERDUE_KIND } from "../domain/reminder-plan.ts";
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
 * The result for the institution whose reminder could not go out because Slack did not answer
 * (connection refused or dropped, DNS, timeout): {@link sendNow} stops there.
 */
export const SLACK_UNREACHABLE = "slack_unreachable";

/**
 * Sends a cut-off's reminders by hand, now: for each institution, its earliest reminder not yet
 * sent (the one that would go out next; before the cut-off never the overdue one, after it
 * only the overdue one), through the same idempotent processor the queue uses
 * — so the queued job for it later finds it sent and does nothing. Slack's 429s and the
 * per-channel pace are waited out in the foreground. When Slack does not answer, it stops at
 * that institution ({@link SLACK_UNREACHABLE}) and leaves its reminder to be sent again.
 * @throws CutoffNotFoundError when the cut-off does not exist (or was removed).
 */
export async function sendNow(deps: JobDeps, cutoffId: number): Promise<SentNow[]> {
  const cutoff = await findCutoff(deps.db, cutoffId);
  if (!cutoff) throw new CutoffNotFoundError(cutoffId);
  const nowIso = deps.clock.now().toISO() ?? "";
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
  const beforeCutoff = nowIso < cutoff.at;
  const pending = (await listReminders(deps.db, cutoffId)).filter(
    (r) =>
      (r.state === "planned" || r.state === "sending") &&
      (r.kind === OVERDUE_KIND) !== beforeCutoff,
  );
  const next = new Map<number, (typeof pending)[number]>();
  for (const r of pending) if (!next.has(r.institutionId)) next.set(r.institutionId, r);
  const out: SentNow[] = [];
  for (const r of next.values()) {
    const code = (await getMapping(deps.db, r.institutionId))?.code ?? String(r.institutionId);
    const data = { reminderId: r.id, cutoffId, at: r.scheduledAt };
    try {
      out.push({ institution: code, kind: r.kind, result: await runInForeground(deps, data) });
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
): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    let until = 0;
    const job = {
      moveToDelayed: async (timestamp: number) => {
        until = timestamp;
      },
    } as unknown as Job;
    try {
      return await sendReminder(data, deps, { job, token: undefined });
    } catch (error) {
      if (!(error instanceof DelayedError)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, until - Date.now())));
    }
  }
  return "rate_limited";
}
