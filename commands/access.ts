/**
 * What the admin commands share: who may change things, the kind refusal, the reply helpers,
 * and re-planning reminders after a change without ever failing the command on Redis.
 */
import { listRoleHolders } from "../db/roles.ts";
import { isSecretary } from "../src/auth.ts";
import type { Locale } from "../src/config.ts";
import { roleText } from "../src/i18n/role.ts";
import { planAll, planCutoffById } from "../src/reminders/plan.ts";
import { renderNotice } from "../src/slack/render-overview.ts";
import type { CommandContext, CommandDeps, Reply } from "./types.ts";

/**
 * The actor the CLI acts as. It runs on the server and is trusted. Slack user IDs are
 * upper-case and start with U or W, so no Slack request can carry this one.
 */
export const CLI_ACTOR = "cli";

/** What a refused caller tried to do (a key of the role catalogue's `actions`). */
export type GuardedAction = "mapping" | "role" | "cutoff" | "plan";

/** True when the caller may change mappings, roles and cut-offs: the CLI or a secretary. */
export async function maySecretary(deps: CommandDeps, ctx: CommandContext): Promise<boolean> {
  return ctx.userId === CLI_ACTOR || isSecretary(deps, ctx.userId);
}

/** Every secretary: SECRETARY_USER_IDS first, then those granted the role in the store. */
export async function secretaryIds(deps: CommandDeps): Promise<string[]> {
  const stored = await listRoleHolders(deps.db, "secretary");
  return [...new Set([...deps.config.secretaryUserIds, ...stored])];
}

/**
 * A kind refusal naming who can do it (the secretaries as mentions) and to ask them (no
 * pointer to `/role list`, which would name them again); when
 * there is no secretary at all, to ask the app's administrator (never the server's CLI, which
 * a Slack user cannot run).
 */
export async function refusal(
  deps: CommandDeps,
  ctx: CommandContext,
  action: GuardedAction,
): Promise<Reply> {
  const t = roleText(ctx.locale);
  const ids = await secretaryIds(deps);
  const who = ids.map((id) => `<@${id}>`).join(", ");
  const text = t.refusal(t.actions[action], who);
  return notice(text, ids.length > 0 ? t.refusalHint : t.noSecretary, false);
}

/** A reply of one message and an optional hint line. `found` false for mistakes and refusals. */
export function notice(text: string, hint: string | undefined, found: boolean): Reply {
  return { blocks: renderNotice(text, hint), text: plain(text), found };
}

/** Notification text without mrkdwn emphasis. */
export function plain(text: string): string {
  return text.replace(/[*_]/g, "");
}

/**
 * Outcome of {@link replanSafely}: `scheduled` when the queue took the plan; `later` when the
 * queue is not there (Redis down, or the CLI without REDIS_URL): the store's plan is updated
 * and the jobs are added at the app's next start or next re-plan.
 */
export type ReplanOutcome = "scheduled" | "later";

/**
 * Rebuilds the reminder plan after a change (one cut-off, or all after a mapping change)
 * through `deps.replan`. When that yields null or throws (Redis down), it plans the store's
 * rows only — so `/cutoff list` and `/cutoff plan` still show the times — and logs why.
 * Never throws: a change already saved must not be reported as failed because of Redis.
 */
export async function replanSafely(deps: CommandDeps, cutoffId?: number): Promise<ReplanOutcome> {
  try {
    if ((await deps.replan(cutoffId)) !== null) return "scheduled";
  } catch (error) {
    deps.logger.warn(
      { err: error instanceof Error ? error.message : String(error), cutoffId },
      "reminder plan not scheduled: the queue is not reachable",
    );
  }
  const settings = {
    offsets: deps.config.reminderOffsets,
    time: deps.config.reminderTime,
    zone: deps.config.timezone,
  };
  const nowIso = deps.clock.now().toUTC().toISO() ?? "";
  try {
    if (cutoffId === undefined) await planAll(deps.db, settings, nowIso);
    else await planCutoffById(deps.db, cutoffId, settings, nowIso);
  } catch (error) {
    deps.logger.error(
      { err: error instanceof Error ? error.message : String(error), cutoffId },
      "reminder rows not planned in the store",
    );
  }
  return "later";
}

/** The note a reply carries when the plan waits for the queue; undefined when scheduled. */
export function replanNote(outcome: ReplanOutcome, locale: Locale): string | undefined {
  return outcome === "later" ? roleText(locale).replanLater : undefined;
}
