import { DATE_FORMATS_HELP, FUTURE_DATE_FORMATS_HELP } from "../domain/dates.ts";
import { defineCatalog } from "./define.ts";

/**
 * What every command answers about a date it was given (`/session add`, `/cutoff add|move`,
 * `/digest since`, `/task 14 set deadline`, `/institution away`), so a day that does not exist
 * reads the same wherever it is typed. The catalogues of those commands spread these in.
 */
const lv = {
  /** Words that are no date in any accepted form ("nekad", "2026-1-x"). */
  badDate: (input: string) => `„${input}” nav saprotams datums.`,
  /** A date's shape naming no day of the calendar ("31.02.2013", "2027-13-01"). */
  invalidDate: (input: string) => `Datums „${input}” neeksistē: tādas dienas kalendārā nav.`,
  /** The accepted forms, shown under either message. */
  dateFormats: DATE_FORMATS_HELP.lv,
  /** {@link dateFormats} for a date that must be ahead (`/cutoff add|move`): no "vakar". */
  futureDateFormats: FUTURE_DATE_FORMATS_HELP.lv,
};

const en: typeof lv = {
  badDate: (input) => `“${input}” is not a date I understand.`,
  invalidDate: (input) => `There is no such date as “${input}”: that day is not in the calendar.`,
  dateFormats: DATE_FORMATS_HELP.en,
  futureDateFormats: FUTURE_DATE_FORMATS_HELP.en,
};

/** The shared messages about a typed date, in `locale` (see the module comment). */
export const dateInputText = defineCatalog<typeof lv>({ lv, en });
