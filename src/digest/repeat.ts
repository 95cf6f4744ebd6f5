/**
 * The repeat rule of the working group's digests, one for every path that makes one: `/digest`
 * (and the App Home's button), `npm run cli -- digest --post`, and the digest after a cut-off.
 * A request repeats a digest when that digest (manual or after a cut-off) was built for the
 * working group within {@link REPEAT_WINDOW_MS} before it — posted, or still on its way there —
 * for the same window (the same `since`, or none: since the previous digest) and about the same
 * cut-off, and nothing a digest lists has been stored since it was built: no reply received,
 * edited or withdrawn, no status change (a fresh user's findings: `/digest` 40 s after the
 * after-cut-off digest, and two `digest --post` ten seconds apart, each posted an empty
 * "Jaunu atbilžu nav."). A repeat builds nothing: `/digest` and the CLI name the digest (its link
 * once posted) and say how to have a new one anyway — ask again once the window has passed; the
 * after-cut-off digest is stored but not posted. Reads only.
 */

import type { DateTime } from "luxon";
import { anythingNewIn } from "../../db/activity.ts";
import type { Db } from "../../db/client.ts";
import { groupDigestsBuilt, type StoredDigest } from "../../db/digests.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { digestCutoffOf } from "./build.ts";
import { digestModel } from "./publish.ts";

/**
 * How long a digest for the working group stands for a repeat of it: 60 s. After it a request
 * builds a new digest even with nothing new (the way to force one).
 */
export const REPEAT_WINDOW_MS = 60_000;

/** A request for a working-group digest, as the rule reads it. */
export interface DigestRequest {
  /** The period's start the request names (UTC ISO); null: since the previous digest. */
  since: string | null;
  /** When it is asked, or (after a cut-off) built (UTC ISO). */
  at: string;
  /** The cut-off the digest would be about (`digestCutoffOf`, build.ts); null: none. */
  cutoffId: number | null;
  /** The id of the digest this request itself built (after a cut-off), never its own repeat. */
  own?: number;
}

/**
 * The digest `request` repeats (see the module comment), or undefined. The candidates: digests for
 * the working group built in [`at` − {@link REPEAT_WINDOW_MS}, `at`] for the same window
 * (`requestedSince`; absent in older digests: none) and cut-off; a repeat when nothing new has
 * been stored since the newest one's `builtAt` ({@link nothingNewSince}). Named then: the newest
 * of them posted with nothing new since it, else the newest (on its way) — so an after-cut-off
 * digest stored but never posted, itself a repeat, is not the one named; when such a digest is
 * the only candidate (the one it repeated built more than the window before `at`), the digest it
 * repeated is named instead, found by the same rule at its `builtAt`. Throws only when the
 * store fails.
 */
export async function repeatOf(db: Db, request: DigestRequest): Promise<StoredDigest | undefined> {
  const from = new Date(Date.parse(request.at) - REPEAT_WINDOW_MS).toISOString();
  const same = (await groupDigestsBuilt(db, from, request.at)).filter((d) => {
    if (d.id === request.own) return false;
    const model = digestModel(d);
    return (
      (model.requestedSince ?? null) === request.since &&
      (model.cutoff?.id ?? null) === request.cutoffId
    );
  });
  const quiet: StoredDigest[] = [];
  // Newest first: once something is new since one, it is new since every older one too.
  for (const d of same) {
    const programme = digestModel(d).programme?.code ?? "";
    if (!(await nothingNewSince(db, programme, d.builtAt, request.at))) break;
    quiet.push(d);
  }
  const named = quiet.find((d) => d.postedAt !== null) ?? quiet[0];
  if (named === undefined || named.postedAt !== null || named.kind !== "cutoff") return named;
  // An after-cut-off digest not posted may be one the job skipped as a repeat itself: it will
  // never be posted, so the digest it repeated (posted, nothing new since) is the one to name.
  // One that repeated none is still on its way.
  // A millisecond before it: the search goes strictly back in time, so it ends.
  const before = new Date(Date.parse(named.builtAt) - 1).toISOString();
  return (await repeatOf(db, { ...request, at: before, own: named.id })) ?? named;
}

/**
 * True when nothing a digest lists was stored in [`sinceIso`, `untilIso`) (UTC ISO): no reply
 * stored (`repliesSince`'s rule), none edited or withdrawn (`repliesChangedSince`'s), no status
 * change of programme `programmeCode`'s tasks (`statusChangesSince`'s) — what a digest built at
 * `untilIso` after one built at `sinceIso` would list as new. Asks the store only whether one
 * such row exists (`anythingNewIn`: limit 1 each, no text read). Reads only.
 */
export async function nothingNewSince(
  db: Db,
  programmeCode: string,
  sinceIso: string,
  untilIso: string,
): Promise<boolean> {
  return !(await anythingNewIn(db, programmeCode, sinceIso, untilIso));
}

/**
 * A request by hand — `/digest`, the Home button, `digest --post` — as the repeat rule reads it:
 * `cutoffId`, the cut-off the digest would be about (`digestCutoffOf` at the request's `now`;
 * null: none), found once here and passed on to the build (job "build-digest"'s `aboutCutoffId`),
 * so the repeat check and the digest built agree on it; `repeat`, the digest it repeats
 * ({@link repeatOf}), or undefined: build one.
 */
export interface ManualRequest {
  cutoffId: number | null;
  repeat: StoredDigest | undefined;
}

/**
 * Reads a request by hand for the period from `since` (UTC ISO; null: since the previous digest)
 * at `now` ({@link ManualRequest}). Reads only; throws only when the store fails.
 */
export async function manualRequest(
  db: Db,
  since: string | null,
  now: DateTime,
): Promise<ManualRequest> {
  const programme = await currentProgramme(db);
  const cutoff = programme ? await digestCutoffOf(db, programme.id, { now }) : undefined;
  const cutoffId = cutoff?.id ?? null;
  const repeat = await repeatOf(db, { since, at: now.toUTC().toISO() ?? "", cutoffId });
  return { cutoffId, repeat };
}
