/**
 * Plans the automatic digests from the store, like `src/reminders/schedule.ts` plans reminders
 * (the store is the source of truth; this runs at start and after every session or cut-off
 * change): for each upcoming session a draft to the secretaries DIGEST_LEAD_DAYS business days
 * before it at REMINDER_TIME (`digestDraftAt`), and for each cut-off a digest to the working
 * group at the time of its overdue reminder (the next business day at REMINDER_TIME), listing
 * the institutions that did not answer. Deterministic job ids; planned jobs no longer wanted
 * (session moved or removed, cut-off moved or removed) are removed.
 */
import type { Queue } from "bullmq";
import { DateTime } from "luxon";
import type { Db } from "../../db/client.ts";
import { listCutoffs } from "../../db/cutoffs.ts";
import { listSessions } from "../../db/sessions.ts";
import { buildDigest, enqueueJob } from "../../jobs/index.ts";
import type { Config } from "../config.ts";
import { digestDraftAt } from "../domain/digest-plan.ts";
import { OVERDUE_KIND, planReminders } from "../domain/reminder-plan.ts";
import type { Clock } from "../time.ts";

/** What planning needs. */
export interface DigestPlannerDeps {
  db: Db;
  config: Config;
  clock: Clock;
  queue: Queue;
}

/** How long after its time a missed cut-off digest is still sent (the app was down): 2 days. */
export const CUTOFF_DIGEST_GRACE_MS = 2 * 86_400_000;

/** Who the automatic digests are "requested by" in the store. */
export const SCHEDULE_ACTOR = "schedule";

/** One planned digest job: its data and when it runs (UTC ISO). */
export interface PlannedDigest {
  data: buildDigest.Data;
  runAt: string;
}

function ms(iso: string): number {
  return DateTime.fromISO(iso).toMillis();
}

/** The digest jobs the store asks for at `now` (pure apart from reading the store). */
export async function plannedDigests(
  deps: Omit<DigestPlannerDeps, "queue">,
): Promise<PlannedDigest[]> {
  const { config } = deps;
  const now = deps.clock.now().toUTC();
  const nowIso = now.toISO() ?? "";
  const out: PlannedDigest[] = [];
  for (const s of await listSessions(deps.db, nowIso)) {
    const runAt = digestDraftAt(s.at, config.digestLeadDays, config.reminderTime, config.timezone);
    const data: buildDigest.Data = {
      key: `session-${s.id}-${ms(s.at)}`,
      kind: "session",
      at: runAt,
      requestedBy: SCHEDULE_ACTOR,
      sessionId: s.id,
      sessionAt: s.at,
    };
    out.push({ data, runAt });
  }
  const settings = {
    offsets: config.reminderOffsets,
    time: config.reminderTime,
    zone: config.timezone,
  };
  for (const c of await listCutoffs(deps.db)) {
    const runAt = planReminders(c.at, settings).find((r) => r.kind === OVERDUE_KIND)?.at;
    if (!runAt || ms(runAt) < now.toMillis() - CUTOFF_DIGEST_GRACE_MS) continue;
    const data: buildDigest.Data = {
      key: `cutoff-${c.id}-${ms(c.at)}`,
      kind: "cutoff",
      at: runAt,
      requestedBy: SCHEDULE_ACTOR,
      cutoffId: c.id,
      cutoffAt: c.at,
    };
    out.push({ data, runAt });
  }
  return out;
}

/**
 * Adds every planned digest job (a no-op for ids already there) and removes planned ones no
 * longer wanted. Returns how many are planned and how many were removed.
 */
export async function planDigests(
  deps: DigestPlannerDeps,
): Promise<{ scheduled: number; removed: number }> {
  const nowMs = deps.clock.now().toMillis();
  const expected = new Set<string>();
  const planned = await plannedDigests(deps);
  for (const p of planned) {
    expected.add(await enqueueJob(deps.queue, buildDigest.name, p.data, ms(p.runAt) - nowMs));
  }
  let removed = 0;
  for (const job of await deps.queue.getJobs(["delayed", "waiting", "prioritized"])) {
    if (!job?.id || job.name !== buildDigest.name || expected.has(job.id)) continue;
    const kind = (job.data as buildDigest.Data).kind;
    if (kind !== "session" && kind !== "cutoff") continue;
    await job.remove().then(
      () => removed++,
      () => {},
    );
  }
  return { scheduled: planned.length, removed };
}
