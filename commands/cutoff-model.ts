/**
 * What `/cutoff list` and `/cutoff plan` show, as plain data read from the store: the Slack
 * answers render it and the CLI prints it as JSON. Times are UTC ISO instants.
 */
import { unreachableChannels } from "../db/channel-checks.ts";
import { listMappings } from "../db/contacts.ts";
import type { Cutoff } from "../db/cutoffs.ts";
import { listReminders, type Reminder } from "../db/reminders.ts";
import { scopeOfCutoff, tasksByInstitution } from "../db/scope.ts";
import { byCode } from "../src/domain/codes.ts";
import type { UnreachableWhy } from "../src/i18n/cutoff-reach.ts";
import {
  activeRepliesByInstitution,
  answeredInstitutions,
} from "../src/reminders/answered-institutions.ts";
import { hasChannel, nothingLeftToAsk } from "../src/reminders/reminded.ts";
import type { CutoffPlan, CutoffSummary, PlanInstitution } from "../src/slack/render-cutoff.ts";
import { checkAndRecordChannel } from "./institution-channel.ts";
import type { CommandDeps } from "./types.ts";

/** The shapes live with their renderer, so imports flow from commands/ to src/slack only. */
export type {
  CutoffPlan,
  CutoffSummary,
  PlanInstitution,
  PlanReminder,
} from "../src/slack/render-cutoff.ts";

function nextOf(rows: readonly Reminder[]): string | null {
  const pending = rows
    .filter((r) => r.state === "planned" || r.state === "sending")
    .map((r) => r.scheduledAt)
    .sort();
  return pending[0] ?? null;
}

/**
 * The list entry of one cut-off (seven reads at most). `nextReminder` names only a reminder
 * that will be sent, by the rule `/cutoff plan` and `/cutoff move` show: one of an institution
 * with a Slack channel, as `/cutoff add` names a first one (the others are planned but never
 * sent: the sender fails them as "no_mapping"), and not a planned one of an institution that
 * answered every task in scope (the sender skips it, "all_answered"; {@link answeredInstitutions}).
 * Null when none will be sent. `unmapped` counts the institutions in scope with no Slack channel
 * (their reminders are never posted); `allAnswered` is true when every institution in scope has
 * answered each of its tasks (one more read: the cut-off's replies).
 */
export async function summarise(deps: CommandDeps, cutoff: Cutoff): Promise<CutoffSummary> {
  const scope = await scopeOfCutoff(deps.db, cutoff);
  const rows = await listReminders(deps.db, cutoff.id);
  const mappings = new Map((await listMappings(deps.db)).map((m) => [m.institutionId, m]));
  const reached = new Set([...mappings.values()].filter(hasChannel).map((m) => m.institutionId));
  const answered = await answeredInstitutions(
    deps.db,
    cutoff.id,
    tasksByInstitution(scope),
    rows,
    mappings,
  );
  const byInstitution = tasksByInstitution(scope);
  const inScope = [...byInstitution.keys()];
  const replies = inScope.length > 0 ? await activeRepliesByInstitution(deps.db, cutoff.id) : null;
  const allAnswered =
    replies !== null &&
    inScope.every((id) =>
      nothingLeftToAsk(
        (byInstitution.get(id) ?? []).map((t) => t.taskId),
        replies.get(id) ?? [],
      ),
    );
  const goes = (r: Reminder) =>
    reached.has(r.institutionId) && !(r.state === "planned" && answered.has(r.institutionId));
  return {
    id: cutoff.id,
    at: cutoff.at,
    title: cutoff.title,
    taskNumbers: cutoff.taskNumbers,
    tasks: scope.length,
    institutions: tasksByInstitution(scope).size,
    reminders: rows.filter((r) => r.cutoffAt === cutoff.at).length,
    nextReminder: nextOf(rows.filter(goes)),
    // As /task and the App Home say it (task-status.ts, home/model.ts): passed at its instant.
    passed: cutoff.at <= (deps.clock.now().toUTC().toISO() ?? ""),
    unmapped: inScope.filter((id) => !reached.has(id)).length,
    allAnswered,
  };
}

/**
 * The plan of one cut-off as the store holds it: every institution with tasks in scope or
 * with reminder rows (a reminder already sent stays listed after a scope change), by code.
 * Call after re-planning, so the rows match the cut-off. A fixed number of queries whatever the
 * number of institutions: the mappings, and the cut-off's replies once (only when an
 * institution with a channel has a reminder still to go), split by institution here.
 */
export async function loadPlan(deps: CommandDeps, cutoff: Cutoff): Promise<CutoffPlan> {
  const byInstitution = tasksByInstitution(await scopeOfCutoff(deps.db, cutoff));
  const rows = await listReminders(deps.db, cutoff.id);
  const ids = new Set([...byInstitution.keys(), ...rows.map((r) => r.institutionId)]);
  const mappings = new Map((await listMappings(deps.db)).map((m) => [m.institutionId, m]));
  const answeredIds = await answeredInstitutions(deps.db, cutoff.id, byInstitution, rows, mappings);
  const institutions: PlanInstitution[] = [];
  for (const id of ids) {
    const mapping = mappings.get(id);
    if (!mapping) continue;
    const scoped = byInstitution.get(id) ?? [];
    const answered = answeredIds.has(id);
    institutions.push({
      code: mapping.code,
      name: mapping.name,
      channelId: mapping.channelId,
      contacts: mapping.contacts,
      tasks: scoped.map((t) => t.number),
      ...(answered ? { allAnswered: true } : {}),
      reminders: rows
        .filter((r) => r.institutionId === id)
        .map((r) => ({
          kind: r.kind,
          at: r.scheduledAt,
          state: r.state,
          detail: r.detail,
          sentAt: r.sentAt,
          ...(r.cutoffAt === cutoff.at ? {} : { previousCutoffAt: r.cutoffAt }),
        })),
    });
  }
  institutions.sort(byCode);
  const unreachable = await channelsUnreachable(deps, institutions);
  for (const i of institutions) {
    const why = i.channelId ? unreachable.get(i.channelId) : undefined;
    if (why) i.channelProblem = why;
  }
  return {
    cutoff: await summarise(deps, cutoff),
    institutions,
    unmapped: institutions.filter((i) => !hasChannel(i) && i.tasks.length > 0).map((i) => i.code),
  };
}

/** How long `/cutoff plan`, `add` and `move` wait for Slack's answer about a channel, in ms. */
const RECHECK_MS = 1_000;

/**
 * The plan's channels Slack last said the app cannot post to (`unreachableChannels`: stored by
 * `/institution set`, not since disproved by a reminder sent there), asked again now when a
 * Slack client is at hand — only these, and only those with a reminder still to go, so a plan
 * of a well-set working group asks nothing; an answer is stored, "ok" clears the warning, no
 * answer (within {@link RECHECK_MS}) keeps the last one.
 */
async function channelsUnreachable(
  deps: CommandDeps,
  institutions: readonly PlanInstitution[],
): Promise<Map<string, UnreachableWhy>> {
  const ids = institutions.filter(hasChannel).map((i) => i.channelId as string);
  const stored = await unreachableChannels(deps.db, ids);
  if (!deps.slack || stored.size === 0) return stored;
  const at = deps.clock.now().toUTC().toISO() ?? "";
  // Asked again only where a reminder is still to go; the answer must fit the command's
  // acknowledgement budget (src/app.ts ACK_BUDGET_MS, 2 s), so Slack is waited for 1 s.
  const waiting = new Set(
    institutions
      .filter((i) => i.reminders.some((r) => r.state === "planned" || r.state === "sending"))
      .map((i) => i.channelId),
  );
  const fresh = await Promise.all(
    [...stored].map(async ([id, why]) => {
      if (!waiting.has(id)) return [id, why] as const;
      const now = await checkAndRecordChannel(deps, id, at, RECHECK_MS);
      // "ok" clears it; no answer ("unchecked", null) keeps the last one known.
      const latest = now === "ok" ? null : now === "unchecked" || now === null ? why : now;
      return [id, latest] as const;
    }),
  );
  return new Map(fresh.filter((e): e is readonly [string, UnreachableWhy] => e[1] !== null));
}
