/**
 * What the App Home shows a user, read from the store: the programme's status counts, the
 * next session and the current cut-off for everyone; for a secretary the institutions that
 * have not answered; for an institution contact its institutions' tasks and what is still
 * missing from them.
 */
import type { DateTime } from "luxon";
import type { Db } from "../../db/client.ts";
import { institutionsOfContact } from "../../db/contacts.ts";
import { activeCutoff } from "../../db/cutoffs.ts";
import { listInstitutions } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { nextSession } from "../../db/sessions.ts";
import { listTasks, listTasksOfInstitution } from "../../db/tasks.ts";
import { preferredLocale } from "../../db/user-settings.ts";
import type { Locale } from "../config.ts";
import { institutionStandings } from "../digest/institutions.ts";
import {
  type InstitutionStanding,
  STATUS_KEYS,
  type StatusKey,
  unansweredTasks,
} from "../digest/model.ts";
import type { TaskSummary } from "../domain/types.ts";
import { CUTOFF_GRACE_DAYS } from "../reminders/task-status.ts";

/** An institution the user answers for: its tasks and the task numbers still missing. */
export interface HomeInstitution {
  code: string;
  name: string;
  tasks: TaskSummary[];
  missing: string[];
}

/** The App Home's data. Times are UTC ISO. */
export interface HomeData {
  programme: { code: string; title: string } | null;
  counts: Record<StatusKey, number>;
  nextSession: { at: string; title: string } | null;
  cutoff: { title: string; at: string } | null;
  /** Set for secretaries: institutions with tasks still missing for the cut-off. */
  notAnswered: InstitutionStanding[] | null;
  /** The institutions the user is a contact of. */
  mine: HomeInstitution[];
  /** The language the user chose in the app; null = as Slack says (db/user-settings.ts). */
  language: Locale | null;
}

/** Reads the Home data for `userId` at `now`; `secretary` says whether to add their part. */
export async function homeData(
  db: Db,
  userId: string,
  opts: { now: DateTime; secretary: boolean },
): Promise<HomeData> {
  const programme = await currentProgramme(db);
  const counts = Object.fromEntries(STATUS_KEYS.map((k) => [k, 0])) as Record<StatusKey, number>;
  const nowIso = opts.now.toUTC().toISO() ?? "";
  const session = await nextSession(db, nowIso);
  const base = {
    programme: programme ? { code: programme.code, title: programme.title } : null,
    counts,
    nextSession: session ? { at: session.at, title: session.title } : null,
    language: await preferredLocale(db, userId),
  };
  if (!programme) return { ...base, cutoff: null, notAnswered: null, mine: [] };
  for (const t of await listTasks(db, programme.id)) counts[t.status ?? "none"]++;
  const grace = opts.now.minus({ days: CUTOFF_GRACE_DAYS }).toUTC().toISO() ?? "";
  const found = await activeCutoff(db, nowIso, grace);
  const cutoff = found?.programmeId === programme.id ? found : undefined;
  const standings = await institutionStandings(db, programme.id, cutoff, nowIso);
  const ids = new Set(await institutionsOfContact(db, userId));
  const mine: HomeInstitution[] = [];
  for (const inst of (await listInstitutions(db)).filter((i) => ids.has(i.id))) {
    mine.push({
      code: inst.code,
      name: inst.name,
      tasks: await listTasksOfInstitution(db, programme.id, inst.id),
      // Not answered: no reply, or only an unverified one (not by a contact), as in the digest.
      missing: unansweredOf(standings.find((s) => s.code === inst.code)),
    });
  }
  return {
    ...base,
    cutoff: cutoff ? { title: cutoff.title, at: cutoff.at } : null,
    notAnswered: opts.secretary ? standings.filter((s) => unansweredTasks(s).length > 0) : null,
    mine,
  };
}

/** The task numbers an institution has not answered ({@link unansweredTasks}); none without a standing. */
function unansweredOf(standing: InstitutionStanding | undefined): string[] {
  return standing ? unansweredTasks(standing) : [];
}
