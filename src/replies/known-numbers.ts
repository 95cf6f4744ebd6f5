/**
 * The task numbers a reply's leading "N,M" is read as N.M by (README "Replies";
 * src/domain/decimal-tasks.ts), for a new reply (./ingest.ts) and an edited one
 * (./edit-target.ts) alike: the thread's scope, and the programme's task numbers when the text
 * needs them. The programme is read at most once per reply, and only then.
 */
import type { Db } from "../../db/client.ts";
import { listTaskNumbers } from "../../db/tasks.ts";
import { decimalTasks, needsProgramme } from "../domain/decimal-tasks.ts";

/**
 * The programme's task numbers ({@link listTaskNumbers}), read at most once and only when first
 * asked for; [] when the cut-off has no programme in the store or the read fails (the reply is
 * stored all the same, its numbers read by the scope alone, as before).
 */
export function programmeNumbers(db: Db, programmeId: number | null): () => Promise<string[]> {
  let read: Promise<string[]> | null = null;
  return () => {
    read ??=
      programmeId === null ? Promise.resolve([]) : listTaskNumbers(db, programmeId).catch(() => []);
    return read;
  };
}

/**
 * The numbers a reply's leading "N,M" is read as N.M by (the readers' `known`, see
 * src/domain/decimal-tasks.ts): `scope`, and the programme's task numbers too when the reply
 * has an "N,M" whose N.M is not in `scope` (only then is the programme read): "13,3: …" in a
 * thread not asking 13.3 names 13.3, "5,14: …" (5.14 no task) the list of 5 and 14.
 */
export async function knownNumbers(
  text: string,
  scope: readonly string[],
  programme: () => Promise<string[]>,
): Promise<readonly string[]> {
  return needsProgramme(text, scope) ? decimalTasks(scope, await programme()) : scope;
}
