import { DateTime } from "luxon";
import type { Db } from "../../db/client.ts";
import { listMappings } from "../../db/contacts.ts";
import { listCutoffs } from "../../db/cutoffs.ts";
import { listInstitutions } from "../../db/institutions.ts";
import { currentProgramme, type Programme } from "../../db/programmes.ts";
import { listReminders } from "../../db/reminders.ts";
import { scopeOfCutoff, tasksByInstitution } from "../../db/scope.ts";
import { listSessions } from "../../db/sessions.ts";
import { loadTasksForImport } from "../../db/tasks.ts";
import { answeredInstitutions } from "../reminders/answered-institutions.ts";

/**
 * One calendar entry. `at` is a UTC ISO instant for a timed entry; `day` an ISO calendar date
 * (in the app's zone) for an all-day one. `uid` is stable across exports, so a calendar
 * re-imported or subscribed to updates its events instead of duplicating them.
 */
export type CalendarEntry = { uid: string } & (
  | { kind: "cutoff"; at: string; title: string; cutoffId: number }
  | { kind: "reminder"; at: string; codes: string[]; cutoffTitle: string }
  | { kind: "deadline"; day: string; number: string; title: string; codes: string[] }
  | { kind: "session"; at: string; title: string }
);

/** What a calendar holds: a programme's entries, for every institution or only some. */
export interface CalendarModel {
  programme: Programme;
  /** Institution codes the calendar was narrowed to; empty = all. */
  institutions: string[];
  entries: CalendarEntry[];
}

/** Reminder states that stand for a message that went or will go out. */
const LIVE_REMINDERS = new Set(["planned", "sending", "sent"]);

/**
 * Gathers the current programme's calendar: reporting cut-offs, the reminders planned or sent
 * for them (one entry per cut-off and instant, naming the institutions; not a planned one the
 * sender will skip because the institution answered every task, which `/cutoff plan` lists as
 * "netiks nosūtīts – viss atbildēts": src/reminders/answered-institutions.ts), the tasks'
 * deadlines (dated ones only: "regulāri" has no day) and the working group's sessions. With `codes`,
 * only what concerns those institutions: their tasks' deadlines, their reminders, and the
 * cut-offs whose scope holds one of their tasks (sessions concern everyone).
 * Undefined when there is no programme.
 */
export async function buildCalendar(
  db: Db,
  codes: readonly string[] = [],
): Promise<CalendarModel | undefined> {
  const programme = await currentProgramme(db);
  if (!programme) return undefined;
  const wanted = (code: string | undefined) =>
    codes.length === 0 || (code !== undefined && codes.includes(code));
  const entries = [
    ...(await cutoffEntries(db, programme, wanted, codes)),
    ...(await deadlineEntries(db, programme, wanted)),
    ...(await listSessions(db))
      .filter((s) => s.programmeId === programme.id)
      .map(
        (s): CalendarEntry => ({
          kind: "session",
          uid: `session-${s.id}`,
          at: s.at,
          title: s.title,
        }),
      ),
  ];
  return { programme, institutions: [...codes], entries };
}

type Wanted = (code: string | undefined) => boolean;

async function cutoffEntries(
  db: Db,
  programme: Programme,
  wanted: Wanted,
  codes: readonly string[],
): Promise<CalendarEntry[]> {
  const codeOf = new Map((await listInstitutions(db)).map((i) => [i.id, i.code]));
  const mappings = new Map((await listMappings(db)).map((m) => [m.institutionId, m]));
  const suffix = codes.length > 0 ? `-${codes.join("-")}` : "";
  const entries: CalendarEntry[] = [];
  for (const cutoff of (await listCutoffs(db)).filter((c) => c.programmeId === programme.id)) {
    const scope = await scopeOfCutoff(db, cutoff);
    if (!scope.some((t) => t.institutions.some((i) => wanted(i.code)))) continue;
    const { id, at, title } = cutoff;
    entries.push({ kind: "cutoff", uid: `cutoff-${id}`, at, title, cutoffId: id });
    const byTime = new Map<string, string[]>();
    const rows = await listReminders(db, id);
    const byInstitution = tasksByInstitution(scope);
    const answered = await answeredInstitutions(db, id, byInstitution, rows, mappings);
    for (const r of rows) {
      const code = codeOf.get(r.institutionId);
      if (!LIVE_REMINDERS.has(r.state) || !code || !wanted(code)) continue;
      if (r.state === "planned" && answered.has(r.institutionId)) continue;
      byTime.set(r.scheduledAt, [...(byTime.get(r.scheduledAt) ?? []), code]);
    }
    for (const [when, list] of byTime) {
      const uid = `reminder-${id}-${when.replace(/\W/gu, "")}${suffix}`;
      entries.push({ kind: "reminder", uid, at: when, codes: list.sort(), cutoffTitle: title });
    }
  }
  return entries;
}

async function deadlineEntries(
  db: Db,
  programme: Programme,
  wanted: Wanted,
): Promise<CalendarEntry[]> {
  const tasks = [...(await loadTasksForImport(db, programme.id)).values()].sort(
    (a, b) => a.row.position - b.row.position,
  );
  const entries: CalendarEntry[] = [];
  for (const { row, institutions } of tasks) {
    const codes = institutions.map((i) => i.code);
    if (!row.due_date || (!codes.some(wanted) && !wanted(undefined))) continue;
    const uid = `deadline-${programme.code}-${row.number}`;
    entries.push({
      kind: "deadline",
      uid,
      day: row.due_date,
      number: row.number,
      title: row.title,
      codes,
    });
  }
  return entries;
}

/**
 * How many of `entries` are still ahead at `now`: a timed entry (cut-off, reminder, session)
 * whose instant is not before `now`, an all-day deadline whose day is today or later in `zone`
 * (an IANA zone, the app's TIMEZONE). For the answer that says a calendar holds nothing
 * upcoming (its deadlines of 2009–2013, say, all past). Pure.
 */
export function upcomingCount(
  entries: readonly CalendarEntry[],
  now: DateTime,
  zone: string,
): number {
  const today = now.setZone(zone).toISODate() ?? "";
  const nowMs = now.toMillis();
  return entries.filter((e) =>
    e.kind === "deadline" ? e.day >= today : DateTime.fromISO(e.at).toMillis() >= nowMs,
  ).length;
}
