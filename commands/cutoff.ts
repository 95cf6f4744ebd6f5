import { type Cutoff, findCutoff, listCutoffs, listRemovedCutoffs } from "../db/cutoffs.ts";
import { cutoffsByTime } from "../src/domain/cutoff-times.ts";
import { cutoffText } from "../src/i18n/cutoff.ts";
import { cutoffDefaultText } from "../src/i18n/cutoff-default.ts";
import { escapeMrkdwn } from "../src/slack/fit.ts";
import { formatInstant } from "../src/slack/format.ts";
import {
  type CutoffRenderContext,
  type RemovedCutoff,
  renderCutoffList,
  renderCutoffPlan,
} from "../src/slack/render-cutoff.ts";
import {
  maySecretary,
  notice,
  plain,
  type ReplanOutcome,
  refusal,
  replanNote,
  replanSafely,
} from "./access.ts";
import { addCutoff, moveCutoffTo, removeCutoffById } from "./cutoff-change.ts";
import { CUTOFF_GRACE_DAYS, cutoffIds, defaultCutoff } from "./cutoff-default.ts";
import { removedCutoffShown } from "./cutoff-gone.ts";
import { mistakeReply } from "./cutoff-mistake.ts";
import { type CutoffPlan, type CutoffSummary, loadPlan, summarise } from "./cutoff-model.ts";
import { type CutoffInput, parse } from "./cutoff-parse.ts";
import type { CommandContext, CommandDeps, Reply, SlashCommand } from "./types.ts";

/** The data `/cutoff list` and `/cutoff plan` show (the CLI prints it as JSON). */
export type { CutoffPlan, CutoffSummary } from "./cutoff-model.ts";
/** The parser and its types, so `/cutoff` is one import away. */
export { type CutoffInput, type CutoffMistake, parse, readCutoffTime } from "./cutoff-parse.ts";

/**
 * Answers `/cutoff`. Anyone may see the help and the list; only a secretary (or the CLI) may
 * add, move or remove a cut-off or see its plan. Changes are audited (entity "cutoff") and
 * re-plan the cut-off's reminders. Throws only on store failure.
 */
export async function handle(
  input: CutoffInput,
  deps: CommandDeps,
  ctx: CommandContext,
): Promise<Reply> {
  switch (input.kind) {
    case "invalid":
      return mistakeReply(input.mistake, ctx.locale);
    case "help":
    case "list": {
      const blocks = renderCutoffList(
        await cutoffListData(deps),
        renderContext(deps, ctx),
        input.kind === "help",
        await removedCutoffs(deps),
      );
      return { blocks, text: cutoffText(ctx.locale).title, found: true };
    }
    case "plan":
      if (!(await maySecretary(deps, ctx))) return refusal(deps, ctx, "plan");
      return input.id === null ? defaultPlan(deps, ctx) : plan(input.id, deps, ctx);
    default:
      if (!(await maySecretary(deps, ctx))) return refusal(deps, ctx, "cutoff");
      if (input.kind === "add") return addCutoff(input, deps, ctx);
      if (input.kind === "move") return moveCutoffTo(input, deps, ctx);
      return removeCutoffById(input.id, deps, ctx);
  }
}

/** Every cut-off not removed, earliest first, with its scope size and next reminder. */
export async function cutoffListData(deps: CommandDeps): Promise<CutoffSummary[]> {
  const summaries: CutoffSummary[] = [];
  for (const cutoff of await listCutoffs(deps.db)) summaries.push(await summarise(deps, cutoff));
  return summaries;
}

/** Removed cut-offs, the latest removal first, for `/cutoff list`'s line of removed ones. */
async function removedCutoffs(deps: CommandDeps): Promise<RemovedCutoff[]> {
  return (await listRemovedCutoffs(deps.db)).map(({ cutoff, removedAt }) => ({
    id: cutoff.id,
    at: cutoff.at,
    title: cutoff.title,
    removedAt,
  }));
}

/**
 * Re-plans one cut-off (so the store's rows match it) and reads its plan; undefined when there
 * is no such cut-off. The caller checks that the actor may see it.
 */
export async function cutoffPlanData(
  deps: CommandDeps,
  id: number,
): Promise<{ plan: CutoffPlan; outcome: ReplanOutcome } | undefined> {
  const cutoff = await findCutoff(deps.db, id);
  if (!cutoff) return undefined;
  const outcome = await replanSafely(deps, id);
  return { plan: await loadPlan(deps, cutoff), outcome };
}

/** `/cutoff plan <id>`; `lead` (mrkdwn) under the header says why this cut-off was taken. */
async function plan(
  id: number,
  deps: CommandDeps,
  ctx: CommandContext,
  lead?: string,
): Promise<Reply> {
  const t = cutoffText(ctx.locale);
  const data = await cutoffPlanData(deps, id);
  if (!data) return notice(await removedOrNotFound(id, deps, ctx), t.listHint, false);
  const note = replanNote(data.outcome, ctx.locale);
  const blocks = renderCutoffPlan(data.plan, renderContext(deps, ctx), note, lead);
  return { blocks, text: plain(t.planTitle(id, data.plan.cutoff.title)), found: true };
}

/**
 * `/cutoff plan` without a number: the plan of the cut-off the app is working towards
 * (`defaultCutoff`), led by which one it is (number, title, time) and why, and, when others are
 * live, how to see them. No live cut-off, or several none of which is active: a notice saying
 * so and what to type (found false, as for "not found").
 */
async function defaultPlan(deps: CommandDeps, ctx: CommandContext): Promise<Reply> {
  const t = cutoffDefaultText(ctx.locale);
  const hints = cutoffText(ctx.locale);
  const chosen = await defaultCutoff(deps.db, deps.clock.now());
  if (chosen.kind === "none")
    return notice(t.planNone, chosen.removed > 0 ? hints.listHint : hints.usageHint, false);
  if (chosen.kind === "undecided") {
    const latest = chosen.live[chosen.live.length - 1]?.id ?? 1;
    const text = t.planUndecided(chosen.live.length, CUTOFF_GRACE_DAYS, latest);
    return notice(text, hints.listHint, false);
  }
  const c = chosen.cutoff;
  const when = formatInstant(c.at, deps.config.timezone, ctx.locale);
  const lead = [t.planLead(chosen.why, c.id, escapeMrkdwn(c.title), when, chosen.stale)];
  // The example names the cut-off after the chosen one when there is one, else the latest.
  const example = chosen.others.find((o) => o.at > c.at) ?? chosen.others.at(-1);
  // A passed cut-off is not one ahead: each named once with its time, as /task tells them
  // (cutoffsShownAt).
  const by = cutoffsByTime(chosen.others, deps.clock.now());
  const group = (list: readonly Cutoff[]) => ({ ids: cutoffIds(list), count: list.length });
  if (example) {
    const groups = { ahead: group(by.ahead), recent: group(by.recent), older: group(by.older) };
    lead.push(t.planOthers(groups, CUTOFF_GRACE_DAYS, example.id));
  }
  return plan(c.id, deps, ctx, lead.join(" "));
}

/** Why `/cutoff plan <id>` shows no plan: the cut-off was removed (when), or there is none. */
async function removedOrNotFound(
  id: number,
  deps: CommandDeps,
  ctx: CommandContext,
): Promise<string> {
  const t = cutoffText(ctx.locale);
  const gone = await removedCutoffShown(deps, id, ctx.locale);
  return gone ? t.planRemoved(gone.id, gone.title, gone.when, gone.day) : t.notFound(id);
}

function renderContext(deps: CommandDeps, ctx: CommandContext): CutoffRenderContext {
  const zone = deps.config.timezone;
  return { locale: ctx.locale, zone, today: deps.clock.now().setZone(zone).toISODate() ?? "" };
}

/** `/cutoff`: reporting cut-offs and their reminder plan. Changes are for secretaries only. */
export const cutoffCommand: SlashCommand<CutoffInput> = { name: "/cutoff", parse, handle };
