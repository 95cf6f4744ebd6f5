/**
 * What `/cutoff add` and `/cutoff move` say about institutions whose channel Slack last said
 * the app cannot post to (`PlanInstitution.channelProblem`, from `channel_checks`): their
 * reminders are planned, but the sender will fail them, so the answer warns as it does for
 * institutions with no channel, and names no first reminder of theirs.
 */
import type { InstitutionMapping } from "../db/contacts.ts";
import type { Locale } from "../src/config.ts";
import type { UnreachableWhy } from "../src/i18n/cutoff-reach.ts";
import { reachOf } from "../src/reminders/reminded.ts";
import type { CutoffPlan, PlanReminder } from "../src/slack/render-cutoff.ts";
import { unreachableLine } from "../src/slack/render-cutoff.ts";

/**
 * One line per institution in scope whose channel cannot be reached: "⚠️ *TM*: kanāls <#C…>
 * nav sasniedzams (…) – 2 no 15 plānotajiem atgādinājumiem neizdosies, kamēr …", counting its
 * reminders of the cut-off's present time that `counted` takes, out of all the plan's so
 * counted (as the no-channel warning counts them). Null when there is none (or none of its
 * reminders is counted).
 */
export function unreachableText(
  plan: CutoffPlan,
  locale: Locale,
  counted: (r: PlanReminder) => boolean,
): string | null {
  const present = (rows: readonly PlanReminder[]) =>
    rows.filter((r) => r.previousCutoffAt === undefined && counted(r)).length;
  const total = present(plan.institutions.flatMap((i) => i.reminders));
  const lines = plan.institutions
    .filter((i) => i.channelProblem && i.tasks.length > 0 && !i.allAnswered)
    .map((i) => ({ i, reminders: present(i.reminders) }))
    .filter(({ reminders }) => reminders > 0)
    .map(({ i, reminders }) => unreachableLine(i, locale, { reminders, total }));
  return lines.length > 0 ? lines.join("\n") : null;
}

/**
 * Ids of the institutions reminders can reach (`reachOf`, the digest's rule): a channel that
 * the plan does not know to be unreachable (`channelProblem`). For the answers' "first
 * reminder", which names only a reminder that will go out.
 */
export function reachableIds(
  mappings: readonly InstitutionMapping[],
  plan: CutoffPlan,
): Set<number> {
  const known = new Map<string, UnreachableWhy>();
  for (const i of plan.institutions)
    if (i.channelProblem && i.channelId) known.set(i.channelId, i.channelProblem);
  return reachOf(mappings, known).reachable;
}
