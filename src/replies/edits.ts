import { DateTime } from "luxon";
import { recordAudit } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import { replyCutoff } from "../../db/cutoffs.ts";
import {
  assignReply,
  editReply,
  findReplyByMessage,
  type Reply,
  withdrawReply,
} from "../../db/replies.ts";
import { type InstitutionTask, institutionScope } from "../../db/scope.ts";
import type { Locale } from "../config.ts";
import {
  attributeReply,
  isNumberOnly,
  leadingNumbers,
  strayNumbers,
} from "../domain/attribution.ts";
import { replyText } from "../i18n/reply.ts";
import {
  type HeadingNote,
  renderAssignPrompt,
  renderNotice,
} from "../slack/render-reply-prompt.ts";
import type { Clock } from "../time.ts";
import { ephemeralOrDirect, showFiled } from "./acknowledge.ts";
import { askedElsewhere, askedElsewhereText } from "./asked-elsewhere.ts";
import { type ReplyDeps, sideEffect } from "./deps.ts";
import type { IngestSource } from "./ingest.ts";
import { lateNoteFor, lateNoteText } from "./late-note.ts";
import { removalDay, removedLeadOf } from "./removed-note.ts";
import { splitStray } from "./stray.ts";

/**
 * What an edit or a deletion did: changed a stored reply, or nothing (unknown message, same
 * text, or "refused": an edit down to only a task number, the previous text kept).
 */
export type ChangeResult = "edited" | "unchanged" | "withdrawn" | "unknown" | "refused";

/**
 * A `message_changed` event (or a changed text the collection job found): replaces the stored
 * reply's text, keeping the previous one in its history (`reply_edits`). Messages that are not
 * stored replies are ignored, and so is an event that keeps the text (Slack sends one when it
 * unfurls a link): "unchanged" before any other store read. The new text is attributed as a new
 * reply's is, by its numbers only ({@link attributeReply} with `byNumberOnly`: no guess from the
 * open tasks; the cut-off may have been removed, its scope still counts):
 * - it names a task of the institution in the cut-off other than the reply's ("2: …" edited to
 *   "14: …"; "2: …; 14: …" or "99, 14: …" → 14; an unassigned reply edited to start with a
 *   number): the reply moves to that task, audited as the assign button does (entity "reply",
 *   field "task", actor the author) in the same transaction as the edit, and the author is told
 *   privately;
 * - it names tasks, none of them in the reminder ("99: nav tāda"): the reply keeps its task
 *   (the safest choice: the edit is most likely a typo, and the answer does not vanish from the
 *   task), the edit is stored, and the author is told privately, as for a new reply, that task
 *   99 is not in the programme (a task of it, "2", is "not in this reminder"; {@link
 *   splitStray}) and that the reply stays under its task, with a button per task of the
 *   institution to choose another (or confirm it) — only when the set of such numbers, or
 *   the numbers it leads with, differ from the previous text's ("99: a" edited to "99: b" is
 *   not asked about again; "14: a\n150: b" edited to "150: c" is);
 * - it names no task, or the reply's own: the attribution is kept, nothing said.
 * In a removed cut-off's thread (its scope still counts, as for a new reply there) the author is
 * told, instead of the notes above (whose buttons would be refused), of the first stored edit
 * after the removal (the reply's last edit, `edited_at`, not after `removed_at`) and of any
 * later one that moves the reply or names new numbers not in the reminder or programme (a typo
 * fix keeping its task is not): the cut-off was removed on that day, the edit is saved, and
 * under which task the reply now is (moved, or kept), with those numbers.
 * A reply an edit files under a task for the first time (it was under none) has its ❓ reaction
 * turned to ✅, or ❔ when unverified ({@link showFiled}); an edit never takes a reply's task
 * away, so never the reverse.
 * An edit of a withdrawn reply only keeps the text. An edit down to only a task number ("14: ok"
 * → "14:", the reply without files) is refused: the previous text stays the latest, "refused" is
 * returned, and — for the Events API only (`opts.source` "event"; the collection job would meet
 * it again every run) — the author is told privately that the reply keeps its previous text
 * and how to write one (first that the cut-off was removed, and when, in a removed one's thread).
 * @throws Error only when the store fails (the note may fail alone: it is logged).
 * Source: https://api.slack.com/events/message/message_changed
 */
export async function applyEdit(
  deps: ReplyDeps,
  change: { channelId: string; ts: string; text: string },
  opts: { source: IngestSource } = { source: "collect" },
): Promise<ChangeResult> {
  const reply = await findReplyByMessage(deps.db, change.channelId, change.ts);
  if (!reply) return "unknown";
  // Slack sends message_changed for unfurls and attachments too: no store reads for those.
  if (reply.text === change.text) return "unchanged";
  const numberOnly = reply.files.length === 0 && isNumberOnly(change.text);
  // The reply's cut-off, a removed one too, read once for every use below (null: not in the
  // store, or the read failed); the collection job's refusal tells nobody, so needs none.
  const found =
    numberOnly && opts.source !== "event"
      ? null
      : ((await replyCutoff(deps.db, reply.cutoffId).catch((error: unknown) => {
          deps.logger.warn({ replyId: reply.id, err: String(error) }, "edit: cut-off not read");
          return null;
        })) ?? null);
  if (numberOnly) {
    await refuseNumberOnlyEdit(deps, reply, change.text, opts.source, found);
    return "refused";
  }
  const at = deps.clock.now().toISO() ?? "";
  // The edit is stored even when the task cannot be worked out (it then stays as it was).
  const notReattributed = (error: unknown) => {
    deps.logger.warn({ replyId: reply.id, err: String(error) }, "edit not re-attributed");
    return null;
  };
  // A withdrawn reply's edit only keeps the text.
  const target =
    found && reply.withdrawnAt === null
      ? await retarget(deps.db, reply, change.text, found).catch(notReattributed)
      : null;
  const move = target?.kind === "move" ? target : null;
  const edited = await deps.db.transaction().execute(async (trx) => {
    if (!(await editReply(trx, reply.id, change.text, at))) return false;
    if (!move) return true;
    await assignReply(trx, reply.id, move.task.taskId);
    await recordAudit(trx, [
      {
        at,
        actor: reply.userId,
        entity: "reply",
        entityKey: String(reply.id),
        action: "update",
        field: "task",
        before: move.previous,
        after: move.task.number,
      },
    ]);
    return true;
  });
  if (!edited) return "unchanged";
  // The reaction says whether the reply counts for a task: ❓ → ✅ (❔ unverified) when the edit filed it.
  if (move && reply.taskId === null)
    await sideEffect(deps.logger, "reaction", () => showFiled(deps, reply, true));
  if (found?.removed && reply.withdrawnAt === null) {
    // Told once after the removal, then only when the edit says something new (moved, or
    // numbers outside the reminder or programme): a typo fix keeping the task is not.
    const tell = target !== null || firstSince(reply.editedAt, found.removedAt);
    deps.logger.info(
      { replyId: reply.id, cutoffId: reply.cutoffId, task: move?.task.number, told: tell },
      "edit in a removed cut-off's thread",
    );
    const text = { ...reply, text: change.text };
    if (tell)
      await sideEffect(deps.logger, "removed_edit_note", () =>
        tellRemovedEdit(deps, text, found, target),
      );
  } else if (move) {
    deps.logger.info(
      { replyId: reply.id, task: move.task.number, previous: move.previous },
      "reply reattributed",
    );
    const cutoff = found && !found.removed ? found.cutoff : null;
    await sideEffect(deps.logger, "reattributed_note", () => tellMoved(deps, reply, move, cutoff));
  } else if (target?.kind === "stray") {
    deps.logger.info(
      { replyId: reply.id, task: target.previous, stray: target.numbers },
      "edit names no task in the reminder",
    );
    const text = { ...reply, text: change.text };
    await sideEffect(deps.logger, "edit_stray_note", () => tellStray(deps, text, target));
  }
  return "edited";
}

/**
 * Whether an edit is a reply's first since its cut-off was removed: `editedAt` (the reply's
 * last stored edit before this one, the latest `reply_edits.at`, as read with the reply; null:
 * never edited) is not after `removedAt` (ISO instants, any offset). True when the removal's
 * time is not known (better told twice than not at all).
 */
function firstSince(editedAt: string | null, removedAt: string | null): boolean {
  if (editedAt === null || removedAt === null) return true;
  const edited = DateTime.fromISO(editedAt);
  const removed = DateTime.fromISO(removedAt);
  if (!edited.isValid || !removed.isValid) return true;
  return edited.toMillis() <= removed.toMillis();
}

/** What an edited text does to a reply's task: moves it, or names only tasks not in the reminder. */
type Retarget =
  | { kind: "move"; task: InstitutionTask; previous: string | null }
  | {
      kind: "stray";
      /** The numbers it names that are tasks of the programme but not in the reminder. */
      numbers: string[];
      /** The numbers it names that are no task of the programme at all ("150"). */
      notInProgramme: string[];
      /** Headings it names whose sub-tasks the reminder asks about ("13" → 13.3). */
      headings: HeadingNote[];
      /** The reply's task, kept (null: unassigned). */
      previous: string | null;
      /** The institution's tasks in the cut-off, for the buttons (none when it was removed). */
      tasks: InstitutionTask[];
    };

/** The reply's cut-off as {@link replyCutoff} reads it (a removed one too). */
type FoundCutoff = NonNullable<Awaited<ReturnType<typeof replyCutoff>>>;

/** What an edited text does to the reply's task ({@link applyEdit}); null when nothing. */
async function retarget(
  db: Db,
  reply: Reply,
  text: string,
  found: FoundCutoff,
): Promise<Retarget | null> {
  if (leadingNumbers(text).length === 0 || reply.withdrawnAt !== null) return null;
  const tasks = await institutionScope(db, found.cutoff, reply.institutionId);
  const scope = tasks.map((t) => t.number);
  const previous = tasks.find((t) => t.taskId === reply.taskId)?.number ?? null;
  // As a new reply is filed: the first task it names that is in the cut-off.
  const number = attributeReply(text, scope, [], { byNumberOnly: true });
  const task = tasks.find((t) => t.number === number);
  if (task) return task.taskId === reply.taskId ? null : { kind: "move", task, previous };
  const numbers = strayNumbers(text, scope);
  if (numbers.length === 0) return null;
  // The author was told about these numbers already ("99: a" edited to "99: b"): not again —
  // unless the edit changed the numbers the reply leads with ("14: a\n150: b" edited to
  // "150: c" no longer starts with its task, which the first note did not say).
  if (
    sameSet(strayNumbers(reply.text, scope), numbers) &&
    sameSet(leadingNumbers(reply.text), leadingNumbers(text))
  )
    return null;
  const split = await splitStray(db, found.cutoff.programmeId, numbers, scope);
  return {
    kind: "stray",
    numbers: split.notInReminder,
    notInProgramme: split.notInProgramme,
    headings: split.headings,
    previous,
    tasks: found.removed ? [] : tasks,
  };
}

/** True when `a` and `b` hold the same strings, in any order and count. */
function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...right].every((n) => left.has(n));
}

/**
 * An edit leaving only a task number: logged ("edit refused", reason "number_only"; at debug
 * from the collection job, which meets it every run) and, from the Events API, its author told
 * privately, with the number-only note of a new "14:" (after the removal's lead when `found`,
 * the reply's cut-off as {@link applyEdit} read it, was removed; null: no lead).
 */
async function refuseNumberOnlyEdit(
  deps: ReplyDeps,
  reply: Reply,
  text: string,
  source: IngestSource,
  found: FoundCutoff | null,
): Promise<void> {
  deps.logger[source === "event" ? "info" : "debug"](
    { replyId: reply.id, ts: reply.ts, source, reason: "number_only" },
    "edit refused",
  );
  if (source !== "event") return;
  const number = leadingNumbers(text)[0] ?? "";
  await sideEffect(deps.logger, "number_only_note", async () => {
    const locale = await deps.locales.forUser(reply.userId);
    const removed = removedLeadOf(deps, found, locale);
    const thread = { channelId: reply.channelId, threadTs: reply.threadTs ?? reply.ts };
    await ephemeralOrDirect(
      deps,
      { reply, thread },
      renderNotice(`${removed}${replyText(locale).numberOnlyEdit(number)}`),
    );
  });
}

/**
 * The note for an edit stored in a removed cut-off's thread (see {@link applyEdit}): removed on
 * which day, the edit saved, the reply's task (moved to, or kept; unassigned said so), then the
 * numbers it names that are not in the reminder or the programme. Words only: the cut-off's
 * buttons would be refused.
 */
async function tellRemovedEdit(
  deps: ReplyDeps,
  reply: Reply,
  found: FoundCutoff,
  target: Retarget | null,
): Promise<void> {
  const locale = await deps.locales.forUser(reply.userId);
  const m = replyText(locale);
  const day = removalDay(deps, found.removedAt, locale);
  let saved: string;
  if (target?.kind === "move") {
    saved = m.cutoffRemovedEdit(day, target.task.number, { previous: target.previous });
  } else {
    const tasks =
      target?.kind === "stray"
        ? null
        : await institutionScope(deps.db, found.cutoff, reply.institutionId);
    const number =
      target?.kind === "stray"
        ? target.previous
        : (tasks?.find((t) => t.taskId === reply.taskId)?.number ?? null);
    saved = m.cutoffRemovedEdit(day, number);
  }
  const named = target?.kind === "stray" ? strayWords(target, locale) : [];
  const thread = { channelId: reply.channelId, threadTs: reply.threadTs ?? reply.ts };
  await ephemeralOrDirect(deps, { reply, thread }, renderNotice([saved, ...named].join(" ")));
}

async function tellMoved(
  deps: ReplyDeps,
  reply: Reply,
  move: { task: InstitutionTask; previous: string | null },
  cutoff: { id: number; at: string } | null,
): Promise<void> {
  const locale = await deps.locales.forUser(reply.userId);
  // Received after the cut-off: late or a supplement under its new task (late-note.ts).
  const late = cutoff
    ? await lateNoteFor(deps.db, { ...reply, taskId: move.task.taskId }, cutoff, move.task.number)
    : null;
  const moved = replyText(locale).editReattributed(move.task.number, move.previous);
  const note = late ? ` ${lateNoteText(late, locale, deps.config.timezone)}` : "";
  const message = renderNotice(`${moved}${note}`);
  const thread = { channelId: reply.channelId, threadTs: reply.threadTs ?? reply.ts };
  await ephemeralOrDirect(deps, { reply, thread }, message);
}

/**
 * The sentences about an edit's numbers outside the reminder, without buttons: "not in this
 * reminder", each heading's sub-tasks asked here, "not in the programme".
 */
function strayWords(stray: Extract<Retarget, { kind: "stray" }>, locale: Locale): string[] {
  const m = replyText(locale);
  return [
    ...(stray.numbers.length > 0 ? [m.notInReminder(stray.numbers)] : []),
    ...stray.headings.map((h) => m.headingInReminder(h.heading, h.subTasks, false)),
    ...(stray.notInProgramme.length > 0 ? [m.notInProgramme(stray.notInProgramme)] : []),
  ];
}

/**
 * The assign prompt for an edit naming only tasks not in the reminder: kept where it was. As for
 * a new reply, a number another live cut-off asks the institution about points to that
 * cut-off's thread ({@link askedElsewhere}).
 */
async function tellStray(
  deps: ReplyDeps,
  reply: Reply,
  stray: Extract<Retarget, { kind: "stray" }>,
): Promise<void> {
  const locale = await deps.locales.forUser(reply.userId);
  const kept = replyText(locale).editKept(stray.previous);
  // A removed cut-off's buttons would be refused: then only the words (and no pointer, as for
  // a new reply there).
  const message =
    stray.tasks.length > 0
      ? renderAssignPrompt(
          reply,
          stray.tasks,
          locale,
          stray.numbers,
          [],
          kept,
          stray.notInProgramme,
          {
            headings: stray.headings,
            filed: stray.previous !== null,
            elsewhere: askedElsewhereText(
              await askedElsewhere(deps, reply.institutionId, reply.cutoffId, stray.numbers),
              locale,
            ),
          },
        )
      : renderNotice([...strayWords(stray, locale), kept].join(" "));
  const thread = { channelId: reply.channelId, threadTs: reply.threadTs ?? reply.ts };
  await ephemeralOrDirect(deps, { reply, thread }, message);
}

/**
 * A `message_deleted` event: marks the stored reply withdrawn (it stays in the store, and no
 * longer counts as an answer). Messages that are not stored replies are ignored.
 * Source: https://api.slack.com/events/message/message_deleted
 */
export async function applyDeletion(
  deps: { db: Db; clock: Clock },
  deleted: { channelId: string; ts: string },
): Promise<ChangeResult> {
  const reply = await findReplyByMessage(deps.db, deleted.channelId, deleted.ts);
  if (!reply) return "unknown";
  if (reply.withdrawnAt !== null) return "unchanged";
  await withdrawReply(deps.db, reply.id, deps.clock.now().toISO() ?? "");
  return "withdrawn";
}
