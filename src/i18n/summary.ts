import { defineCatalog, lvPlural } from "./define.ts";

const lv = {
  allAnswered: (cutoff: string) =>
    `✅ Ziņošanas termiņš „${cutoff}” ir pagājis: visas institūcijas ir atbildējušas.`,
  missing: (cutoff: string, institutions: string[]) =>
    `⏰ Ziņošanas termiņš „${cutoff}” ir pagājis. Nav atbildējušas (${institutions.length}): ${institutions.join("; ")}.`,
  /** After an institution's open tasks: those replied to only unverified (not by a contact). */
  unverified: (numbers: string[]) =>
    `${lvPlural(numbers.length, "nepārbaudīta atbilde", "nepārbaudītas atbildes")}: ${numbers.join(", ")}`,
};

const en: typeof lv = {
  allAnswered: (cutoff) =>
    `✅ The reporting cut-off “${cutoff}” has passed: every institution has answered.`,
  missing: (cutoff, institutions) =>
    `⏰ The reporting cut-off “${cutoff}” has passed. Not answered (${institutions.length}): ${institutions.join("; ")}.`,
  unverified: (numbers) =>
    `${numbers.length === 1 ? "unverified reply" : "unverified replies"}: ${numbers.join(", ")}`,
};

/** The secretary's summaries after a cut-off. */
export const summaryText = defineCatalog<typeof lv>({ lv, en });
