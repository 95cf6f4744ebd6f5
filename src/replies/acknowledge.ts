import type { KnownBlock } from "@slack/types";
import { getMapping } from "../../db/contacts.ts";
import type { Reply } from "../../db/replies.ts";
import type { ReminderThread } from "../../db/threads.ts";
import type { Locale } from "../config.ts";
import { replyText } from "../i18n/reply.ts";
import type { InstitutionProgress } from "../reminders/compose.ts";
import {
  type HeadingNote,
  renderAssignPrompt,
  renderFiledNote,
  renderNotice,
  renderUnverified,
} from "../slack/render-reply-prompt.ts";
import { platformError } from "../slack/web.ts";
import { askedElsewhere, askedElsewhereText } from "./asked-elsewhere.ts";
import { type ReplyDeps, sideEffect } from "./deps.ts";
import { type LateNote, lateNoteFor, lateNoteText } from "./late-note.ts";
import { removalDay } from "./removed-note.ts";

/**
 * The reaction on a reply stored and filed under a task from a contact of the institution (a
 * verified reply): it counts as that task's answer (✅, Slack's standard `white_check_mark`).
 * README "Replies" says what each reaction means.
 */
export const ACK_REACTION = "white_check_mark";

/**
 * The reaction on a reply stored but filed under no task ("viss kārtībā" in a reminder for
 * several tasks, "99: …" naming none of its tasks): received, not yet counted as any task's
 * answer until its author attaches it (a button, or an edit starting with the number) — ❓,
 * Slack's standard `question`. Other members reading the thread see it is not counted.
 */
export const UNFILED_REACTION = "question";

/**
 * The reaction on a reply filed under a task but written by someone who is no mapped contact
 * of the institution (unverified): kept, but `/task` ("❔ … pārbaudītas atbildes vēl nav"),
 * the digest and the annex do not count it as the task's answer — ❔, Slack's standard
 * `grey_question`, the marker `/task` shows, so it does not read as counted.
 */
export const UNVERIFIED_REACTION = "grey_question";

/**
 * The reaction a reply gets — the one rule for it: {@link UNFILED_REACTION} when filed under no
 * task (verified or not); under a task, {@link ACK_REACTION} when `verified` (its author is a
 * contact of the institution), else {@link UNVERIFIED_REACTION}.
 */
export function reactionFor(state: { filed: boolean; verified: boolean }): string {
  if (!state.filed) return UNFILED_REACTION;
  return state.verified ? ACK_REACTION : UNVERIFIED_REACTION;
}

/** A freshly stored reply and what the side effects need to know about it. */
export interface StoredReply {
  reply: Reply;
  thread: ReminderThread;
  /** The institution's part in the cut-off (a removed one too); null when it is not stored. */
  progress: InstitutionProgress | null;
  /** True when the secretary removed the thread's cut-off: the reply is kept, no buttons shown. */
  removed: boolean;
  /** When it was removed (UTC ISO), said in the note; null when unknown or live. */
  removedAt?: string | null;
  taskNumber: string | null;
  /**
   * When unassigned: the numbers it names that are tasks of the programme, none in this
   * reminder ("2, 99: …" → ["2"]).
   */
  strayNumbers: string[];
  /**
   * When filed: the numbers it names that are tasks of the programme but not in this reminder
   * ("2: …; 14: …" → ["2"]).
   */
  strayListed: string[];
  /** The numbers it names that are no task of the programme ("14: …\n150: …", "2, 150: …" → ["150"]). */
  notInProgramme: string[];
  /**
   * Headings it names whose sub-tasks this reminder asks about ("13: …" where 13.3 is asked):
   * told which sub-task to name, not "not in this reminder" (`splitStray`, ./stray.ts). Unset: none.
   */
  headings?: HeadingNote[];
  /** Tasks of the scope the reply names but is not filed under (`tasksNotFiled`); often empty. */
  unfiled: string[];
  /** True when the reply named no task and was filed under the one open task (README rule). */
  inferred: boolean;
  /**
   * True when it named no task and was left unassigned because the institution had answered
   * here by number before (no guess then): the prompt first says it has no number.
   */
  askedForNumber?: boolean;
  /**
   * The number it starts with but without a colon ("13.3 apmācības", `bareLeadingNumber`): the
   * note says so instead of "names no task number". `notAsked`: the number is a task of the
   * programme this thread does not ask ("14 apmācības" in a reminder for 5), so the reply was
   * left without a task and the prompt says so. Unset or null: none.
   */
  bareNumber?: { typed: string; number: string; notAsked?: boolean } | null;
  /** Numbers "N.0" not in the programme whose N is a task (`splitStray`'s `meant`): "did you mean N?". */
  meant?: Array<{ asked: string; meant: string }>;
  /**
   * The live cut-off (id, instant UTC ISO) the reply was received after: its author is told the
   * reply is kept and marked late. Null or unset: in time, or the cut-off was removed.
   */
  lateFor?: { id: number; at: string } | null;
}

/**
 * The visible side of a newly stored reply, each step on its own so one failure does not stop
 * the others (the reply is already stored):
 * 1. a reaction on the message (reactions.add; `already_reacted` counts as done): ✅ when filed
 *    under a task and verified, ❔ when filed but unverified, ❓ when stored under none
 *    ({@link reactionFor});
 * 2. when the author is not a contact: an ephemeral explanation (chat.postEphemeral);
 * 3. when unassigned: an ephemeral prompt with a button per task of the institution, first
 *    naming every number it named that is not in this reminder ("2: …", "2, 99: …"; those that
 *    are no task of the programme, 99, apart) or the several it named;
 * 4. when filed under a task but naming others too ("2: …; 14: …"; "2, 99: …" or "99: …; 14:
 *    …", 99 not in this reminder; "14: …\n150: …", 150 no task of the programme), or filed under the one open task for want of a number: an ephemeral note naming
 *    the task, what did not get the reply and how to change it (buttons for the other tasks, or an edit starting with the number).
 * A reply filed under a task received after its live cut-off's time also gets a note that it
 * is kept and marked late (`lateFor`), or kept as a supplement when its task had been answered in time
 * (src/replies/late-note.ts), so nobody is surprised by the mark in `/task`, the digest or the
 * annex.
 * In a removed cut-off's thread, instead of 3 and 4 (its buttons would be refused): one note that
 * the cut-off was removed (on which day, in the configured zone) but the reply is kept (under
 * which task), and which named tasks did not get it.
 * Notes go to the author in the thread, or by direct message when Slack refuses the ephemeral.
 * Sources: https://api.slack.com/methods/reactions.add, https://api.slack.com/methods/chat.postEphemeral
 */
export async function acknowledgeReply(deps: ReplyDeps, stored: StoredReply): Promise<void> {
  const { reply } = stored;
  const name = reactionFor({ filed: stored.taskNumber !== null, verified: reply.verified });
  await sideEffect(deps.logger, "reaction", () => react(deps, reply.channelId, reply.ts, name));
  if (!reply.verified)
    await sideEffect(deps.logger, "unverified", () => tellUnverified(deps, stored));
  // Only for a reply filed under a task (lateNoteFor): one under none is no late answer yet;
  // its assign prompt says what to do, and the button's answer tells it then.
  const cutoff = stored.removed ? null : stored.lateFor;
  if (cutoff && stored.taskNumber !== null)
    await sideEffect(deps.logger, "late_note", async () => {
      const late = await lateNoteFor(deps.db, reply, cutoff, stored.taskNumber);
      if (late) await tellLate(deps, stored, late);
    });
  const tasks = stored.progress?.tasks ?? [];
  if (stored.removed) {
    await sideEffect(deps.logger, "removed_note", () => tellRemoved(deps, stored));
  } else if (stored.taskNumber === null && tasks.length > 0) {
    await sideEffect(deps.logger, "assign_prompt", () => promptAssign(deps, stored));
  } else if (
    stored.taskNumber !== null &&
    (stored.unfiled.length > 0 ||
      stored.inferred ||
      stored.strayListed.length > 0 ||
      stored.notInProgramme.length > 0 ||
      (stored.headings?.length ?? 0) > 0)
  ) {
    await sideEffect(deps.logger, "filed_note", () => tellFiled(deps, stored));
  }
}

/**
 * Adds reaction `name` (default {@link ACK_REACTION}) to a message; `already_reacted` is success.
 * @throws the Web API's other errors.
 */
export async function react(
  deps: Pick<ReplyDeps, "slack">,
  channel: string,
  ts: string,
  name: string = ACK_REACTION,
): Promise<void> {
  try {
    await deps.slack.reactions.add({ channel, timestamp: ts, name });
  } catch (error) {
    if (platformError(error) !== "already_reacted") throw error;
  }
}

/**
 * Makes a stored reply's reaction say whether it is filed under a task now ({@link reactionFor},
 * with the reply's `verified`): adds the right one first (so the message is never left without
 * one), then takes the one it had while filed the other way off (`no_reaction`: it was not
 * there, success) — ❓ → ✅ for a verified reply, ❓ → ❔ for an unverified one. For a reply whose
 * task changed from none to one (the assign button, an edit starting with its number) or back.
 * Source: https://api.slack.com/methods/reactions.remove
 * @throws the Web API's other errors (callers run it as a side effect).
 */
export async function showFiled(
  deps: Pick<ReplyDeps, "slack">,
  message: { channelId: string; ts: string; verified: boolean },
  filed: boolean,
): Promise<void> {
  const { verified } = message;
  await react(deps, message.channelId, message.ts, reactionFor({ filed, verified }));
  try {
    await deps.slack.reactions.remove({
      channel: message.channelId,
      timestamp: message.ts,
      name: reactionFor({ filed: !filed, verified }),
    });
  } catch (error) {
    if (platformError(error) !== "no_reaction") throw error;
  }
}

/** Tells a non-contact author, in the thread, that the reply is kept but unverified. */
export async function tellUnverified(
  deps: ReplyDeps,
  stored: Pick<StoredReply, "reply" | "thread">,
): Promise<void> {
  const mapping = await getMapping(deps.db, stored.reply.institutionId);
  if (!mapping) return;
  const locale = await deps.locales.forUser(stored.reply.userId);
  const contacts = mapping.contacts.map((c) => c.userId);
  const message = renderUnverified(mapping.code, contacts, locale);
  await ephemeralOrDirect(deps, stored, message);
}

/**
 * A private note to a reply's author: an ephemeral message in the thread; when Slack refuses it
 * because the author is not a member of the channel (`user_not_in_channel`), a direct message
 * instead — the author is still told. `stored.thread`: where the reply was written.
 * @throws the Web API's error when neither can be sent (callers run it as a side effect).
 * Source: https://api.slack.com/methods/chat.postEphemeral#errors
 */
export async function ephemeralOrDirect(
  deps: ReplyDeps,
  stored: {
    reply: Pick<Reply, "userId">;
    thread: Pick<ReminderThread, "channelId" | "threadTs">;
  },
  message: { text: string; blocks?: KnownBlock[] },
): Promise<void> {
  try {
    await deps.slack.chat.postEphemeral({
      channel: stored.thread.channelId,
      user: stored.reply.userId,
      thread_ts: stored.thread.threadTs,
      ...message,
    });
  } catch (error) {
    if (platformError(error) !== "user_not_in_channel") throw error;
    const dm = await deps.slack.conversations.open({ users: stored.reply.userId });
    if (!dm.channel?.id) throw error;
    await deps.slack.chat.postMessage({ channel: dm.channel.id, ...message });
  }
}

/**
 * Tells the author, privately ({@link ephemeralOrDirect}), that their reply is kept but came
 * after cut-off `late.id` (instant UTC ISO shown in the configured zone): marked "(pēc
 * ziņošanas termiņa)", or, to a task answered in time, kept as a supplement "(papildināts pēc
 * ziņošanas termiņa)" as the views mark it ({@link lateNoteText}).
 * @throws the Web API's error when the note cannot be sent (callers run it as a side effect).
 */
export async function tellLate(
  deps: ReplyDeps,
  stored: {
    reply: Pick<Reply, "userId">;
    thread: Pick<ReminderThread, "channelId" | "threadTs">;
  },
  late: LateNote,
): Promise<void> {
  const locale = await deps.locales.forUser(stored.reply.userId);
  const text = lateNoteText(late, locale, deps.config.timezone);
  await ephemeralOrDirect(deps, stored, renderNotice(text));
}

async function promptAssign(deps: ReplyDeps, stored: StoredReply): Promise<void> {
  const locale = await deps.locales.forUser(stored.reply.userId);
  const tasks = stored.progress?.tasks ?? [];
  const m = replyText(locale);
  const bare = stored.unfiled.length === 0 ? stored.bareNumber : null;
  // "14 apmācības", 14 not asked here: where 14 is asked, as for "14: …".
  const stray = bare?.notAsked ? [...stored.strayNumbers, bare.number] : stored.strayNumbers;
  const elsewhere = await elsewhereText(deps, stored, stray, locale);
  // Why a reply naming no task was not guessed (README "Replies"): answered here by number
  // before; every task already has its answer (none open); or several still open.
  const why = stored.askedForNumber
    ? "numbered"
    : (stored.progress?.open.length ?? 0) === 0
      ? "answered"
      : "several";
  const inScope = (n: string) => tasks.some((t) => t.number === n);
  const message = renderAssignPrompt(
    stored.reply,
    tasks,
    locale,
    stored.strayNumbers,
    stored.unfiled,
    bare?.notAsked
      ? m.bareNumberNotAsked(
          bare.typed,
          bare.number,
          stored.progress?.open[0] ?? tasks[0]?.number ?? "",
        )
      : bare
        ? m.bareNumberUnassigned(bare.typed, bare.number, why, inScope(bare.number))
        : stored.askedForNumber
          ? m.noNumberUnassigned
          : "",
    stored.notInProgramme,
    { headings: stored.headings ?? [], elsewhere },
  );
  await ephemeralOrDirect(deps, stored, message);
}

async function tellRemoved(deps: ReplyDeps, stored: StoredReply): Promise<void> {
  const locale = await deps.locales.forUser(stored.reply.userId);
  const m = replyText(locale);
  const kept = m.cutoffRemovedKept(stored.taskNumber, removalDay(deps, stored.removedAt, locale));
  const several =
    stored.taskNumber === null
      ? stored.unfiled.length > 1
        ? m.severalTasksUnassigned(stored.unfiled)
        : ""
      : stored.unfiled.length > 0
        ? m.severalTasksFiled(stored.taskNumber, stored.unfiled)
        : "";
  await ephemeralOrDirect(deps, stored, renderNotice(several ? `${kept} ${several}` : kept));
}

async function tellFiled(deps: ReplyDeps, stored: StoredReply): Promise<void> {
  if (stored.taskNumber === null) return;
  const locale = await deps.locales.forUser(stored.reply.userId);
  const message = renderFiledNote(
    {
      reply: stored.reply,
      taskNumber: stored.taskNumber,
      unfiled: stored.unfiled,
      notInReminder: stored.strayListed,
      notInProgramme: stored.notInProgramme,
      headings: stored.headings ?? [],
      inferred: stored.inferred,
      bareNumber: stored.bareNumber,
      tasks: stored.progress?.tasks ?? [],
    },
    locale,
  );
  const elsewhere = await elsewhereText(deps, stored, stored.strayListed, locale);
  if (elsewhere === "") return ephemeralOrDirect(deps, stored, message);
  await ephemeralOrDirect(deps, stored, {
    text: `${message.text} ${elsewhere}`,
    blocks: [...(message.blocks ?? []), ...(renderNotice(elsewhere).blocks ?? [])],
  });
}

/**
 * Where the numbers a reply names outside its reminder (`numbers`) are asked instead: the
 * sentences linking another live cut-off's reminder thread of the institution that asks about
 * them ({@link askedElsewhere}); "" when none does. Reads the store; its errors are thrown.
 */
async function elsewhereText(
  deps: ReplyDeps,
  stored: StoredReply,
  numbers: readonly string[],
  locale: Locale,
): Promise<string> {
  const { institutionId, cutoffId } = stored.reply;
  const m = replyText(locale);
  const meant = (stored.meant ?? []).map((x) => m.didYouMean(x.asked, x.meant));
  const asked = askedElsewhereText(
    await askedElsewhere(deps, institutionId, cutoffId, numbers),
    locale,
  );
  return [...meant, asked].filter((x) => x !== "").join(" ");
}
