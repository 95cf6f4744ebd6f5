/**
 * The digest's "next 30 days" ("Tuvākās 30 dienas" / "The next 30 days"): deadlines, cut-offs,
 * planned reminders (grouped by cut-off and time) and sessions ahead, and apart from them the
 * institutions whose planned reminders will not reach them. Reads only.
 */
import type { DateTime } from "luxon";
import { plannedRemindersBetween } from "../../db/activity.ts";
import type { StoredChannelState } from "../../db/channel-checks.ts";
import type { Db } from "../../db/client.ts";
import { listCutoffs } from "../../db/cutoffs.ts";
import { listSessions } from "../../db/sessions.ts";
import { compareCodes } from "../domain/codes.ts";
import type { TaskSummary } from "../domain/types.ts";
import { answeredByCutoff, type KnownStandings } from "./answered.ts";
import type { DigestModel, DigestTask, UpcomingItem } from "./model.ts";
import { channelReach } from "./reach.ts";

/** Days ahead the "coming up" part looks. */
export const UPCOMING_DAYS = 30;

/**
 * A task as the digest builds it, with its parsed deadline and status; `rollup` present: a
 * heading (its sub-tasks carry the statuses), whose own deadline is not listed.
 */
export type UpcomingTask = Pick<DigestTask, "number" | "title" | "rollup"> & {
  deadlineValue: TaskSummary["deadline"];
  statusValue: TaskSummary["status"];
};

/**
 * Deadlines (not a heading's), cut-offs, planned reminders (grouped by cut-off and time) and sessions ahead. A
 * planned reminder the sender will not send, or will fail to post, is left out of the reminder
 * items (a time with only such reminders has none), and its institution named apart, in the
 * sender's order of checks: without a channel (`hasChannel`) in `upcomingNoChannel`; else,
 * having answered every task of its cut-off (`answeredByCutoff`, "all_answered"), in
 * `upcomingAnswered` under that cut-off; else, its channel known unreachable (`channelReach`,
 * the channel's last known reachability), in `upcomingUnreachable`. Each field only when it has
 * an institution. `known`: the digest's cut-off's standings.
 */
export async function upcoming(
  db: Db,
  opts: { now: DateTime; zone: string },
  tasks: readonly UpcomingTask[],
  known: KnownStandings | undefined,
): Promise<
  Pick<
    DigestModel,
    | "upcoming"
    | "upcomingNoChannel"
    | "upcomingAnswered"
    | "upcomingUnreachable"
    | "upcomingUnreachableWhy"
  >
> {
  const from = opts.now.toUTC();
  const to = from.plus({ days: UPCOMING_DAYS });
  const [fromIso, toIso] = [from.toISO() ?? "", to.toISO() ?? ""];
  const today = from.setZone(opts.zone).toISODate() ?? "";
  const lastDay = to.setZone(opts.zone).toISODate() ?? "";
  const items: Array<UpcomingItem & { key: string }> = [];
  for (const t of tasks) {
    // A heading has no status of its own: its sub-tasks' deadlines are listed, as in "overdue".
    if (t.rollup) continue;
    const due = t.deadlineValue.due;
    if (due && due >= today && due <= lastDay && t.statusValue !== "done")
      items.push({ kind: "deadline", date: due, number: t.number, title: t.title, key: due });
  }
  const cutoffs = await listCutoffs(db);
  for (const c of cutoffs)
    if (c.at >= fromIso && c.at < toIso)
      items.push({ kind: "cutoff", at: c.at, id: c.id, title: c.title, key: c.at });
  const grouped = new Map<string, { at: string; cutoffTitle: string; institutions: string[] }>();
  const reach = await channelReach(db);
  const noChannel = new Set<string>();
  const unreachable = new Set<string>();
  const why: Record<string, Exclude<StoredChannelState, "ok">> = {};
  const planned = await plannedRemindersBetween(db, fromIso, toIso);
  const inView = new Set(planned.map((r) => r.cutoffId));
  const answered = await answeredByCutoff(
    db,
    cutoffs.filter((c) => inView.has(c.id)),
    known,
  );
  const skipped = new Map<number, Set<string>>();
  for (const r of planned) {
    if (reach.noChannel.has(r.institutionId)) {
      noChannel.add(r.institutionCode);
      continue;
    }
    if (answered.get(r.cutoffId)?.has(r.institutionCode)) {
      skipped.set(r.cutoffId, (skipped.get(r.cutoffId) ?? new Set()).add(r.institutionCode));
      continue;
    }
    // The sender would post and Slack refuse it: not among those reminded.
    const state = reach.unreachable.get(r.institutionId);
    if (state) {
      unreachable.add(r.institutionCode);
      why[r.institutionCode] = state;
      continue;
    }
    const key = `${r.scheduledAt}|${r.cutoffId}`;
    const group = grouped.get(key) ?? {
      at: r.scheduledAt,
      cutoffTitle: r.cutoffTitle,
      institutions: [],
    };
    group.institutions.push(r.institutionCode);
    grouped.set(key, group);
  }
  for (const g of grouped.values()) items.push({ kind: "reminder", ...g, key: g.at });
  for (const s of await listSessions(db, fromIso))
    if (s.at < toIso)
      items.push({ kind: "session", at: s.at, id: s.id, title: s.title, key: s.at });
  items.sort((a, b) => a.key.localeCompare(b.key));
  const unreminded = [...noChannel].sort(compareCodes);
  const unreached = [...unreachable].sort(compareCodes);
  const replied = cutoffs
    .filter((c) => skipped.has(c.id))
    .map((c) => ({
      cutoffId: c.id,
      cutoffTitle: c.title,
      institutions: [...(skipped.get(c.id) ?? [])].sort(compareCodes),
    }));
  return {
    upcoming: items.map(({ key: _key, ...item }) => item),
    ...(unreminded.length > 0 ? { upcomingNoChannel: unreminded } : {}),
    ...(replied.length > 0 ? { upcomingAnswered: replied } : {}),
    ...(unreached.length > 0
      ? { upcomingUnreachable: unreached, upcomingUnreachableWhy: why }
      : {}),
  };
}
