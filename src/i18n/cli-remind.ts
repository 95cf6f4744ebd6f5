/**
 * `remind --now`'s table in the terminal: the header row over its one line per institution, and
 * the one-line summary under it (the `--json` form prints neither).
 */
import { defineCatalog, enCount, lvPlural } from "./define.ts";

/** How many institutions' reminders were sent now, needed no sending, and were not sent. */
export interface RemindSummary {
  sent: number;
  needless: number;
  notSent: number;
}

const lv = {
  institution: "Institūcija",
  kind: "Atgādinājums",
  outcome: "Iznākums",
  /** "Kopā 3 institūcijas: 1 nosūtīts, 1 nebija jāsūta, 1 nav nosūtīts." (zero parts left out). */
  summary: (s: RemindSummary) => {
    const all = s.sent + s.needless + s.notSent;
    const parts = [
      s.sent > 0 ? `${s.sent} ${lvPlural(s.sent, "nosūtīts", "nosūtīti")}` : "",
      s.needless > 0 ? `${s.needless} nebija jāsūta` : "",
      s.notSent > 0 ? `${s.notSent} ${lvPlural(s.notSent, "nav nosūtīts", "nav nosūtīti")}` : "",
    ].filter(Boolean);
    return `Kopā ${all} ${lvPlural(all, "institūcija", "institūcijas")}: ${parts.join(", ")}.`;
  },
};

const en: typeof lv = {
  institution: "Institution",
  kind: "Reminder",
  outcome: "Outcome",
  summary: (s) => {
    const all = s.sent + s.needless + s.notSent;
    const parts = [
      s.sent > 0 ? `${s.sent} sent` : "",
      s.needless > 0 ? `${s.needless} needed no sending` : "",
      s.notSent > 0 ? `${s.notSent} not sent` : "",
    ].filter(Boolean);
    return `In all, ${enCount(all, "institution", "institutions")}: ${parts.join(", ")}.`;
  },
};

/** Texts of `remind --now`'s table (header and summary). */
export const cliRemindText = defineCatalog<typeof lv>({ lv, en });
