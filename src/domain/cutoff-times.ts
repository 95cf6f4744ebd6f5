/**
 * Where a reporting cut-off stands at a moment, as `/task`, the App Home, the digest and
 * `/cutoff plan` tell it: ahead, passed within the grace days (replies still arrive, and
 * `/task` still shows it), or passed longer ago. One rule, pure; instants are UTC ISO text in
 * the store's one form (`toISO()`), which compares as text in time order.
 */
import type { DateTime } from "luxon";

/** How long after a cut-off `/task` keeps showing it (replies still arrive): 30 days. */
export const CUTOFF_GRACE_DAYS = 30;

/**
 * The instant (UTC ISO) {@link CUTOFF_GRACE_DAYS} days before `now`: a cut-off at or before it
 * passed longer ago than the grace days.
 */
export function graceStart(now: DateTime): string {
  return now.minus({ days: CUTOFF_GRACE_DAYS }).toUTC().toISO() ?? "";
}

/** Cut-offs told apart by time (see {@link cutoffsByTime}), each in the order given. */
export interface CutoffsByTime<T> {
  /** Not yet passed: its instant is after now. */
  ahead: T[];
  /** Passed (its very instant counts as passed) within {@link CUTOFF_GRACE_DAYS} days. */
  recent: T[];
  /** Passed at or before {@link graceStart}. */
  older: T[];
}

/**
 * Splits `cutoffs` (anything with `at`, a UTC ISO instant) at `now`: `ahead` after now;
 * `recent` at or before now and after {@link graceStart}; `older` the rest. `since`: that grace
 * start when the caller has it already (`/task` reads the store from it), so it is not
 * computed twice.
 */
export function cutoffsByTime<T extends { at: string }>(
  cutoffs: readonly T[],
  now: DateTime,
  since: string = graceStart(now),
): CutoffsByTime<T> {
  const nowIso = now.toUTC().toISO() ?? "";
  return {
    ahead: cutoffs.filter((c) => c.at > nowIso),
    recent: cutoffs.filter((c) => c.at <= nowIso && c.at > since),
    older: cutoffs.filter((c) => c.at <= since),
  };
}
