import type { Db } from "../db/client.ts";
import { snapshotVersion, storeOf } from "../db/snapshot.ts";
import { type Clock, epochMs } from "../src/time.ts";

/** Most answers kept per store; beyond it the cache starts afresh (bounded memory). */
const MAX_ENTRIES = 2_000;

/**
 * How long an answer may be reused, in ms of the app's clock, when the store has not changed:
 * between 2.5 and 5 s, drawn per answer so that answers computed together do not all expire
 * together (which, under load, stalls every request of that moment behind the recomputations).
 * Only time itself can make such an answer wrong — a cut-off or a reminder passing, "overdue"
 * at midnight — so it is at most that late to show it. Measured: at 1 s, recomputing the few
 * answers in use cost a fifth of the app's CPU under load.
 */
const TTL_MIN_MS = 2_500;
const TTL_SPREAD_MS = 2_500;

interface Entry {
  /** The app clock's epoch ms when the answer was computed. */
  at: number;
  ttl: number;
  answer: Promise<unknown>;
}

interface Generation {
  version: string;
  answers: Map<string, Entry>;
}

const generations = new WeakMap<Db, Generation>();

/** Questions asked once per store (not yet kept); bounded like the answers. */
const askedOnce = new WeakMap<Db, Set<string>>();
const MAX_ASKED = 10_000;

/**
 * Reuses the answer to a read-only command while nothing it could depend on has changed:
 * the same question (`key`: input and locale), the same store version (no commit anywhere,
 * see `storeVersion`), and at most a few seconds of the app's clock (answers that depend on
 * time lag by at most that; a clock set back invalidates too). Under load most `/task N`
 * requests are the same few questions, then answered without their queries and the rendering
 * (see bench/README.md). `handle` may be the store or a read snapshot of it (`storeOf`): the
 * cache is the store's. Concurrent
 * misses for one key share one computation; a failed computation is not kept, nor is the
 * answer to a question asked for the first time (see `firstAskedBefore`).
 * When the store cannot say its version, `compute` runs every time.
 */
export async function readThrough<T>(
  handle: Db,
  clock: Clock,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const db = storeOf(handle);
  const version = await snapshotVersion(handle);
  if (version === null) return compute();
  let generation = generations.get(db);
  if (!generation || generation.version !== version || generation.answers.size >= MAX_ENTRIES) {
    generation = { version, answers: new Map() };
    generations.set(db, generation);
  }
  const now = epochMs(clock);
  const hit = generation.answers.get(key);
  // The key names what was computed, so an entry under it holds a `T`.
  if (hit && now >= hit.at && now - hit.at < hit.ttl) return hit.answer as Promise<T>;
  const keep = hit !== undefined || firstAskedBefore(db, key);
  const answer = compute();
  const answers = generation.answers;
  const entry = { at: now, ttl: TTL_MIN_MS + Math.random() * TTL_SPREAD_MS, answer };
  answers.set(key, entry);
  // Inline arrows, not a named closure: tsx names each such closure as it is made.
  if (keep) answer.catch(() => forget(answers, key, entry));
  else
    answer.then(
      () => forget(answers, key, entry),
      () => forget(answers, key, entry),
    );
  return answer;
}

/** Removes `entry` from `answers` unless a newer answer has taken its key meanwhile. */
function forget(answers: Map<string, Entry>, key: string, entry: Entry): void {
  if (answers.get(key) === entry) answers.delete(key);
}

/**
 * Whether `key` was asked before on this store; if not, notes it. A question asked for the
 * first time is answered (and shared with concurrent askers) but not kept: kept answers live
 * for seconds, long enough to survive the young-generation collections and be copied into the
 * old one, so keeping every answer of a stream of questions nobody repeats (10,000 tasks asked
 * in turn) costs the collector more than keeping them saves.
 */
function firstAskedBefore(db: Db, key: string): boolean {
  let asked = askedOnce.get(db);
  if (!asked) {
    asked = new Set();
    askedOnce.set(db, asked);
  }
  if (asked.has(key)) return true;
  if (asked.size >= MAX_ASKED) asked.clear();
  asked.add(key);
  return false;
}
