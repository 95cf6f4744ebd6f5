import { replyCutoff } from "../../db/cutoffs.ts";
import { insertReply, type Reply, type ReplySource } from "../../db/replies.ts";
import { institutionScope } from "../../db/scope.ts";
import { type ReminderThread, threadByRoot } from "../../db/threads.ts";
import { isContactOf } from "../auth.ts";
import {
  attributeReply,
  bareLeadingNumber,
  isNumberOnly,
  leadingNumbers,
  namedTasks,
  strayNumbers,
  tasksNotFiled,
} from "../domain/attribution.ts";
import { needsProgramme } from "../domain/decimal-tasks.ts";
import { receivedLate } from "../domain/late-reply.ts";
import { visibleText } from "../domain/visible-text.ts";
import { replyText } from "../i18n/reply.ts";
import { type InstitutionProgress, institutionProgress } from "../reminders/compose.ts";
import { renderNotice } from "../slack/render-reply-prompt.ts";
import { acknowledgeReply, ephemeralOrDirect, type StoredReply } from "./acknowledge.ts";
import { type ReplyDeps, sideEffect } from "./deps.ts";
import { isDigestAnswer, refuseDigestThreadMessage } from "./digest-thread.ts";
import { knownNumbers, programmeNumbers } from "./known-numbers.ts";
import { type BotIdentity, isNotFromPerson, type SlackMessage, tsToIso } from "./message.ts";
import { removedLead } from "./removed-note.ts";
import { splitStray } from "./stray.ts";

/** Why a message is not a reply. */
export type IgnoredReason =
  | "not_in_reminder_thread"
  | "thread_root"
  | "not_from_person"
  /** Only a task number ("14:"), no text and no file: refused, its author told (events only). */
  | "number_only"
  /**
   * Nothing visible (only invisible format characters or spaces, e.g. a pasted U+200B) and no
   * file: nothing to store; logged as refused (Slack itself sends no empty message).
   */
  | "empty"
  /** A person's message in a digest's thread: not a reply, its author told where to answer. */
  | "digest_thread";

/** What {@link ingestMessage} did with a message. */
export type IngestResult =
  | { kind: "ignored"; reason: IgnoredReason }
  | {
      kind: "stored";
      /** False when the message was stored before (a retry, a duplicate, the other path). */
      created: boolean;
      reply: Reply;
      /** The task number the reply is attributed to; null = unassigned. */
      taskNumber: string | null;
      verified: boolean;
    };

/** How a message reached us: the Events API or the collection job. */
export type IngestSource = Extract<ReplySource, "event" | "collect">;

/**
 * Turns a message in a reminder thread into the institution's reply — the one path for the
 * Events API listener and the collection job. A person's message in a digest's thread is no
 * reply; when it looks like an answer (a task number first, or an institution's contact wrote
 * it; see isDigestAnswer) it is refused and its author told where to answer (see
 * refuseDigestThreadMessage); a discussion there, or a draft's DM thread, is left alone.
 *
 * A message counts when its `thread_ts` is the root of a reminder thread, it is not that root,
 * and a person wrote it (not a bot, not the app), and it is more than a task number ("14:"
 * alone, without a file, is refused and its author told how to write a reply: see
 * refuseNumberOnly). It is written to the store first, unique by
 * (channel, ts), so Slack's retries, duplicate deliveries and the collection job store it once:
 * institution and cut-off of the thread; task by {@link attributeReply} (the first task it
 * names, or the one open task, else unassigned; by the number only in a removed cut-off's thread,
 * and for a reply naming no task once the institution has answered here by number, see
 * numberedBefore); verified when the author is a contact of the institution;
 * `receivedAt` = the instant of the message's ts (when it was written, even if collected later).
 * Only then, and only for a newly stored reply, the side effects (reaction, explanations, assign
 * prompt, the note when the reply names several tasks or was filed under the one open task for
 * want of a number; see {@link acknowledgeReply}) — each may fail without losing the reply.
 * `opts.edited`: the message came as an edit (`message_changed`) of a message not stored (a
 * refused "14:" edited into an answer); the digest-thread note, given for the first post, is
 * not repeated then.
 * @throws Error only when the store fails (nothing visible happened then).
 */
export async function ingestMessage(
  deps: ReplyDeps,
  message: SlackMessage,
  opts: { source: IngestSource; self: BotIdentity; edited?: boolean },
): Promise<IngestResult> {
  if (message.threadTs === null) return { kind: "ignored", reason: "not_in_reminder_thread" };
  if (message.threadTs === message.ts) return { kind: "ignored", reason: "thread_root" };
  if (isNotFromPerson(message, opts.self)) return { kind: "ignored", reason: "not_from_person" };
  const thread = await threadByRoot(deps.db, message.channelId, message.threadTs);
  if (!thread) {
    // A member answering the digest in its thread ("14: …", or an institution's contact) is
    // told where replies go (Events API only: the collection job reads reminder threads alone);
    // a discussion of the digest, or a draft's DM thread, is left alone.
    if (
      opts.source === "event" &&
      !opts.edited &&
      (await isDigestAnswer(deps.db, { ...message, threadTs: message.threadTs }))
    ) {
      await refuseDigestThreadMessage(deps, { ...message, threadTs: message.threadTs });
      return { kind: "ignored", reason: "digest_thread" };
    }
    return { kind: "ignored", reason: "not_in_reminder_thread" };
  }

  const userId = message.userId ?? "";
  if (message.files.length === 0 && visibleText(message.text).trim() === "") {
    deps.logger[opts.source === "event" ? "info" : "debug"](
      { channel: message.channelId, ts: message.ts, user: userId, reason: "empty" },
      "reply refused",
    );
    return { kind: "ignored", reason: "empty" };
  }
  if (message.files.length === 0 && isNumberOnly(message.text)) {
    await refuseNumberOnly(deps, message, thread, opts.source);
    return { kind: "ignored", reason: "number_only" };
  }
  const { progress, removed, removedAt, programmeId, cutoffAt } = await progressOf(deps, thread);
  // A removed cut-off's thread is answered by number only: nothing is open there any more; nor
  // is a reply without a number once the institution has answered here by number.
  const scope = progress?.tasks.map((t) => t.number) ?? [];
  const programme = programmeNumbers(deps.db, programmeId);
  // "13,3: …" reads 13.3 when that is a task here or of the programme (decimal-tasks.ts).
  const known = await knownNumbers(message.text, scope, programme);
  const askNumber = !removed && progress !== null && numberedBefore(message, progress, known);
  const guess = progress
    ? attributeReply(message.text, scope, progress.open, {
        byNumberOnly: removed || askNumber,
        known,
      })
    : null;
  const bare = await bareNumberOf(message.text, scope, known, programme);
  // "14 apmācības" in a thread asking only 5: not guessed to be 5's when 14 is another task.
  const number = guess !== null && bare?.otherTask && bare.number !== guess ? null : guess;
  const verified = await isContactOf(deps.db, userId, thread.institutionId);
  const { reply, created } = await insertReply(deps.db, {
    cutoffId: thread.cutoffId,
    institutionId: thread.institutionId,
    taskId: progress?.tasks.find((t) => t.number === number)?.taskId ?? null,
    channelId: message.channelId,
    ts: message.ts,
    threadTs: message.threadTs,
    userId,
    text: message.text,
    files: message.files,
    statusClaim: null,
    verified,
    source: opts.source,
    receivedAt: tsToIso(message.ts),
    storedAt: deps.clock.now().toUTC().toISO() ?? "",
  });
  const taskNumber = progress?.tasks.find((t) => t.taskId === reply.taskId)?.number ?? null;
  if (created)
    await acknowledgeReply(deps, {
      ...(await explain(deps, reply, thread, progress, taskNumber, programmeId, known)),
      bareNumber: bare && { typed: bare.typed, number: bare.number, notAsked: bare.notAsked },
      removed,
      removedAt,
      askedForNumber: askNumber && taskNumber === null,
      lateFor: lateFor(reply.receivedAt, thread.cutoffId, cutoffAt, removed),
    });
  return { kind: "stored", created, reply, taskNumber, verified: reply.verified };
}

/**
 * A message that is only a task number ("14:") is no answer: nothing is stored (the message
 * stays in Slack), the refusal is logged ("reply refused", reason "number_only", as refused
 * input is), and its author is told privately — in the thread, or by direct message when Slack
 * refuses the ephemeral — how to write a reply ("14: …teksts…"); in a removed cut-off's thread
 * it first says the cut-off was removed, and on which day, as the edit's note does
 * ({@link removedLead}). Its example number is read as a reply's is ("5,14:" → 5 unless 5.14 is
 * a task, {@link numberOnlyNumbers}). Only for the Events API: the collection job re-reads the
 * same message every run and would repeat the note, so it skips it.
 */
async function refuseNumberOnly(
  deps: ReplyDeps,
  message: SlackMessage,
  thread: ReminderThread,
  source: IngestSource,
): Promise<void> {
  const userId = message.userId ?? "";
  // The collection job meets it again every run: logged once at info, from the Events API.
  deps.logger[source === "event" ? "info" : "debug"](
    { channel: message.channelId, ts: message.ts, user: userId, source, reason: "number_only" },
    "reply refused",
  );
  if (source !== "event") return;
  await sideEffect(deps.logger, "number_only_note", async () => {
    const number = (await numberOnlyNumbers(deps, message.text, thread))[0] ?? "";
    const locale = await deps.locales.forUser(userId);
    const removed = await removedLead(deps, thread.cutoffId, locale);
    await ephemeralOrDirect(
      deps,
      { reply: { userId }, thread },
      renderNotice(`${removed}${replyText(locale).numberOnly(number)}`),
    );
  });
}

/**
 * True when `message` names no task at all and the institution already has, earlier in this
 * cut-off, an active reply from a thread message (not the form) that names one of its tasks
 * here ("2: …"). Such a thread is answered by number, so a message without one ("Paldies par
 * atgādinājumu, atbildēsim rīt.") is more likely conversation than an answer: it is not filed
 * under the one open task (which would cancel that task's reminders) but kept unassigned, and
 * its author gets the buttons. The institution's first reply, or one after unnumbered ones,
 * is still filed under the one open task. `progress.replies`: the institution's active replies;
 * `known`: the numbers a leading "N,M" is read as N.M by ({@link knownNumbers}).
 */
function numberedBefore(
  message: SlackMessage,
  progress: InstitutionProgress,
  known: readonly string[],
): boolean {
  const scope = progress.tasks.map((t) => t.number);
  if (leadingNumbers(message.text, known).length > 0) return false;
  if (namedTasks(message.text, scope, known).length > 0) return false;
  const at = tsToIso(message.ts);
  return progress.replies.some(
    (r) =>
      r.ts !== message.ts &&
      r.source !== "modal" &&
      r.receivedAt < at &&
      namedTasks(r.text, scope).length > 0,
  );
}

/**
 * What the acknowledgement says beyond the reaction: the stray numbers, the unfiled tasks, a
 * guess. Numbers it names outside the reminder are split by the programme's tasks (read only
 * then, {@link splitStray}): those the programme has are "not in this reminder", the others
 * ("14: …\n150: …", "150: …"; 150 no task at all) "not in the programme", and a heading
 * whose sub-tasks the reminder asks about ("13: …", 13.3 asked) names them instead.
 */
async function explain(
  deps: ReplyDeps,
  reply: Reply,
  thread: ReminderThread,
  progress: InstitutionProgress | null,
  taskNumber: string | null,
  programmeId: number | null,
  known: readonly string[],
): Promise<Omit<StoredReply, "removed" | "removedAt" | "askedForNumber">> {
  const scope = progress?.tasks.map((t) => t.number) ?? [];
  const stray = progress ? strayNumbers(reply.text, scope, known) : [];
  const split =
    programmeId === null
      ? { notInReminder: stray, notInProgramme: [], headings: [] }
      : await splitStray(deps.db, programmeId, stray, scope);
  return {
    reply,
    thread,
    progress,
    taskNumber,
    strayNumbers: taskNumber === null ? split.notInReminder : [],
    strayListed: taskNumber !== null ? split.notInReminder : [],
    notInProgramme: split.notInProgramme,
    headings: split.headings,
    unfiled: tasksNotFiled(reply.text, scope, taskNumber, known),
    // Filed under a task it does not name: the one open task, for want of a number.
    inferred: taskNumber !== null && namedTasks(reply.text, scope, known)[0] !== taskNumber,
    meant: split.meant ?? [],
  };
}

/**
 * The number a reply starts with but without a colon ({@link bareLeadingNumber}: "14
 * apmācības"), and whether it is a task: `otherTask` when it is one of `scope` (the thread's
 * task numbers) or of the programme, `notAsked` when of the programme but not of `scope`. A
 * reply starting with another task's number is not guessed to be the thread's one open task's
 * (ingestMessage); a number that is no task ("150 apmācības"; a year is no bare number at all)
 * still is. `known`: as {@link knownNumbers}. The programme's tasks (`programme`,
 * {@link programmeNumbers}) are read only for a bare number outside `scope`; when that read
 * fails the number counts as no task (today's guess), so the reply is still stored.
 */
async function bareNumberOf(
  text: string,
  scope: readonly string[],
  known: readonly string[],
  programme: () => Promise<string[]>,
): Promise<{ typed: string; number: string; otherTask: boolean; notAsked: boolean } | null> {
  const bare = bareLeadingNumber(text, known);
  if (!bare) return null;
  if (scope.includes(bare.number)) return { ...bare, otherTask: true, notAsked: false };
  const notAsked = (await programme()).includes(bare.number);
  return { ...bare, otherTask: notAsked, notAsked };
}

/**
 * The numbers a number-only message ("14:", "5,14:") names, read as a reply's are
 * ({@link knownNumbers}): for "N,M" the thread's scope and the programme are read first (the
 * message is refused before its thread's progress is); when that read fails (logged), or the
 * cut-off is not in the store, every "N,M" is N.M, as `/task` reads it.
 */
async function numberOnlyNumbers(
  deps: ReplyDeps,
  text: string,
  thread: ReminderThread,
): Promise<string[]> {
  let numbers = leadingNumbers(text);
  if (!needsProgramme(text, [])) return numbers;
  // A failed read is logged and the example read as `/task` reads it: the note still goes.
  await sideEffect(deps.logger, "number_only_scope", async () => {
    const found = await replyCutoff(deps.db, thread.cutoffId);
    if (!found) return;
    const tasks = await institutionScope(deps.db, found.cutoff, thread.institutionId);
    const scope = tasks.map((t) => t.number);
    const programme = programmeNumbers(deps.db, found.cutoff.programmeId);
    numbers = leadingNumbers(text, await knownNumbers(text, scope, programme));
  });
  return numbers;
}

/**
 * The institution's part in the thread's cut-off, a removed one too (its scope still names the
 * tasks), and the cut-off's programme; both null only when the cut-off is not in the store.
 * `removedAt`: when the secretary removed it (UTC ISO); null when it is live or not in the store.
 */
async function progressOf(
  deps: ReplyDeps,
  thread: ReminderThread,
): Promise<{
  progress: InstitutionProgress | null;
  removed: boolean;
  removedAt: string | null;
  programmeId: number | null;
  /** The cut-off's instant (UTC ISO); null when it is not in the store. */
  cutoffAt: string | null;
}> {
  const found = await replyCutoff(deps.db, thread.cutoffId);
  if (!found)
    return { progress: null, removed: true, removedAt: null, programmeId: null, cutoffAt: null };
  const progress = await institutionProgress(deps.db, found.cutoff, thread.institutionId);
  return {
    progress,
    removed: found.removed,
    removedAt: found.removedAt,
    programmeId: found.cutoff.programmeId,
    cutoffAt: found.cutoff.at,
  };
}

/**
 * The live cut-off a reply came after (`receivedAt` later than its instant `cutoffAt`, both UTC
 * ISO; the rule `/task` and the digest mark "(pēc ziņošanas termiņa)" by), so its author is
 * told; null when in time, when the cut-off was removed (that note says so) or is unknown.
 */
function lateFor(
  receivedAt: string,
  cutoffId: number,
  cutoffAt: string | null,
  removed: boolean,
): { id: number; at: string } | null {
  if (removed || cutoffAt === null) return null;
  return receivedLate(receivedAt, cutoffAt) ? { id: cutoffId, at: cutoffAt } : null;
}
