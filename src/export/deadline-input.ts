import { DateTime } from "luxon";
import { parseDateArg } from "../domain/dates.ts";
import type { Deadline } from "../domain/types.ts";
import { noDeadline, readDeadline } from "../import/deadline.ts";
import { squash } from "../import/text.ts";

/**
 * Reads a deadline typed in a spreadsheet cell or after `/task 14 set deadline`:
 * - a form the report prints ("2013.gads", "2009.-2013.gads", "regulāri", "ikgadēji"), kept
 *   as typed;
 * - a calendar date ("2027-06-30", "30.06.2027.", "30. jūnijs 2027"): due that day, printed
 *   the Latvian way ("30.06.2027.");
 * - "" : no deadline (a heading row).
 * Returns null when the text is none of these. Pure.
 */
export function readDeadlineInput(text: string): Deadline | null {
  const input = squash(text);
  if (input === "") return noDeadline();
  const printed = readDeadline(input);
  if (printed && printed.rest === "") return printed.deadline;
  const date = parseDateArg(input, "UTC");
  return date.ok ? dateDeadline(date.date) : null;
}

/** A deadline due on `isoDate` ("2027-06-30"), printed the Latvian way ("30.06.2027."). */
export function dateDeadline(isoDate: string): Deadline {
  const shown = DateTime.fromISO(isoDate, { zone: "utc" }).toFormat("dd.MM.yyyy.");
  return { text: shown, due: isoDate, recurrence: null };
}
