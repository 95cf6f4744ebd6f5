/**
 * The changing half of `/cutoff`: add, move, remove, and their answers (the instant typed is
 * read in cutoff-instant.ts, mistakes answered in cutoff-mistake.ts). The caller has checked
 * that the actor is a secretary. Each change and its audit entry are one transaction; the reminder plan is rebuilt
 * afterwards (never failing the command on Redis).
 */
import type { KnownBlock } from "@slack/types";
import { DateTime } from "luxon";
import { recordAudit } from "../db/audit.ts";
import { lockForWrite } from "../db/client.ts";
import { listMappings } from "../db/contacts.ts";
import {
  type Cutoff,
  findCutoff,
  insertCutoff,
  listCutoffs,
  moveCutoff,
  removeCutoff,
} from "../db/cutoffs.ts";
import { currentProgramme } from "../db/programmes.ts";
import { listReminders, type Reminder } from "../db/reminders.ts";
import { listReplies } from "../db/replies.ts";
import { expandHeadings, expansionLines, type HeadingExpansion } from "../db/scope.ts";
import { widenCutoffsAhead } from "../db/scope-ahead.ts";
import { listTaskNumbers } from "../db/tasks.ts";
import { findThread } from "../db/threads.ts";
import { requestRootRefresh } from "../jobs/refresh-root.ts";
import { cutoffText } from "../src/i18n/cutoff.ts";
import { messages } from "../src/i18n/index.ts";
import { escapeMrkdwn } from "../src/slack/fit.ts";
import { sameMinute } from "../src/slack/format.ts";
import { contextLine, formatInstant, section } from "../src/slack/render-admin.ts";
import {
  CLI_ACTOR,
  notice,
  plain,
  type ReplanOutcome,
  replanNote,
  replanSafely,
} from "./access.ts";
import { firstReminderText } from "./cutoff-added.ts";
import { removedCutoffShown } from "./cutoff-gone.ts";
import { dayWarning, instantOf, timeOfDay, timeText } from "./cutoff-instant.ts";
import { type CutoffPlan, loadPlan, type PlanReminder } from "./cutoff-model.ts";
import { answeredIds, lateNoMore, newPlanText, withoutAnswered } from "./cutoff-moved.ts";
import type { CutoffInput, CutoffTime } from "./cutoff-parse.ts";
import { reachableIds, unreachableText } from "./cutoff-reach.ts";
import { sameMinuteCutoff, twinText } from "./cutoff-twin.ts";
import { numberOutline } from "./task-suggest.ts";
import type { CommandContext, CommandDeps, Reply } from "./types.ts";

type AddInput = Extract<CutoffInput, { kind: "add" }>;
type MoveInput = Extract<CutoffInput, { kind: "move" }>;

/** Adds a cut-off: checks `--tasks` against the current programme and that it is in the future. */
export async function addCutoff(
  input: AddInput,
  deps: CommandDeps,
  ctx: CommandContext,
): Promise<Reply> {
  const t = cutoffText(ctx.locale);
  const programme = await currentProgramme(deps.db);
  if (!programme) return notice(t.noProgramme, undefined, false);
  const wanted = input.tasks;
  let tasks: string[] | null = null;
  let expanded: HeadingExpansion[] = [];
  if (wanted) {
    const numbers = await listTaskNumbers(deps.db, programme.id);
    const unknown = wanted.filter((n) => !numbers.includes(n));
    if (unknown.length > 0)
      return notice(
        t.unknownTasks(unknown.join(", "), unknown.length),
        messages(ctx.locale).errors.numbersExist(numberOutline(numbers)),
        false,
      );
    // A heading (13 over 13.1–13.4) means its sub-tasks: stored as itself it reminds nobody.
    const outline = await expandHeadings(deps.db, programme.id, wanted);
    tasks = outline.numbers;
    expanded = outline.expanded;
  }
  const at = instantOf(input, deps, ctx.locale);
  if (typeof at !== "string") return at;
  const now = nowIso(deps);
  const zone = deps.config.timezone;
  const sameTitle = (c: Cutoff) =>
    c.title.toLocaleLowerCase("lv") === input.title.toLocaleLowerCase("lv");
  const dayOf = (iso: string) => DateTime.fromISO(iso, { zone }).toISODate();
  // Checked in the transaction that inserts (as `/session add` does): a double submit, or a
  // second title in the same minute as shown (end of day is 23:59), cannot add a cut-off twice
  // (every institution two threads).
  const added = await deps.db.transaction().execute(async (trx) => {
    await lockForWrite(trx, "cutoffs");
    const live = await listCutoffs(trx);
    const twin = sameMinuteCutoff(live, programme.id, at, zone);
    if (twin) return { twin, row: undefined, sameDay: undefined };
    const row = await insertCutoff(trx, {
      programmeId: programme.id,
      at,
      title: input.title,
      taskNumbers: tasks,
      createdBy: ctx.userId,
      createdAt: now,
    });
    const after = { at: row.at, title: row.title, taskNumbers: row.taskNumbers };
    await recordAudit(trx, [audit(ctx, now, row.id, "create", null, null, after)]);
    // Same title, same day, another time: added, but said ("Pārbaude" at 12:00 and at 23:59:59).
    const sameDay = live.find((c) => sameTitle(c) && dayOf(c.at) === dayOf(at));
    return { twin: undefined, row, sameDay };
  });
  if (added.twin) {
    // The CLI's `cutoff move` takes a time as `--time` only: its refusal names that form.
    const cli = ctx.userId === CLI_ACTOR;
    const said = (id: number, title: string, when: string) => t.duplicate(id, title, when, cli);
    return notice(twinText(added.twin, deps, ctx, said), undefined, false);
  }
  const cutoff = added.row;
  if (!cutoff) throw new Error("cut-off neither added nor found");
  const outcome = await replanSafely(deps, cutoff.id);
  return addedReply(cutoff, outcome, deps, ctx, input.time, added.sameDay, expanded);
}

async function addedReply(
  cutoff: Cutoff,
  outcome: ReplanOutcome,
  deps: CommandDeps,
  ctx: CommandContext,
  time: CutoffTime | null,
  sameDay: Cutoff | undefined,
  expanded: readonly HeadingExpansion[],
): Promise<Reply> {
  const t = cutoffText(ctx.locale);
  const zone = deps.config.timezone;
  const plan = await loadPlan(deps, cutoff);
  const s = plan.cutoff;
  const when = (iso: string) => formatInstant(iso, zone, ctx.locale);
  const rows = await listReminders(deps.db, cutoff.id);
  const reachable = reachableIds(await listMappings(deps.db), plan);
  const first = firstReminderText(rows, cutoff.at, nowIso(deps), when, ctx.locale, reachable);
  const title = escapeMrkdwn(cutoff.title);
  const text = t.added(cutoff.id, when(cutoff.at), title);
  const blocks: KnownBlock[] = [
    section(`${text}\n${t.addedScope(t.scope(s.tasks, s.institutions), first)}`),
  ];
  if (expanded.length > 0) {
    blocks.push(section(t.headingsExpanded(expansionLines(expanded))));
  }
  if (sameDay) {
    blocks.push(section(t.sameDay(sameDay.id, when(sameDay.at), cutoff.id)));
  }
  const day = dayWarning(cutoff.at, cutoff.id, time, deps, ctx.locale);
  if (day) blocks.push(section(day));
  // Counted as `/cutoff plan` counts them: every reminder of the cut-off not skipped, the one
  // sent at once (its time had passed) too, whether it is out yet or not.
  const unmapped = unmappedText(plan, t, (r) => r.state !== "skipped");
  if (unmapped) blocks.push(section(unmapped));
  const unreachable = unreachableText(plan, ctx.locale, (r) => r.state !== "skipped");
  if (unreachable) blocks.push(section(unreachable));
  const note = replanNote(outcome, ctx.locale);
  blocks.push(contextLine(note ? `${t.planHint(cutoff.id)} · ${note}` : t.planHint(cutoff.id)));
  return { blocks, text: plain(text), found: true };
}

/**
 * Moves a cut-off to a new day (and time); the new instant must be in the future. A removed
 * cut-off is refused, named with the day it was removed, pointing to `/cutoff add`.
 */
export async function moveCutoffTo(
  input: MoveInput,
  deps: CommandDeps,
  ctx: CommandContext,
): Promise<Reply> {
  const t = cutoffText(ctx.locale);
  const zone = deps.config.timezone;
  const cutoff = await findCutoff(deps.db, input.id);
  if (!cutoff) return notLive(input.id, "move", deps, ctx);
  // Only a date: the cut-off keeps its wall time of day on the new day (an end-of-day one stays
  // one); a time typed wins. A kept time the new day does not have (or has twice) is refused as
  // a typed one would be.
  const kept = input.time === null ? timeOfDay(cutoff.at, zone) : null;
  const time = input.time ?? kept;
  const at = instantOf({ date: input.date, time }, deps, ctx.locale);
  if (typeof at !== "string") return at;
  // Already in that minute as shown (end of day and 23:59 alike): nothing to move.
  if (sameMinute(at, cutoff.at, zone))
    return notice(t.same(cutoff.id, formatInstant(at, zone, ctx.locale)), undefined, true);
  const now = nowIso(deps);
  const movedNow = await deps.db.transaction().execute(async (trx) => {
    // Checked with the move, as `add` checks: two cut-offs in one minute mean two threads each.
    await lockForWrite(trx, "cutoffs");
    const live = await listCutoffs(trx);
    const twin = sameMinuteCutoff(live, cutoff.programmeId, at, zone, cutoff.id);
    if (twin) return { twin, widened: null };
    // A remove may have won meanwhile: then it stays removed, and no audit entry.
    if (!(await moveCutoff(trx, cutoff.id, at))) return null;
    const entries = [audit(ctx, now, cutoff.id, "update", "at", cutoff.at, at)];
    // Ahead now (a passed one kept its scope): a heading in it stands for its sub-tasks, as
    // the importer widens cut-offs ahead (db/scope-ahead.ts), before the re-plan reads it.
    const [w] = await widenCutoffsAhead(trx, cutoff.programmeId, now, cutoff.id);
    if (w) entries.push(audit(ctx, now, cutoff.id, "update", "task_numbers", w.before, w.after));
    await recordAudit(trx, entries);
    return { twin: undefined, widened: w ?? null };
  });
  if (!movedNow) return notLive(input.id, "move", deps, ctx);
  if (movedNow.twin) {
    const said = (id: number, title: string, when: string) =>
      t.moveDuplicate(id, title, when, cutoff.id);
    return notice(twinText(movedNow.twin, deps, ctx, said), t.listHint, false);
  }
  const widened = movedNow.widened;
  const outcome = await replanSafely(deps, cutoff.id);
  const rows = await listReminders(deps.db, cutoff.id);
  const fmt = (iso: string) => formatInstant(iso, zone, ctx.locale);
  const threads = await refreshThreadRoots(deps, cutoff.id, rows);
  const taskNumbers = widened ? widened.after : cutoff.taskNumbers;
  const moved = await loadPlan(deps, { ...cutoff, at, taskNumbers });
  const mappings = await listMappings(deps.db);
  const reachable = reachableIds(mappings, moved);
  const answered = answeredIds(mappings, moved);
  const plan = newPlanText(rows, at, {
    now: nowIso(deps),
    reachable,
    answered,
    fmt,
    locale: ctx.locale,
  });
  const said = `${t.moved(cutoff.id, fmt(cutoff.at), fmt(at))} ${plan}`;
  const text = threads > 0 ? `${said} ${t.movedThreads(threads)}` : said;
  // Counted out of the reminders that go as the answer's first line counts them: the planned
  // ones of an institution that answered everything are said apart there.
  const goes = withoutAnswered(moved);
  const unmapped = unmappedText(goes, t);
  const pending = (r: PlanReminder) => r.state === "planned" || r.state === "sending";
  const unreachable = unreachableText(goes, ctx.locale, pending);
  const day = dayWarning(at, cutoff.id, time, deps, ctx.locale);
  // Shown to the minute, as every other time is (the store keeps a cut-off's seconds).
  // Only a date given: say what time the cut-off kept (end of day stays end of day), and how
  // to give another (the CLI takes one as `--time` only).
  const cli = ctx.userId === CLI_ACTOR;
  const keptLine =
    input.time !== null
      ? null
      : kept
        ? t.keptTime(timeText({ hour: kept.hour, minute: kept.minute }), cli)
        : t.keptEndOfDay(cli);
  // Replies late by the old time are on time by the new one: their authors were told otherwise.
  const late = lateNoMore(await listReplies(deps.db, cutoff.id), cutoff.at, at);
  const lateLine = late > 0 ? t.movedLate(late) : null;
  const headings = widened ? t.headingsExpanded(expansionLines(widened.expanded)) : null;
  const lines = [text, keptLine, headings, day, lateLine, unmapped, unreachable].filter(
    (line): line is string => line !== null,
  );
  return notice(lines.join("\n"), replanNote(outcome, ctx.locale), true);
}

/**
 * After a move or a removal: queues an update of every reminder thread of the cut-off already
 * posted, so its first message shows the cut-off's new time, or that it was removed
 * (jobs/refresh-root.ts; the same update a reply triggers). `rows`: the cut-off's reminders. Returns how many were queued: 0 without a queue (Redis down, or the CLI with no
 * Redis reached; the roots then keep the old time until the thread's next reply). Never throws.
 */
async function refreshThreadRoots(
  deps: CommandDeps,
  cutoffId: number,
  rows: readonly Reminder[],
): Promise<number> {
  if (!deps.enqueue) return 0;
  let queued = 0;
  for (const institutionId of new Set(rows.map((r) => r.institutionId))) {
    if (!(await findThread(deps.db, cutoffId, institutionId))) continue;
    if (await requestRootRefresh(deps, cutoffId, institutionId)) queued++;
  }
  return queued;
}

/**
 * The warning under `/cutoff add` and `/cutoff move` when institutions in the cut-off's scope
 * have no Slack channel (`plan.unmapped`): their codes, how many of the reminders planned for
 * the cut-off's present time are theirs, out of how many in all ("4 no 10"; they are counted as
 * planned, but the sender fails them as "no_mapping" and tells the secretaries), and the fix,
 * `/institution set <CODE> #kanāls`. `counted`: which of the present time's reminders count
 * (default: those still planned or being sent; `/cutoff add` counts every one not skipped).
 * Null when every institution in scope has a channel (or none of theirs is still planned).
 */
function unmappedText(
  plan: CutoffPlan,
  t: ReturnType<typeof cutoffText>,
  counted: (r: PlanReminder) => boolean = (r) => r.state === "planned" || r.state === "sending",
): string | null {
  const codes = new Set(plan.unmapped);
  const pending = (institutions: CutoffPlan["institutions"]) =>
    institutions
      .flatMap((i) => i.reminders)
      .filter((r) => r.previousCutoffAt === undefined && counted(r)).length;
  const reminders = pending(plan.institutions.filter((i) => codes.has(i.code)));
  const [first] = plan.unmapped;
  if (!first || reminders === 0) return null;
  const shown = plan.unmapped.map(escapeMrkdwn).join(", ");
  return t.unmapped(shown, escapeMrkdwn(first), reminders, pending(plan.institutions));
}

/**
 * Removes a cut-off: its reminders stop; its replies stay in the store. The reminder threads
 * already posted get their first message rewritten (as after a move) to say it was removed.
 * One removed already is named with the day it was removed and left as it is (found: the
 * state asked for holds, as a move to the same time); an id never used is "not found".
 */
export async function removeCutoffById(
  id: number,
  deps: CommandDeps,
  ctx: CommandContext,
): Promise<Reply> {
  const t = cutoffText(ctx.locale);
  const cutoff = await findCutoff(deps.db, id);
  if (!cutoff) return notLive(id, "remove", deps, ctx);
  // Read before the removal: the institutions whose threads' roots are to say it was removed.
  const rows = await listReminders(deps.db, cutoff.id);
  const now = nowIso(deps);
  const removedNow = await deps.db.transaction().execute(async (trx) => {
    // Another remove of the same cut-off may have won meanwhile: then no second audit entry.
    if (!(await removeCutoff(trx, cutoff.id, now))) return false;
    const before = { at: cutoff.at, title: cutoff.title, taskNumbers: cutoff.taskNumbers };
    await recordAudit(trx, [audit(ctx, now, cutoff.id, "delete", null, before, null)]);
    return true;
  });
  if (!removedNow) return notLive(id, "remove", deps, ctx);
  const outcome = await replanSafely(deps, cutoff.id);
  const when = formatInstant(cutoff.at, deps.config.timezone, ctx.locale);
  const removed = t.removed(cutoff.id, escapeMrkdwn(cutoff.title), when);
  const threads = await refreshThreadRoots(deps, cutoff.id, rows);
  const text = threads > 0 ? `${removed} ${t.removedThreads(threads)}` : removed;
  return notice(text, replanNote(outcome, ctx.locale), true);
}

// Cut-off `id` asked to `change` but not live: a removed one is named with when it was removed
// and nothing changes (no audit, re-plan or root rewrite): a move is refused (it stays removed;
// add a new one), a remove has what it asked for. One that never existed is not found.
async function notLive(
  id: number,
  change: "move" | "remove",
  deps: CommandDeps,
  ctx: CommandContext,
): Promise<Reply> {
  const t = cutoffText(ctx.locale);
  const gone = await removedCutoffShown(deps, id, ctx.locale);
  if (!gone) return notice(t.notFound(id), t.listHint, false);
  const said = change === "move" ? t.moveRemoved : t.removeRemoved;
  return notice(said(gone.id, gone.title, gone.when, gone.day), t.listHint, change === "remove");
}

function nowIso(deps: CommandDeps): string {
  return deps.clock.now().toUTC().toISO() ?? "";
}

function audit(
  ctx: CommandContext,
  at: string,
  id: number,
  action: "create" | "update" | "delete",
  field: string | null,
  before: unknown,
  after: unknown,
) {
  return {
    at,
    actor: ctx.userId,
    entity: "cutoff",
    entityKey: String(id),
    action,
    field,
    before,
    after,
  } as const;
}
