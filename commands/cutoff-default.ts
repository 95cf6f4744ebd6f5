/**
 * The cut-off a command takes when none is named: `/cutoff plan` and the CLI's `cutoff plan`
 * without a number, `replies` without `--cutoff`. The rule is `/task`'s, not a second one.
 */
import { DateTime } from "luxon";
import type { Db } from "../db/client.ts";
import { type Cutoff, listCutoffs, listRemovedCutoffs } from "../db/cutoffs.ts";
import { CUTOFF_GRACE_DAYS } from "../src/domain/cutoff-times.ts";
import type { DefaultWhy, Stale } from "../src/i18n/cutoff-default.ts";
import { cutoffsShownAt } from "../src/reminders/task-status.ts";

export { CUTOFF_GRACE_DAYS };

/**
 * The cut-off taken when none is named:
 * - `picked`: `cutoff`, with `why` — `only` (the one live cut-off, ahead), `passed` (the one
 *   live cut-off, passed within {@link CUTOFF_GRACE_DAYS} days), `stale` (the one live cut-off, passed longer ago: `/task`,
 *   Home and the digest no longer show it, but its plan and replies are still worth seeing),
 *   `next` (the first of several not yet passed) or `recent` (none ahead: the latest that passed
 *   within CUTOFF_GRACE_DAYS days); `others` the other live cut-offs, earliest first; `stale`
 *   (only with why `stale`, else null) how many whole days (24 h, as the grace counts them) ago
 *   it passed and the grace days, for the text saying why `/task` shows no cut-off;
 * - `none`: no live cut-off; `removed` how many removed ones there are;
 * - `undecided`: several live cut-offs, all passed more than CUTOFF_GRACE_DAYS days ago
 *   (`live`, earliest first): none is active, so none is guessed.
 */
export type DefaultCutoff =
  | { kind: "picked"; cutoff: Cutoff; why: DefaultWhy; others: Cutoff[]; stale: Stale | null }
  | { kind: "none"; removed: number }
  | { kind: "undecided"; live: Cutoff[] };

/**
 * Chooses the cut-off the app is working towards at `now`: the first of `cutoffsShownAt` — the
 * order `/task N` looks at cut-offs in (the next not yet passed, else the latest passed within
 * the grace days; the digest and Home take the same one through `activeCutoff`) — said to be
 * the only one when no other is live. When none is shown and exactly one is live, that one,
 * marked `stale`; several none of which is shown: `undecided`. Removed cut-offs are never
 * taken. Throws only on store failure.
 */
export async function defaultCutoff(db: Db, now: DateTime): Promise<DefaultCutoff> {
  const live = await listCutoffs(db);
  const [only] = live;
  if (!only) return { kind: "none", removed: (await listRemovedCutoffs(db)).length };
  const nowIso = now.toUTC().toISO() ?? "";
  const [active] = await cutoffsShownAt(db, now);
  if (active) {
    const others = live.filter((c) => c.id !== active.id);
    const ahead = active.at > nowIso;
    // A passed cut-off is not said to be in force ("spēkā esošs" / "live"): `passed`.
    const why: DefaultWhy =
      others.length === 0 ? (ahead ? "only" : "passed") : ahead ? "next" : "recent";
    return { kind: "picked", cutoff: active, why, others, stale: null };
  }
  if (live.length > 1) return { kind: "undecided", live };
  const days = Math.floor(now.diff(DateTime.fromISO(only.at)).as("days"));
  const stale = { days, grace: CUTOFF_GRACE_DAYS };
  return { kind: "picked", cutoff: only, why: "stale", others: [], stale };
}

/** "#1, #5" for the other cut-offs' ids, the first `max` of them and "…" after. */
export function cutoffIds(cutoffs: readonly Cutoff[], max = 5): string {
  const shown = cutoffs.slice(0, max).map((c) => `#${c.id}`);
  return cutoffs.length > max ? `${shown.join(", ")}, …` : shown.join(", ");
}
