/**
 * Texts of `/cutoff plan` and `/cutoff add` (and the CLI's twins) for an institution whose
 * channel Slack last said the app cannot post to (`channel_checks`, asked by `/institution set`):
 * its reminders are planned but will fail, so the plan says so before, not after.
 */
import { defineCatalog, enCount, lvPlural } from "./define.ts";
import { channelProblemText } from "./reminder.ts";

/** Why the channel cannot be reached, as the stored check says. */
export type UnreachableWhy = "not_found" | "not_member" | "archived";

/** Slack's error code of each check, so the cause reads as a failed reminder's does. */
const ERROR_OF = {
  not_found: "channel_not_found",
  not_member: "not_in_channel",
  archived: "is_archived",
} as const;

/**
 * `count`: the institution's reminders of the cut-off's present time still to go and all of
 * them ("2 no 15"), for `/cutoff add`'s and `/cutoff move`'s answers; null in the plan.
 */
type Count = { reminders: number; total: number } | null;

/** The secretary's fix for each cause, in the imperative; the command follows a colon. */
const lvFix: Record<UnreachableWhy, string> = {
  not_found: "Norādiet citu kanālu",
  not_member: "Pievienojiet lietotni kanālam (`/invite @Koordinators`) vai norādiet citu",
  archived: "Atarhivējiet kanālu vai norādiet citu",
};
const enFix: Record<UnreachableWhy, string> = {
  not_found: "Name another channel",
  not_member: "Add the app to the channel (`/invite @Koordinators`) or name another",
  archived: "Unarchive the channel or name another",
};

const lvProblems = channelProblemText("lv");
const enProblems = channelProblemText("en");

const lv = {
  /**
   * "⚠️ *TM*: kanāls <#C…> nav sasniedzams (…) – atgādinājumi neizdosies. Norādiet citu …".
   * The reader is the secretary, so the fix is said to them, and only the one that can work:
   * a channel Slack does not know (not_found) cannot be joined, so only another is named;
   * not_member: invite the app or name another; archived: unarchive it or name another.
   */
  unreachable: (code: string, channel: string, why: UnreachableWhy, count: Count = null) =>
    `⚠️ *${code}*: kanāls ${channel} nav sasniedzams (${lvProblems[ERROR_OF[why]]}) – ${
      count
        ? `${count.reminders} no ${count.total} ${lvPlural(count.total, "plānotā atgādinājuma", "plānotajiem atgādinājumiem")} neizdosies`
        : "atgādinājumi neizdosies"
    }. ${lvFix[why]}: \`/institution set ${code} #kanāls\`.`,
  /** Under the institution's channel in the plan (the fix is in the line above the list). */
  channelUnreachable: (why: UnreachableWhy) => `⚠️ *NAV SASNIEDZAMS*: ${lvProblems[ERROR_OF[why]]}`,
  /** A planned reminder to such a channel: the sender would fail it. */
  plannedUnreachable: "neizdosies – kanāls nav sasniedzams",
  /** A planned reminder of an institution that answered every task: the sender skips it. */
  plannedAllAnswered: "netiks nosūtīts – viss atbildēts",
};

const en: typeof lv = {
  unreachable: (code, channel, why, count = null) =>
    `⚠️ *${code}*: the channel ${channel} cannot be reached (${enProblems[ERROR_OF[why]]}) – ${
      count
        ? `${count.reminders} of the ${enCount(count.total, "reminder", "reminders")} planned will fail`
        : "its reminders will fail"
    }. ${enFix[why]}: \`/institution set ${code} #channel\`.`,
  channelUnreachable: (why) => `⚠️ *UNREACHABLE*: ${enProblems[ERROR_OF[why]]}`,
  plannedUnreachable: "will fail – channel unreachable",
  plannedAllAnswered: "will not be sent – all answered",
};

/** Texts for reminders to a channel last found unreachable. */
export const cutoffReachText = defineCatalog<typeof lv>({ lv, en });
