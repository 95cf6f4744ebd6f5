/**
 * Who has not answered a reporting cut-off that has just passed, while another is the current
 * one (a fresh user's finding: the automatic digest after cut-off #1 said "Vēl nav atbildējušas
 * uz #1: …", and a `/digest` 25 s later, about the next cut-off #2, no longer named them, while
 * the App Home and `/task` still did). The digest, the secretary's Home and a contact's Home read
 * the same list: the programme's cut-offs passed within the grace days (`cutoffsShownAt`), other
 * than the current one, each with the institutions that have not answered it by the digest's
 * rule (`unansweredTasks`: an unverified reply answers nothing); those all answered are left
 * out. Reads only.
 */
import type { DateTime } from "luxon";
import type { Db } from "../../db/client.ts";
import type { Cutoff } from "../../db/cutoffs.ts";
import { cutoffsShownAt } from "../reminders/task-status.ts";
import { cutoffStandings, institutionNames } from "./institutions.ts";
import { type InstitutionStanding, unansweredTasks } from "./model.ts";

/** A passed cut-off and the institutions (by code) that have not answered all it asked them. */
export interface PassedUnanswered {
  cutoff: Cutoff;
  /** Standings without response rates (`rate` null), only those with a task unanswered. */
  institutions: InstitutionStanding[];
}

/**
 * The cut-offs of programme `programmeId` that have passed at `now` (their very instant counts
 * as passed) within the grace days, other than `currentId` (the digest's or the Home's current
 * one; undefined: none), latest first, each with the institutions that have not answered it
 * (see the module comment). Reads the cut-offs shown at `now` (one query); when some such
 * cut-off has passed, the institutions once, then for each such cut-off its scope and replies
 * (at most three queries each; the grace days hold few).
 */
export async function passedUnanswered(
  db: Db,
  programmeId: number,
  currentId: number | undefined,
  now: DateTime,
): Promise<PassedUnanswered[]> {
  const nowIso = now.toUTC().toISO() ?? "";
  const passed = (await cutoffsShownAt(db, now)).filter(
    (c) => c.programmeId === programmeId && c.id !== currentId && c.at <= nowIso,
  );
  const out: PassedUnanswered[] = [];
  if (passed.length === 0) return out;
  const names = await institutionNames(db);
  for (const cutoff of passed) {
    const institutions = (await cutoffStandings(db, cutoff, names)).filter(
      (s) => unansweredTasks(s).length > 0,
    );
    if (institutions.length > 0) out.push({ cutoff, institutions });
  }
  return out;
}
