import type { TaskStatus } from "../domain/types.ts";

/**
 * How the annex's result indicators ("Rezultatīvie rādītāji") state a task's status, checked in
 * this order so that "izpildīts daļēji" is not read as "izpildīts":
 * - not_done: "nav izpildīts";
 * - partial: "izpildīts daļēji", "daļēji izpildīts";
 * - ongoing: "pastāvīgi", "tiek pildīts", "tiek izpildīts", "tiek īstenots";
 * - done: "Uzdevums izpildīts", "Uzdevuma izpildīts", "ir izpildīts".
 */
const RULES: ReadonlyArray<readonly [RegExp, TaskStatus]> = [
  [/\bnav\s+(?:\S+\s+)?izpildīt/iu, "not_done"],
  [/izpildīt\S*\s+daļēji|daļēji\s+izpildīt/iu, "partial"],
  [/pastāvīg|tiek\s+(?:iz)?pildīt|tiek\s+īstenot/iu, "ongoing"],
  [/izpildīt/iu, "done"],
];

/**
 * The status an indicator states, read from its opening clause (the text before the first
 * ":", e.g. "Uzdevums izpildīts daļēji: ir veikti pētījumi…"), so that details after the colon
 * ("…regulāri tiek atjaunota") do not change it. `null` when the clause states none.
 */
export function statusOf(indicator: string): TaskStatus | null {
  const colon = indicator.indexOf(":");
  const clause = colon === -1 ? indicator : indicator.slice(0, colon);
  for (const [pattern, status] of RULES) if (pattern.test(clause)) return status;
  return null;
}
