/**
 * What changed in replies the working group may already have read, over one digest's window
 * [since, until) — the previous digest's `builtAt` to this one's: the replies last edited in it
 * (the digest's "labota" marks and its "Labotās atbildes" part) and those withdrawn in it ("Atsauktās
 * atbildes"). Both ends as `repliesSince` reads new replies, so an edit or withdrawal made while a
 * digest is built (at or after its `builtAt`) is the next digest's: two consecutive digests
 * never both list one (db/activity.ts's windows say what that does not promise).
 * Reads only.
 */
import { type ReplyActivity, repliesChangedSince } from "../../db/activity.ts";
import type { Db } from "../../db/client.ts";

/** A digest's window: UTC ISO instants, `since` included, `until` (its `builtAt`) not. */
export interface ChangeWindow {
  since: string;
  until: string;
}

/**
 * The replies changed in `window` (none without one: no previous digest, nothing read yet):
 * `edited` by reply id — last edited in it and not withdrawn before its end (a withdrawn reply's
 * edit only keeps the text); `withdrawn` — withdrawn in it, oldest received first.
 */
export interface ReplyChanges {
  edited: Map<number, ReplyActivity>;
  withdrawn: ReplyActivity[];
}

/** True when UTC ISO `at` is in [`w.since`, `w.until`). */
export function inWindow(at: string | null, w: ChangeWindow): boolean {
  return at !== null && at >= w.since && at < w.until;
}

/** The {@link ReplyChanges} of `window`; null: none. Throws only when the store fails. */
export async function replyChanges(db: Db, window: ChangeWindow | null): Promise<ReplyChanges> {
  const changed = window ? await repliesChangedSince(db, window.since, window.until) : [];
  const edited = new Map<number, ReplyActivity>();
  const withdrawn: ReplyActivity[] = [];
  for (const c of changed) {
    if (!window) break;
    if (inWindow(c.withdrawnAt, window)) withdrawn.push(c);
    const gone = c.withdrawnAt !== null && c.withdrawnAt < window.until;
    if (inWindow(c.editedAt, window) && !gone) edited.set(c.id, c);
  }
  return { edited, withdrawn };
}

/**
 * When reply `r`'s text was last edited, as a digest over `window` ([since, its builtAt)) marks
 * it "(labota …)": an edit in the change window (`changes.edited`), or — a reply new in this
 * digest (stored in `window`) — any edit made after it was first stored and before the digest's
 * end, so even the first digest that lists it says its text is not the one first sent.
 * Undefined: not marked (an edit at or after `window.until` is the next digest's).
 */
export function editedMark(
  r: Pick<ReplyActivity, "id" | "storedAt" | "editedAt">,
  changes: ReplyChanges,
  window: ChangeWindow,
): string | undefined {
  const since = changes.edited.get(r.id)?.editedAt;
  if (since) return since;
  const isNew = inWindow(r.storedAt, window);
  return isNew && r.editedAt !== null && r.editedAt < window.until ? r.editedAt : undefined;
}
