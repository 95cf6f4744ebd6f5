import { defineCatalog } from "./define.ts";
import { type DurationUnit, durationText } from "./duration.ts";

/** A unit of the time left until a cut-off. */
export type LeftUnit = DurationUnit;

const problemLv: Record<string, string> = {
  no_mapping:
    "institūcijai nav norādīts Slack kanāls – iestatiet to ar `/institution set {code} #kanāls @kontaktpersona`",
  channel_not_found: "Slack kanāls nav atrasts – pārbaudiet `/institution {code}`",
  not_in_channel: "lietotne nav pievienota kanālam – uzaiciniet to ar `/invite @Koordinators`",
  is_archived: "kanāls ir arhivēts",
};
const problemEn: Record<string, string> = {
  no_mapping:
    "the institution has no Slack channel – set one with `/institution set {code} #channel @contact`",
  channel_not_found: "the Slack channel was not found – check `/institution {code}`",
  not_in_channel: "the app is not in the channel – invite it with `/invite @Koordinators`",
  is_archived: "the channel is archived",
};

const lv = {
  heading: (code: string) => `Atgādinājums: ${code}`,
  intro: (mentions: string, code: string, cutoff: string, title: string) =>
    `${mentions ? `${mentions}, ` : ""}lūdzu, sniedziet informāciju par ${code} uzdevumu izpildes gaitu līdz *${cutoff}* (${title}).`,
  /** The time left as `followUp` puts it after "vēl": always the nominative. */
  left: (n: number, unit: LeftUnit) => durationText("lv").count(n, unit),
  followUp: (mentions: string, remaining: string, cutoff: string) =>
    `${mentions ? `${mentions}, ` : ""}atgādinām: līdz ziņošanas termiņam (*${cutoff}*) vēl ${remaining}. Vēl gaidām informāciju par šiem uzdevumiem.`,
  overdue: (mentions: string, cutoff: string) =>
    `${mentions ? `${mentions}, ` : ""}ziņošanas termiņš (*${cutoff}*) ir pagājis. Vēl gaidām informāciju par šiem uzdevumiem.`,
  howToReply:
    "Atbildiet šajā pavedienā – sāciet ar uzdevuma numuru (piemēram, „14: …”) – vai spiediet „Iesniegt atjauninājumu”.",
  lastReply: (excerpt: string, user: string, date: string) =>
    `Pēdējā atbilde (${date}, <@${user}>): ${excerpt}`,
  noReplyYet: "Atbildes vēl nav.",
  unverified: "(nepārbaudīta: autors nav institūcijas kontaktpersona)",
  submitUpdate: "Iesniegt atjauninājumu",
  more: (numbers: string) => `Un vēl: ${numbers}`,
  fallback: (code: string, cutoff: string) => `Atgādinājums ${code}: ziņošanas termiņš ${cutoff}`,
  deadline: "Izpildes termiņš",
  status: "Statuss",
  problem: (code: string, problem: string, cutoff: string) =>
    `⚠️ Institūcijai *${code}* neizdevās nosūtīt atgādinājumu (${cutoff}): ${(problemLv[problem] ?? problem).replaceAll("{code}", code)}.`,
};

const en: typeof lv = {
  heading: (code) => `Reminder: ${code}`,
  intro: (mentions, code, cutoff, title) =>
    `${mentions ? `${mentions}, ` : ""}please report the progress of ${code}'s tasks by *${cutoff}* (${title}).`,
  left: (n, unit) => durationText("en").count(n, unit),
  followUp: (mentions, remaining, cutoff) =>
    `${mentions ? `${mentions}, ` : ""}a reminder: ${remaining} left until the reporting cut-off (*${cutoff}*). We are still waiting for these tasks.`,
  overdue: (mentions, cutoff) =>
    `${mentions ? `${mentions}, ` : ""}the reporting cut-off (*${cutoff}*) has passed. We are still waiting for these tasks.`,
  howToReply:
    "Reply in this thread – start with the task number (e.g. “14: …”) – or press “Submit update”.",
  lastReply: (excerpt, user, date) => `Last reply (${date}, <@${user}>): ${excerpt}`,
  noReplyYet: "No reply yet.",
  unverified: "(unverified: the author is not a contact of the institution)",
  submitUpdate: "Submit update",
  more: (numbers) => `And also: ${numbers}`,
  fallback: (code, cutoff) => `Reminder for ${code}: reporting cut-off ${cutoff}`,
  deadline: "Deadline",
  status: "Status",
  problem: (code, problem, cutoff) =>
    `⚠️ The reminder for *${code}* could not be sent (${cutoff}): ${(problemEn[problem] ?? problem).replaceAll("{code}", code)}.`,
};

/** Texts of reminder messages (the thread root and follow-ups). */
export const reminderText = defineCatalog<typeof lv>({ lv, en });
