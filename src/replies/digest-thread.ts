import type { Db } from "../../db/client.ts";
import { institutionsOfContact } from "../../db/contacts.ts";
import { activeCutoff, type Cutoff, liveCutoffsAfter } from "../../db/cutoffs.ts";
import { isGroupPostThread } from "../../db/digests.ts";
import { listInstitutions } from "../../db/institutions.ts";
import { institutionScope } from "../../db/scope.ts";
import { cutoffStandings, institutionNames } from "../digest/institutions.ts";
import { type InstitutionStanding, unansweredTasks } from "../digest/model.ts";
import { leadingNumbers } from "../domain/attribution.ts";
import { replyText, type ThreadLink } from "../i18n/reply.ts";
import { CUTOFF_GRACE_DAYS } from "../reminders/task-status.ts";
import { renderNotice } from "../slack/render-reply-prompt.ts";
import { ephemeralOrDirect } from "./acknowledge.ts";
import { askedElsewhere } from "./asked-elsewhere.ts";
import { type ReplyDeps, sideEffect } from "./deps.ts";
import type { SlackMessage } from "./message.ts";
import { threadAsking } from "./reminder-thread.ts";

/**
 * True when a person's message in `channelId`'s thread `threadTs` is someone answering a digest
 * there, to be told where replies go: the thread is a digest's post to the working group (not a
 * draft in the secretary's DM, {@link isGroupPostThread}), and the message looks like an answer —
 * it starts with a task number ("14: …") or its author is a contact of some institution. Members
 * discussing the digest are left alone. Reads the store; throws only when it fails.
 */
export async function isDigestAnswer(
  db: Db,
  message: SlackMessage & { threadTs: string },
): Promise<boolean> {
  if (!(await isGroupPostThread(db, message.channelId, message.threadTs))) return false;
  if (leadingNumbers(message.text).length > 0) return true;
  return message.userId !== null && (await institutionsOfContact(db, message.userId)).length > 0;
}

/**
 * A person's message in a digest's thread is not stored as a reply (replies are collected only
 * in reminder threads), but it is not dropped silently either: the refusal is logged ("reply
 * refused", reason "digest_thread") and its author is told privately in that thread — or by
 * direct message when Slack refuses the ephemeral — in their language, where to answer
 * ({@link digestNoteTargets}): in their institution's reminder thread for the current cut-off,
 * linked (" (LM: <…|atvērt>)"), starting with the task number (the message's own number as the
 * example, else "14") or with "Submit update" there; when the cut-off asks their institution
 * but no reminder has started its thread yet, with the "Submit update" button on the app's Home
 * tab (render-home.ts offers one per task still missing whenever an institution owes a cut-off
 * with no thread), naming the cut-off and the institution; when such an institution has already
 * answered everything the cut-off asks (the Home then has no button), that its answers are all
 * in, where to see them (`/task N`) and that a change goes through the secretary (no button or
 * command lets a contact change one); several: the sentences one after another. Someone who
 * is no contact, or with no current cut-off, gets the first sentence naming no thread. The note
 * may fail alone (logged).
 */
export async function refuseDigestThreadMessage(
  deps: ReplyDeps,
  message: SlackMessage & { threadTs: string },
): Promise<void> {
  const userId = message.userId ?? "";
  deps.logger.info(
    { channel: message.channelId, ts: message.ts, user: userId, reason: "digest_thread" },
    "reply refused",
  );
  const example = leadingNumbers(message.text)[0] ?? "14";
  await sideEffect(deps.logger, "digest_thread_note", async () => {
    const locale = await deps.locales.forUser(userId);
    const named = leadingNumbers(message.text);
    const targets = userId === "" ? NO_TARGETS : await digestNoteTargets(deps, userId, named);
    const text = digestNoteText(targets, example, replyText(locale));
    await ephemeralOrDirect(
      deps,
      { reply: { userId }, thread: { channelId: message.channelId, threadTs: message.threadTs } },
      renderNotice(text),
    );
  });
}

/**
 * The digest thread's note for `targets`, in `t`'s language: the threads to answer in (with
 * `example`, the task number to start with) — also naming none when there is nothing else to
 * say —, then the Home's "Submit update" button for the institutions with no thread yet, then,
 * for those with no thread that have answered everything, that it is all in (no button there).
 * The first sentence says the message was not collected.
 */
function digestNoteText(
  targets: DigestNoteTargets,
  example: string,
  t: ReturnType<typeof replyText>,
): string {
  const { threads, noThread, allIn } = targets;
  const parts: string[] = [];
  if (threads.length > 0 || (noThread === undefined && allIn === undefined))
    parts.push(t.notReminderThread(example, threads));
  if (noThread)
    parts.push(
      parts.length === 0
        ? t.notReminderThreadYet(noThread.id, noThread.codes)
        : t.noReminderThreadYet(noThread.id, noThread.codes),
    );
  if (allIn)
    parts.push(
      parts.length === 0
        ? t.notReminderThreadAllIn(allIn.id, allIn.codes, allIn.task)
        : t.allInNoThread(allIn.id, allIn.codes, allIn.task),
    );
  return parts.join(" ");
}

/**
 * Where a contact's answer to the current cut-off goes, for the digest thread's note:
 * `threads`, the reminder threads to link ({@link ThreadLink}); `noThread`, the cut-off (`id`,
 * as `/cutoff list` numbers it) and the codes of the institutions it asks something (their
 * scope for it is not empty, `institutionScope`) that have no reminder thread for it yet — they
 * answer through the Home's "Submit update" buttons; absent when there is none. `allIn`: the
 * cut-off and the codes of those with no thread that have already answered every task it asks
 * (`unansweredTasks`, as the Home, which then shows "✅ … viss ir iesniegts" and no button), with
 * `task`, one of those tasks to see the answers with `/task N` (the one the message names, else
 * the first asked); absent when there is none.
 */
export interface DigestNoteTargets {
  threads: ThreadLink[];
  noThread?: { id: number; codes: string[] };
  allIn?: { id: number; codes: string[]; task: string };
}

const NO_TARGETS: DigestNoteTargets = { threads: [] };

/**
 * {@link DigestNoteTargets} for `userId`: of the institutions they are a contact of, in the order
 * `listInstitutions` gives, each one's reminder thread for the current cut-off (`activeCutoff`:
 * the next not passed, else the last passed within {@link CUTOFF_GRACE_DAYS} days — the one the
 * digest and the App Home are about), read by {@link threadAsking} as {@link askedElsewhere}
 * reads them, or, without one, whether the cut-off asks it anything. When the message names
 * tasks (`named`, its leading numbers), only the institutions asked about one of them (the
 * cut-off's scope for that institution, as a reply in the thread is filed by) — a contact of
 * IEM and LM writing "5: …" is pointed to IEM's thread when 5 is IEM's task and not LM's; a
 * task the current cut-off does not ask an institution but another live cut-off does ("14: …"
 * while the current reminder asks only 3) links that cut-off's thread ({@link askedElsewhere},
 * as a reply's pointer), or, when that cut-off's reminder left it no thread (no channel,
 * unreachable), names that cut-off in `noThread` ({@link askedWithoutThread}: the Home's button);
 * when none is asked about them, or none is named, every one. No targets when the user is no
 * contact or there is no current cut-off. Reads the store; its errors are thrown.
 */
export async function digestNoteTargets(
  deps: Pick<ReplyDeps, "db" | "clock">,
  userId: string,
  named: readonly string[] = [],
): Promise<DigestNoteTargets> {
  const ids = new Set(await institutionsOfContact(deps.db, userId));
  if (ids.size === 0) return NO_TARGETS;
  const now = deps.clock.now();
  const cutoff = await activeCutoff(
    deps.db,
    now.toUTC().toISO() ?? "",
    now.minus({ days: CUTOFF_GRACE_DAYS }).toUTC().toISO() ?? "",
  );
  if (!cutoff) return NO_TARGETS;
  const all = noteLists();
  const asking = noteLists();
  let standings: InstitutionStanding[] | undefined;
  for (const inst of (await listInstitutions(deps.db)).filter((i) => ids.has(i.id))) {
    const thread = await threadAsking(deps.db, cutoff, inst.id, named);
    const scope = thread ? [] : await institutionScope(deps.db, cutoff, inst.id);
    const numbers = scope.map((t) => t.number);
    const asksHere = thread ? thread.asked.length > 0 : numbers.some((n) => named.includes(n));
    // A task the current cut-off does not ask the institution but another live one does: that
    // one's thread, as a reply's asked-elsewhere pointer links it ("14: …" → 14's thread).
    const elsewhere =
      named.length > 0 && !asksHere
        ? (await askedElsewhere(deps, inst.id, cutoff.id, named))[0]
        : undefined;
    if (elsewhere) asking.threads.push({ code: inst.code, link: elsewhere.link });
    // Another live cut-off asks it but its reminder left no thread (no channel, unreachable):
    // answered on the Home, as for the current one ("5: …" while only #1 asks IZM task 5).
    const unthreaded =
      named.length > 0 && !asksHere && !elsewhere
        ? await askedWithoutThread(deps, inst.id, cutoff, named)
        : undefined;
    if (unthreaded) asking.codes.push({ code: inst.code, numbers: [], cutoffId: unthreaded.id });
    if (thread) {
      const link = { code: inst.code, link: thread.link };
      all.threads.push(link);
      if (asksHere) asking.threads.push(link);
      continue;
    }
    if (numbers.length === 0) continue;
    // Read once, only for a contact of an institution with no thread: who answered what.
    standings ??= await cutoffStandings(deps.db, cutoff, await institutionNames(deps.db));
    const standing = standings.find((st) => st.code === inst.code);
    const done = standing !== undefined && unansweredTasks(standing).length === 0;
    const list = done ? "allIn" : "codes";
    all[list].push({ code: inst.code, numbers });
    if (asksHere) asking[list].push({ code: inst.code, numbers });
  }
  const count = (l: NoteLists) => l.threads.length + l.codes.length + l.allIn.length;
  const chosen = count(asking) > 0 ? asking : all;
  const codes = (l: Array<{ code: string }>) => l.map((i) => i.code);
  const asked = chosen.allIn.flatMap((i) => i.numbers);
  // One cut-off named: the first institution's (the current one unless another asks it).
  const noThreadId = chosen.codes[0]?.cutoffId ?? cutoff.id;
  const noThread = chosen.codes.filter((i) => (i.cutoffId ?? cutoff.id) === noThreadId);
  return {
    threads: chosen.threads,
    ...(noThread.length > 0 ? { noThread: { id: noThreadId, codes: codes(noThread) } } : {}),
    ...(chosen.allIn.length > 0
      ? {
          allIn: {
            id: cutoff.id,
            codes: codes(chosen.allIn),
            task: asked.find((n) => named.includes(n)) ?? asked[0] ?? "",
          },
        }
      : {}),
  };
}

/**
 * {@link digestNoteTargets}'s lists: threads, institutions with none (owing, all in) and their
 * tasks; `cutoffId` another live cut-off the institution owes through the Home (none: the current).
 */
interface NoteLists {
  threads: ThreadLink[];
  codes: Array<{ code: string; numbers: string[]; cutoffId?: number }>;
  allIn: Array<{ code: string; numbers: string[] }>;
}

function noteLists(): NoteLists {
  return { threads: [], codes: [], allIn: [] };
}

/**
 * The earliest live cut-off other than `current` (of its programme; ahead, or passed within
 * {@link CUTOFF_GRACE_DAYS} days, as {@link askedElsewhere} counts them) that asks institution
 * `institutionId` one of `named` (its scope, `institutionScope`) but whose reminder has started
 * no thread for it ({@link threadAsking}); undefined when none. Reads the store; errors thrown.
 */
async function askedWithoutThread(
  deps: Pick<ReplyDeps, "db" | "clock">,
  institutionId: number,
  current: Cutoff,
  named: readonly string[],
): Promise<Cutoff | undefined> {
  const since = deps.clock.now().minus({ days: CUTOFF_GRACE_DAYS }).toUTC().toISO() ?? "";
  for (const c of await liveCutoffsAfter(deps.db, since)) {
    if (c.id === current.id || c.programmeId !== current.programmeId) continue;
    const scope = await institutionScope(deps.db, c, institutionId);
    if (!scope.some((t) => named.includes(t.number))) continue;
    if (!(await threadAsking(deps.db, c, institutionId, named))) return c;
  }
  return undefined;
}

/**
 * The reminder threads of the institutions `userId` is a contact of for the current cut-off,
 * each as its institution's code and a link to the thread's root ({@link messageLink}), as
 * {@link digestNoteTargets} chooses them for `named`. Empty when the user is no contact, there
 * is no current cut-off, or no reminder has started a thread for it yet. Reads the store; its
 * errors are thrown.
 */
export async function reminderThreadsOf(
  deps: Pick<ReplyDeps, "db" | "clock">,
  userId: string,
  named: readonly string[] = [],
): Promise<ThreadLink[]> {
  return (await digestNoteTargets(deps, userId, named)).threads;
}
