/**
 * What `/cutoff move` says of the moved cut-off's new plan (the first line of its answer), and
 * the plan as its warnings count it: only reminders that will go are counted.
 */
import type { Reminder } from "../db/reminders.ts";
import type { Reply } from "../db/replies.ts";
import { OVERDUE_KIND } from "../src/domain/reminder-plan.ts";
import { cutoffText } from "../src/i18n/cutoff.ts";
import { escapeMrkdwn } from "../src/slack/fit.ts";
import { kindLabel } from "../src/slack/render-cutoff.ts";
import type { CutoffPlan } from "./cutoff-model.ts";
import type { CommandContext } from "./types.ts";

/**
 * Institutions of `plan` that answered every task (`allAnswered`, the sender's
 * `nothingLeftToAsk`): their planned reminders will be skipped. Id → code, `mappings` naming them.
 */
export function answeredIds(
  mappings: readonly { institutionId: number; code: string }[],
  plan: CutoffPlan,
): Map<number, string> {
  const codes = new Set(plan.institutions.filter((i) => i.allAnswered).map((i) => i.code));
  return new Map(
    mappings.filter((m) => codes.has(m.code)).map((m) => [m.institutionId, m.code] as const),
  );
}

/** `plan` without the planned reminders of institutions that answered everything (skipped). */
export function withoutAnswered(plan: CutoffPlan): CutoffPlan {
  const institutions = plan.institutions.map((i) =>
    i.allAnswered ? { ...i, reminders: i.reminders.filter((r) => r.state !== "planned") } : i,
  );
  return { ...plan, institutions };
}

/**
 * What the plan of a moved cut-off now holds, from its rows for the new time `at`: how many
 * reminders are to be sent and the first; or that none can go out before it (every offset
 * already past: only the one after the cut-off), or none at all (nobody in scope). A reminder
 * whose time had passed when it moved and that still goes (the catch-up of an institution with
 * no reminder of that kind for the old time, src/reminders/plan.ts) is said to go out now, with
 * its time as past, never as the first one ahead — only one of an institution with a channel
 * (`o.reachable`, ids; the sender fails the others as "no_mapping"); the first one ahead too is
 * only theirs, and with none of theirs the answer says none will go (the count stays: the
 * no-channel warning counts those reminders out of it). The planned reminders of an
 * institution that answered every task (`o.answered`, id → code) are not counted, nor named as
 * the first: the sender skips them ("all_answered"); how many they are is said apart, with the
 * codes, as the plan labels them "viss atbildēts". `o.now` UTC ISO.
 */
export function newPlanText(
  rows: readonly Reminder[],
  at: string,
  o: {
    now: string;
    reachable: ReadonlySet<number>;
    answered: ReadonlyMap<number, string>;
    fmt: (iso: string) => string;
    locale: CommandContext["locale"];
  },
): string {
  const t = cutoffText(o.locale);
  const all = rows
    .filter((r) => r.cutoffAt === at && (r.state === "planned" || r.state === "sending"))
    .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
  if (all.length === 0) return t.movedNoScope;
  const skipped = (r: Reminder) => r.state === "planned" && o.answered.has(r.institutionId);
  const pending = all.filter((r) => !skipped(r));
  const answered = all.length - pending.length;
  const codes = [...new Set(all.filter(skipped).map((r) => o.answered.get(r.institutionId)))]
    .map((code) => escapeMrkdwn(code ?? ""))
    .join(", ");
  if (pending.length === 0) return t.movedAllAnswered(answered, codes);
  const apart = answered > 0 ? ` ${t.movedAnswered(answered, codes)}` : "";
  const passed = (r: Reminder) => r.kind !== OVERDUE_KIND && r.scheduledAt <= o.now;
  // Only a reminder that will go out is named as the first, as `/cutoff add` names one.
  const reached = pending.filter((r) => o.reachable.has(r.institutionId));
  const atOnce = reached.find(passed);
  const ahead = reached.find((r) => !passed(r));
  if (!atOnce && !ahead) return t.movedNoneReached(pending.length) + apart;
  const next = ahead ? o.fmt(ahead.scheduledAt) : null;
  if (atOnce) {
    const kind = kindLabel(atOnce.kind, o.locale);
    return t.movedNow(pending.length, o.fmt(atOnce.scheduledAt), kind, next) + apart;
  }
  // Not reached: a cut-off moves only into the future, so each institution's reminder after
  // it (planned with its others) is ahead.
  if (!ahead || !next) return t.movedNoScope;
  if (ahead.kind === OVERDUE_KIND) return t.movedAllPast(next) + apart;
  return t.movedPlanned(pending.length, next) + apart;
}

/**
 * How many of a cut-off's replies a move from `from` to `to` (UTC ISO instants) takes the late
 * mark off: received after the old time, at or before the new one. The mark is not stored: it
 * is read off `receivedAt` against the cut-off's present instant wherever a reply is shown
 * (`/task`, the digest, the annex, the CLI's `replies`), while each author was told privately
 * that the reply was late when it was stored (src/replies/acknowledge.ts `tellLate`), so the
 * secretary is told of the change. A withdrawn reply is left out (shown withdrawn, never late).
 * A cut-off moves only into the future, so none becomes late by a move: replies came before now.
 */
export function lateNoMore(
  replies: readonly Pick<Reply, "receivedAt" | "withdrawnAt">[],
  from: string,
  to: string,
): number {
  const old = Date.parse(from);
  const moved = Date.parse(to);
  return replies.filter((r) => {
    const at = Date.parse(r.receivedAt);
    return r.withdrawnAt === null && at > old && at <= moved;
  }).length;
}
