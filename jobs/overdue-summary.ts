import { DateTime } from "luxon";
import { findCutoff } from "../db/cutoffs.ts";
import { scopeOfCutoff, tasksByInstitution } from "../db/scope.ts";
import { answerStanding } from "../src/digest/model.ts";
import { summaryText } from "../src/i18n/summary.ts";
import { institutionProgress } from "../src/reminders/compose.ts";
import { notifySecretaries } from "../src/reminders/notify.ts";
import { escapeMrkdwn } from "../src/slack/fit.ts";
import type { JobDeps } from "./types.ts";

/** Job name. */
export const name = "overdue-summary";

/** The cut-off and the instant this summary was planned for (UTC ISO). */
export interface Data {
  cutoffId: number;
  at: string;
}

/** Deterministic BullMQ job id. */
export function jobId(data: Data): string {
  return `overdue-summary-${data.cutoffId}-${DateTime.fromISO(data.at).toMillis()}`;
}

/**
 * After a cut-off: tells the secretaries which institutions did not answer (with their open
 * task numbers, those replied to only unverified named), or that everyone did. Answered means
 * as in the digest (`answerStanding`): a verified reply, by one of the institution's contacts.
 * Does nothing for a removed cut-off.
 */
export async function process(data: Data, deps: JobDeps): Promise<string> {
  const cutoff = await findCutoff(deps.db, data.cutoffId);
  if (!cutoff) return "cutoff_removed";
  const byInstitution = tasksByInstitution(await scopeOfCutoff(deps.db, cutoff));
  const open: Array<{ code: string; numbers: string[]; unverified: string[] }> = [];
  for (const institutionId of byInstitution.keys()) {
    const progress = await institutionProgress(deps.db, cutoff, institutionId);
    const numberOf = new Map(progress.tasks.map((t) => [t.taskId, t.number]));
    const replies = progress.replies.map((r) => ({
      taskNumber: r.taskId === null ? null : (numberOf.get(r.taskId) ?? null),
      verified: r.verified,
    }));
    const tasks = progress.tasks.map((t) => t.number);
    const { replied, unverified } = answerStanding(tasks, replies);
    const numbers = tasks.filter((n) => !replied.includes(n));
    if (numbers.length > 0) open.push({ code: progress.mapping.code, numbers, unverified });
  }
  // By code, as the digest and the App Home list them.
  open.sort((a, b) => a.code.localeCompare(b.code, "lv"));
  await notifySecretaries(deps, (locale) => {
    const m = summaryText(locale);
    const missing = open.map(
      (i) =>
        `${i.code} (${i.numbers.join(", ")}${i.unverified.length > 0 ? `; ${m.unverified(i.unverified)}` : ""})`,
    );
    // Named by number and title ("#2 „Otrais”"), as the other DMs name a cut-off.
    const title = escapeMrkdwn(cutoff.title);
    return {
      text:
        missing.length === 0
          ? m.allAnswered(cutoff.id, title)
          : m.missing(cutoff.id, title, missing),
    };
  });
  return open.length === 0 ? "all_answered" : `missing:${open.length}`;
}
