import type { Db } from "../../db/client.ts";
import { institutionScope } from "../../db/scope.ts";
import { findThread } from "../../db/threads.ts";
import { messageLink } from "../slack/render-task-cutoff.ts";

/** An institution's reminder thread for a cut-off as a note points to it. */
export interface ThreadAsking {
  /** Link to the thread's root ({@link messageLink}), as the notes' "atvērt" links. */
  link: string;
  /** Of the numbers asked about, those the reminder asks the institution (in their order). */
  asked: string[];
}

/**
 * Institution `institutionId`'s reminder thread for `cutoff`, linked, and which of `numbers`
 * (task numbers a message names) its reminder asks the institution about — the cut-off's scope
 * for it (`institutionScope`, the tasks a reply in that thread is filed by; read only when
 * `numbers` is not empty). Undefined when no reminder has started the thread yet. The one
 * reader behind the notes pointing a person to a reminder thread: another live cut-off's for a
 * number asked there (./asked-elsewhere.ts), the current one's from a digest's thread
 * (./digest-thread.ts). Reads the store; its errors are thrown.
 */
export async function threadAsking(
  db: Db,
  cutoff: { id: number; programmeId: number; taskNumbers: string[] | null },
  institutionId: number,
  numbers: readonly string[],
): Promise<ThreadAsking | undefined> {
  const thread = await findThread(db, cutoff.id, institutionId);
  if (!thread) return undefined;
  const scope = numbers.length === 0 ? [] : await institutionScope(db, cutoff, institutionId);
  return {
    link: messageLink(thread.channelId, thread.threadTs),
    asked: numbers.filter((n) => scope.some((t) => t.number === n)),
  };
}
