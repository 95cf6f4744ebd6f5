import { defineCatalog, lvPlural } from "./define.ts";

/**
 * `id`: the cut-off's number as `/cutoff list` has it; `cutoff`: its title, mrkdwn-escaped by
 * the caller. "⏰ Ziņošanas termiņš #2 „Otrais” ir pagājis. …", as other DMs name a cut-off.
 */
const lv = {
  allAnswered: (id: number, cutoff: string) =>
    `✅ Ziņošanas termiņš #${id} „${cutoff}” ir pagājis: visas institūcijas ir atbildējušas.`,
  missing: (id: number, cutoff: string, institutions: string[]) =>
    `⏰ Ziņošanas termiņš #${id} „${cutoff}” ir pagājis. Nav atbildējušas (${institutions.length}): ${institutions.join("; ")}.`,
  /** After an institution's open tasks: those replied to only unverified (not by a contact). */
  unverified: (numbers: string[]) =>
    `${lvPlural(numbers.length, "nepārbaudīta atbilde", "nepārbaudītas atbildes")}: ${numbers.join(", ")}`,
};

const en: typeof lv = {
  allAnswered: (id, cutoff) =>
    `✅ Reporting cut-off #${id} “${cutoff}” has passed: every institution has answered.`,
  missing: (id, cutoff, institutions) =>
    `⏰ Reporting cut-off #${id} “${cutoff}” has passed. Not answered (${institutions.length}): ${institutions.join("; ")}.`,
  unverified: (numbers) =>
    `${numbers.length === 1 ? "unverified reply" : "unverified replies"}: ${numbers.join(", ")}`,
};

/** The secretary's summaries after a cut-off. */
export const summaryText = defineCatalog<typeof lv>({ lv, en });
