import type { Db } from "../../db/client.ts";
import { listTaskNumbers } from "../../db/tasks.ts";

/**
 * Numbers a reply names outside its reminder ({@link strayNumbers}), split by the programme:
 * `notInReminder` are tasks of the programme the reminder does not cover ("2: …" in a reminder
 * for 5 and 14), `notInProgramme` are no task at all ("150: …"); each in the order given. The
 * programme's task numbers are read only when there is a number to split. Never throws: the
 * note is said after the reply is stored, so when the store fails to list the programme's
 * tasks every number reads "not in this reminder" (as before there was a split) rather than
 * the author getting no acknowledgement at all.
 */
export async function splitStray(
  db: Db,
  programmeId: number,
  numbers: readonly string[],
): Promise<{ notInReminder: string[]; notInProgramme: string[] }> {
  if (numbers.length === 0) return { notInReminder: [], notInProgramme: [] };
  const listed = await listTaskNumbers(db, programmeId).catch(() => null);
  if (!listed) return { notInReminder: [...numbers], notInProgramme: [] };
  const programme = new Set(listed);
  return {
    notInReminder: numbers.filter((n) => programme.has(n)),
    notInProgramme: numbers.filter((n) => !programme.has(n)),
  };
}
