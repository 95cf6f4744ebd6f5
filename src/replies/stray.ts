import type { Db } from "../../db/client.ts";
import { listTaskNumbers } from "../../db/tasks.ts";

/**
 * Numbers a reply names outside its reminder ({@link strayNumbers}), split by the programme:
 * `notInReminder` are tasks of the programme the reminder does not cover ("2: …" in a reminder
 * for 5 and 14), `notInProgramme` are no task at all ("150: …"); each in the order given. The
 * programme's task numbers are read only when there is a number to split.
 * @throws Error only when the store fails.
 */
export async function splitStray(
  db: Db,
  programmeId: number,
  numbers: readonly string[],
): Promise<{ notInReminder: string[]; notInProgramme: string[] }> {
  if (numbers.length === 0) return { notInReminder: [], notInProgramme: [] };
  const programme = new Set(await listTaskNumbers(db, programmeId));
  return {
    notInReminder: numbers.filter((n) => programme.has(n)),
    notInProgramme: numbers.filter((n) => !programme.has(n)),
  };
}
