/**
 * Which reply a view shows for a task: the newest verified one (by the institution's contact),
 * else the newest of any, so a stranger's word never hides the institution's own (README,
 * `/task 14`). One rule for the reminders' "Pēdējā atbilde" (src/reminders/compose.ts) and the
 * App Home's "↩️" marks (src/digest/other-late.ts); `/task` picks the same from its newest-first
 * list (src/reminders/task-status.ts). Pure.
 */

/**
 * The reply shown per key among `oldestFirst` (replies in the order received, oldest first):
 * a later verified reply replaces what is held, an unverified one only a place no verified
 * reply holds. `keyOf` gives a reply's key (e.g. its task id), or null to skip it.
 */
export function shownReplies<K, R extends { verified: boolean }>(
  oldestFirst: Iterable<R>,
  keyOf: (reply: R) => K | null,
): Map<K, R> {
  const shown = new Map<K, R>();
  for (const reply of oldestFirst) {
    const key = keyOf(reply);
    if (key === null) continue;
    if (reply.verified || !shown.get(key)?.verified) shown.set(key, reply);
  }
  return shown;
}
