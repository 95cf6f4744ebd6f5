/**
 * `remind --now`'s table in the terminal: the header row over its one line per institution, and
 * the one-line summary under it (the `--json` form prints neither); and the note naming the
 * institutions with no channel mapped, which were skipped, not failed (exit 0 for them).
 */
import { defineCatalog, enCount, lvPlural } from "./define.ts";

/**
 * How many institutions' reminders were sent now, needed no sending, have no channel mapped
 * (skipped until one is) and were not sent (failed: the exit-1 ones).
 */
export interface RemindSummary {
  sent: number;
  needless: number;
  noChannel: number;
  notSent: number;
}

/**
 * The institutions skipped for want of a channel: their codes in institution order, whether
 * nothing at all was sent in the run, and the cut-off's id (for the command to run again).
 */
export interface Unmapped {
  codes: string[];
  nothingSent: boolean;
  cutoffId: number;
}

/** Why Slack would not let the app send a secretary a direct message, by Slack's error code. */
const secretaryWhyLv: Record<string, string> = {
  users_not_found: "Slack lietotājs nav atrasts",
  user_disabled: "Slack lietotājs ir deaktivizēts",
  cannot_dm_bot: "tas ir bots, nevis cilvēks",
};
const secretaryWhyEn: Record<string, string> = {
  users_not_found: "the Slack user was not found",
  user_disabled: "the Slack user is deactivated",
  cannot_dm_bot: "it is a bot, not a person",
};

const lv = {
  institution: "Institūcija",
  kind: "Atgādinājums",
  outcome: "Iznākums",
  /** "Kopā 4 institūcijas: 1 nosūtīts, 1 nebija jāsūta, 1 bez kanāla, 1 nav nosūtīts." (zero parts left out). */
  summary: (s: RemindSummary) => {
    const all = s.sent + s.needless + s.noChannel + s.notSent;
    const parts = [
      s.sent > 0 ? `${s.sent} ${lvPlural(s.sent, "nosūtīts", "nosūtīti")}` : "",
      s.needless > 0 ? `${s.needless} nebija jāsūta` : "",
      s.noChannel > 0 ? `${s.noChannel} bez kanāla` : "",
      s.notSent > 0 ? `${s.notSent} ${lvPlural(s.notSent, "nav nosūtīts", "nav nosūtīti")}` : "",
    ].filter(Boolean);
    return `Kopā ${all} ${lvPlural(all, "institūcija", "institūcijas")}: ${parts.join(", ")}.`;
  },
  /**
   * After the table: the institutions with no channel, what maps one (with the code when one
   * institution, `<KODS>` for several), and the run to repeat. Not a failure: no "neizdevās".
   */
  unmapped: (u: Unmapped) => {
    const one = u.codes.length === 1;
    const who = `${one ? "institūcijai" : "institūcijām"} ${u.codes.join(", ")} nav piesaistīts Slack kanāls`;
    const head = u.nothingSent
      ? `Nekas netika nosūtīts: ${who}`
      : `${one ? "Institūcijai" : "Institūcijām"} ${u.codes.join(", ")} ${one ? "atgādinājums netika sūtīts" : "atgādinājumi netika sūtīti"}: nav piesaistīts Slack kanāls`;
    return `${head}. Piesaistiet ${one ? "to" : "katrai"}: \`npm run cli -- institution set ${one ? u.codes[0] : "<KODS>"} <kanāla ID> <lietotāja ID>\`, tad palaidiet \`npm run cli -- remind --cutoff ${u.cutoffId} --now\` vēlreiz.`;
  },
  /**
   * A secretary the app could not tell of a failed reminder (direct message refused): `user` the
   * Slack user ID, `code` Slack's error code (null when Slack gave none); once per run.
   */
  secretaryUnreachable: (user: string, code: string | null) =>
    `Sekretāru ${user} nevarēja informēt: ${
      code === null
        ? "Slack neļāva nosūtīt ziņu"
        : `${secretaryWhyLv[code] ?? `Slack atbildēja „${code}”`} (${code})`
    }. Sekretāri: \`npm run cli -- role list\`.`,
};

const en: typeof lv = {
  institution: "Institution",
  kind: "Reminder",
  outcome: "Outcome",
  summary: (s) => {
    const all = s.sent + s.needless + s.noChannel + s.notSent;
    const parts = [
      s.sent > 0 ? `${s.sent} sent` : "",
      s.needless > 0 ? `${s.needless} needed no sending` : "",
      s.noChannel > 0 ? `${s.noChannel} without a channel` : "",
      s.notSent > 0 ? `${s.notSent} not sent` : "",
    ].filter(Boolean);
    return `In all, ${enCount(all, "institution", "institutions")}: ${parts.join(", ")}.`;
  },
  unmapped: (u) => {
    const one = u.codes.length === 1;
    const codes = u.codes.join(", ");
    const head = u.nothingSent
      ? `Nothing could be sent: ${codes} ${one ? "has" : "have"} no Slack channel mapped`
      : `Not sent to ${codes}: no Slack channel mapped`;
    return `${head}. Map ${one ? "one" : "one to each"} with \`npm run cli -- institution set ${one ? u.codes[0] : "<CODE>"} <channelId> <userId>\`, then run \`npm run cli -- remind --cutoff ${u.cutoffId} --now\` again.`;
  },
  secretaryUnreachable: (user, code) =>
    `Secretary ${user} could not be told: ${
      code === null
        ? "Slack did not let the app send the message"
        : `${secretaryWhyEn[code] ?? `Slack answered “${code}”`} (${code})`
    }. Secretaries: \`npm run cli -- role list\`.`,
};

/** Texts of `remind --now`'s table (header and summary) and of its no-channel note. */
export const cliRemindText = defineCatalog<typeof lv>({ lv, en });
