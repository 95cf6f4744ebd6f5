/**
 * The digest's reply lines (src/digest/build.ts): replies new in the digest's window or edited
 * since the previous digest, marked late/supplement (late-marks.ts), edited, moved, and of a
 * removed cut-off; and the replies withdrawn since. Reads only.
 */
import { type ReplyActivity, repliesSince } from "../../db/activity.ts";
import type { Db } from "../../db/client.ts";
import { replyBody, tasksNotFiled } from "../domain/attribution.ts";
import { excerptSlackText } from "../slack/message-text.ts";
import { messageLink } from "../slack/render-task-cutoff.ts";
import type { ChangeWindow, ReplyChanges } from "./changed.ts";
import { lateMarker } from "./late-marks.ts";
import type { CutoffRef, DigestReply, DigestWithdrawn } from "./model.ts";
import { movedFromSince } from "./moved-from.ts";
import { cutoffMark } from "./other-cutoffs.ts";

/** Characters of a reply kept in the digest; the link opens the whole message. */
export const EXCERPT_MAX = 280;

/** A reply's text on one line, cut to EXCERPT_MAX but never inside a Slack code or entity. */
export function excerpt(text: string): string {
  return excerptSlackText(text, EXCERPT_MAX);
}

/**
 * Replies stored in [`window.since`, `window.until`) (`received`; see `repliesSince`), and
 * replies received earlier but edited since the previous digest (`edited`, from `changed`, over
 * `marks.changeWindow`: see changed.ts); a reply edited since then, or new here and edited after
 * it was first stored, carries `edited` (`marks.edited`, `editedMark`); each is `late` when
 * received after its cut-off's time, a `supplement` too to a task answered in time (late-marks),
 * names the tasks of `taskNumbers` its text is about but is not filed under (`alsoNames`), and,
 * edited and moved to another task in that window, the one it left (`movedFrom`, moved-from.ts).
 * A reply in a removed cut-off's thread (id in `removed`) is kept, with its title (`removedCutoff`).
 */
export async function newReplies(
  db: Db,
  window: { since: string; until: string },
  changed: ReplyChanges,
  taskNumbers: readonly string[],
  marks: {
    removed: ReadonlySet<number>;
    forCutoff: (cutoffId: number) => CutoffRef | undefined;
    changeWindow: ChangeWindow | null;
    edited: (r: ReplyActivity) => string | undefined;
  },
): Promise<{ received: DigestReply[]; edited: DigestReply[] }> {
  const { removed } = marks;
  const { since } = window;
  const editedSince = changed.edited;
  const rows = await repliesSince(db, since, window.until);
  const lateOf = await lateMarker(db, [...rows, ...editedSince.values()]);
  // An edited reply moved to another task since the previous digest names where it was.
  const moved = marks.changeWindow
    ? await movedFromSince(db, [...editedSince.values()], marks.changeWindow)
    : new Map<number, string | null>();
  const toLine = (r: ReplyActivity): DigestReply => {
    const alsoNames = tasksNotFiled(r.text, taskNumbers, r.taskNumber);
    const edited = marks.edited(r);
    return {
      number: r.taskNumber,
      institution: r.institutionCode,
      userId: r.userId,
      at: r.receivedAt,
      excerpt: excerpt(replyBody(r.text, r.taskNumber)),
      link: r.channelId === "modal" ? null : messageLink(r.channelId, r.ts),
      verified: r.verified,
      claim: r.statusClaim,
      ...lateOf(r),
      ...(edited ? { edited } : {}),
      // Sent before the window, so an earlier digest covered its post time: say when it was stored.
      ...(r.receivedAt < since ? { storedAt: r.storedAt } : {}),
      ...(alsoNames.length > 0 ? { alsoNames } : {}),
      ...(moved.has(r.id) ? { movedFrom: moved.get(r.id) ?? null } : {}),
      ...(removed.has(r.cutoffId) ? { removedCutoff: r.cutoffTitle } : {}),
      ...cutoffMark(marks.forCutoff(r.cutoffId)),
    };
  };
  const shown = new Set(rows.map((r) => r.id));
  const edited = [...editedSince.values()].filter((r) => !shown.has(r.id)).map(toLine);
  return { received: rows.map(toLine), edited };
}

/**
 * Replies withdrawn since the previous digest (`ReplyChanges.withdrawn`), oldest first; one
 * in a removed cut-off's thread (its id in `removed`) carries that cut-off's title
 * (`removedCutoff`), marked as new and edited ones are.
 */
export function withdrawnReplies(
  changed: ReplyActivity[],
  removed: ReadonlySet<number>,
  forCutoff: (cutoffId: number) => CutoffRef | undefined,
): DigestWithdrawn[] {
  return changed
    .filter((c): c is ReplyActivity & { withdrawnAt: string } => c.withdrawnAt !== null)
    .map((c) => ({
      number: c.taskNumber,
      institution: c.institutionCode,
      at: c.withdrawnAt,
      ...(removed.has(c.cutoffId) ? { removedCutoff: c.cutoffTitle } : {}),
      ...cutoffMark(forCutoff(c.cutoffId)),
    }))
    .sort((a, b) => a.at.localeCompare(b.at));
}
