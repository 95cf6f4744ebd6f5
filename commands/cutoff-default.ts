/**
 * The cut-off a command takes when none is named: `/cutoff plan` and the CLI's `cutoff plan`
 * without a number, `replies` without `--cutoff`. The rule is `/task`'s, not a second one.
 */
import type { DateTime } from "luxon";
import type { Db } from "../db/client.ts";
import { type Cutoff, listCutoffs, listRemovedCutoffs } from "../db/cutoffs.ts";
import type { DefaultWhy } from "../src/i18n/cutoff-default.ts";
import { CUTOFF_GRACE_DAYS, cutoffsShownAt } from "../src/reminders/task-status.ts";

export { CUTOFF_GRACE_DAYS };

/**
 * The cut-off taken when none is named:
 * - `picked`: `cutoff`, with `why` — `only` (the one live cut-off, however long ago it passed),
 *   `next` (the first of several not yet passed) or `recent` (none ahead: the latest that passed
 *   within {@link CUTOFF_GRACE_DAYS} days); `others` the other live cut-offs, earliest first;
 * - `none`: no live cut-off; `removed` how many removed ones there are;
 * - `undecided`: several live cut-offs, all passed more than CUTOFF_GRACE_DAYS days ago
 *   (`live`, earliest first): none is active, so none is guessed.
 */
export type DefaultCutoff =
  | { kind: "picked"; cutoff: Cutoff; why: DefaultWhy; others: Cutoff[] }
  | { kind: "none"; removed: number }
  | { kind: "undecided"; live: Cutoff[] };

/**
 * Chooses the cut-off the app is working towards at `now`: the only live (not removed) one,
 * else the first of `cutoffsShownAt` — the order `/task N` looks at cut-offs in (the next not
 * yet passed, else the latest passed within the grace days; the digest and Home take the same
 * one through `activeCutoff`). Removed cut-offs are never taken. Throws only on store failure.
 */
export async function defaultCutoff(db: Db, now: DateTime): Promise<DefaultCutoff> {
  const live = await listCutoffs(db);
  const [only] = live;
  if (!only) return { kind: "none", removed: (await listRemovedCutoffs(db)).length };
  const nowIso = now.toUTC().toISO() ?? "";
  const why = (c: Cutoff): DefaultWhy => (c.at > nowIso ? "next" : "recent");
  if (live.length === 1) return { kind: "picked", cutoff: only, why: "only", others: [] };
  const [active] = await cutoffsShownAt(db, now);
  if (!active) return { kind: "undecided", live };
  const others = live.filter((c) => c.id !== active.id);
  return { kind: "picked", cutoff: active, why: why(active), others };
}

/** "#1, #5" for the other cut-offs' ids, the first `max` of them and "…" after. */
export function cutoffIds(cutoffs: readonly Cutoff[], max = 5): string {
  const shown = cutoffs.slice(0, max).map((c) => `#${c.id}`);
  return cutoffs.length > max ? `${shown.join(", ")}, …` : shown.join(", ");
}
