/**
 * Who the reminders still ask about what: the rules `send-reminder` follows, as pure functions
 * so that what the app shows about reminders (`/task N`, the digest's "next 30 days") is decided
 * by the very rules that decide what is sent.
 * - A task is answered by an institution for a cut-off when one of its active replies to that
 *   cut-off is verified (from one of its contacts) and filed under the task: a non-contact's reply
 *   is kept but does not stop the reminders; withdrawn replies are not read at all
 *   (`institutionReplies`, `repliesForTask`). A follow-up lists only the tasks not answered
 *   (`institutionProgress`), and an institution with none left is not reminded ("all_answered").
 * - An institution without a Slack channel is not reminded at all: its reminder fails
 *   ("no_mapping") and the secretary is told.
 */

/**
 * The ids of the tasks `replies` answer (see the module comment): the task ids of the verified
 * ones, unassigned replies (`taskId` null) left out. `replies` are one institution's active
 * replies to one cut-off, in any order.
 */
export function answeredTaskIds(
  replies: Iterable<{ taskId: number | null; verified: boolean }>,
): Set<number> {
  const answered = new Set<number>();
  for (const r of replies) if (r.verified && r.taskId !== null) answered.add(r.taskId);
  return answered;
}

/**
 * Whether reminders can reach the institution: it has a Slack channel. Without one its reminder
 * is not posted (`send-reminder` records it failed, "no_mapping").
 */
export function hasChannel<T extends { channelId: string | null }>(
  mapping: T,
): mapping is T & { channelId: string } {
  return mapping.channelId !== null && mapping.channelId !== "";
}

/** Institutions by whether reminders can reach them (see {@link reachOf}), by institution id. */
export interface Reach<W> {
  /** No Slack channel ({@link hasChannel}): the sender fails their reminders "no_mapping". */
  noChannel: Set<number>;
  /** A channel known unreachable, with why: the sender's post would fail. */
  unreachable: Map<number, W>;
  /** A channel not known unreachable: their reminders go out. */
  reachable: Set<number>;
}

/**
 * Which of `mappings` reminders can reach: those with a channel ({@link hasChannel}) that
 * `unreachable` (channel id → why, e.g. `unreachableChannels` of db/channel-checks.ts, or the
 * plan's fresher answers) does not name. The one rule the digest (src/digest/reach.ts) and
 * `/cutoff add|move` (commands/cutoff-reach.ts) read.
 */
export function reachOf<W>(
  mappings: readonly { institutionId: number; channelId: string | null }[],
  unreachable: ReadonlyMap<string, W>,
): Reach<W> {
  const reach: Reach<W> = { noChannel: new Set(), unreachable: new Map(), reachable: new Set() };
  for (const m of mappings) {
    if (!hasChannel(m)) reach.noChannel.add(m.institutionId);
    else {
      const why = unreachable.get(m.channelId);
      if (why === undefined) reach.reachable.add(m.institutionId);
      else reach.unreachable.set(m.institutionId, why);
    }
  }
  return reach;
}

/**
 * Whether the institution's reminders for a cut-off will ask it about a task: it has a channel
 * ({@link hasChannel}) and has not answered the task ({@link answeredTaskIds}).
 */
export function remindedAbout(institution: {
  channelId: string | null;
  answered: boolean;
}): boolean {
  return hasChannel(institution) && !institution.answered;
}

/**
 * Whether the institution's reminders for a cut-off will be skipped as "all_answered": none of
 * `taskIds` (its tasks in the cut-off's scope) is left unanswered by `replies` (its active
 * replies to that cut-off, {@link answeredTaskIds}). `send-reminder` skips on exactly this
 * (`institutionProgress(...).open` empty), after the channel check ({@link hasChannel}).
 */
export function nothingLeftToAsk(
  taskIds: Iterable<number>,
  replies: Iterable<{ taskId: number | null; verified: boolean }>,
): boolean {
  const answered = answeredTaskIds(replies);
  for (const id of taskIds) if (!answered.has(id)) return false;
  return true;
}
