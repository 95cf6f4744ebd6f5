/**
 * What the author of an edited reply is told privately (src/replies/edits.ts decides when): the
 * reply moved, kept with numbers outside the reminder, an edit in a removed cut-off's thread, or
 * an edit down to only a task number refused.
 */
import type { Reply } from "../../db/replies.ts";
import { type InstitutionTask, institutionScope } from "../../db/scope.ts";
import type { Locale } from "../config.ts";
import { leadingNumbers } from "../domain/attribution.ts";
import { replyText } from "../i18n/reply.ts";
import { renderAssignPrompt, renderNotice } from "../slack/render-reply-prompt.ts";
import { ephemeralOrDirect } from "./acknowledge.ts";
import { askedElsewhere, askedElsewhereText } from "./asked-elsewhere.ts";
import { type ReplyDeps, sideEffect } from "./deps.ts";
import type { FoundCutoff, Retarget } from "./edit-target.ts";
import type { IngestSource } from "./ingest.ts";
import { lateNoteFor, lateNoteText } from "./late-note.ts";
import { removalDay, removedLeadOf } from "./removed-note.ts";

/**
 * An edit leaving only a task number: logged ("edit refused", reason "number_only"; at debug
 * from the collection job, which meets it every run) and, from the Events API, its author told
 * privately, with the number-only note of a new "14:" (after the removal's lead when `found`,
 * the reply's cut-off as {@link applyEdit} read it, was removed; null: no lead).
 */
export async function refuseNumberOnlyEdit(
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
export async function tellRemovedEdit(
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

export async function tellMoved(
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
 * The assign prompt for an edit naming only tasks not in the reminder: kept where it was, or —
 * `stray.unfiled` — taken off its task, kept under none ("no longer attached to task *3*"). As
 * for a new reply, a number another live cut-off asks the institution about points to that
 * cut-off's thread ({@link askedElsewhere}).
 */
export async function tellStray(
  deps: ReplyDeps,
  reply: Reply,
  stray: Extract<Retarget, { kind: "stray" }>,
): Promise<void> {
  const locale = await deps.locales.forUser(reply.userId);
  const m = replyText(locale);
  const kept =
    stray.unfiled && stray.previous !== null
      ? m.editUnfiled(stray.previous)
      : m.editKept(stray.previous);
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
            filed: stray.previous !== null && !stray.unfiled,
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
