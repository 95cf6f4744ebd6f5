/**
 * What `/cutoff add` says of the reminders it planned: the first one, or — when the cut-off
 * was added so late that a reminder's time had passed — that one goes out at once.
 *
 * The rule (src/reminders/plan.ts): of an institution's reminders whose time has passed, the
 * latest is sent at once and the earlier ones are skipped ("superseded"), so an institution
 * gets one reminder now rather than none (or a burst). A cut-off that is moved does not do
 * this for an institution that had the same reminder for its old time (`/cutoff move`: never
 * sent late). The answer is read from the rows, not from what is still "planned": the one sent
 * at once may already be out when the answer is written.
 */
import type { Reminder } from "../db/reminders.ts";
import type { Locale } from "../src/config.ts";
import { OVERDUE_KIND } from "../src/domain/reminder-plan.ts";
import { cutoffText } from "../src/i18n/cutoff.ts";
import { kindLabel } from "../src/slack/render-cutoff.ts";

/**
 * The sentence after "Apjoms: …." for a cut-off just added at `cutoffAt` (UTC ISO), from its
 * reminder rows `rows`, at `nowIso` (UTC ISO): "Pirmais atgādinājums: <time>." when none had
 * passed; else "Pirmais atgādinājums tiks nosūtīts tūlīt, jo tā laiks (<time> – <offset>) jau
 * pagājis. Nākamais atgādinājums: <time>." and, when earlier ones were skipped as superseded,
 * which. `reachable`: ids of the institutions with a Slack channel (`hasChannel`); rows of
 * others, and failed rows, are not read. `fmt` writes an instant. Null when no reminder will
 * reach anyone (nobody in scope, or no institution in scope has a channel).
 */
export function firstReminderText(
  rows: readonly Reminder[],
  cutoffAt: string,
  nowIso: string,
  fmt: (iso: string) => string,
  locale: Locale,
  reachable: ReadonlySet<number>,
): string | null {
  const t = cutoffText(locale);
  const present = rows
    .filter((r) => r.cutoffAt === cutoffAt && reachable.has(r.institutionId))
    .sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
  const passed = (r: Reminder) => r.kind !== OVERDUE_KIND && r.scheduledAt <= nowIso;
  const atOnce = present.find((r) => passed(r) && r.state !== "skipped" && r.state !== "failed");
  // Skipped because a later passed one went out instead, not e.g. "all_answered".
  const superseded = (r: Reminder) => r.state === "skipped" && r.detail === "superseded";
  const pending = (r: Reminder) => r.state === "planned" || r.state === "sending";
  if (!atOnce) {
    const first = present.find(pending);
    return first ? `${t.firstReminder(fmt(first.scheduledAt))}` : null;
  }
  const next = present.find((r) => !passed(r) && pending(r));
  const lines = [
    t.addedNow(
      fmt(atOnce.scheduledAt),
      kindLabel(atOnce.kind, locale),
      next ? fmt(next.scheduledAt) : null,
    ),
  ];
  const skipped = [
    ...new Set(present.filter((r) => passed(r) && superseded(r)).map((r) => r.kind)),
  ];
  if (skipped.length > 0) {
    const kinds = skipped.map((kind) => kindLabel(kind, locale)).join(", ");
    lines.push(t.addedSkipped(kinds, skipped.length));
  }
  return lines.join(" ");
}
