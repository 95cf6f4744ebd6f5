import { defineCatalog, lvPlural } from "./define.ts";

const lv = {
  title: "Koordinators",
  noProgramme: "Programma vēl nav importēta.",
  tasks: (n: number) => `${n} ${lvPlural(n, "uzdevums", "uzdevumi")}`,
  nextSession: (when: string, title: string) => `📅 Nākamā sēde: *${when}* – ${title}`,
  noSession: "📅 Nākamā sēde vēl nav ieplānota.",
  cutoff: (title: string, when: string) => `⏰ Ziņošanas termiņš: *${title}* – ${when}`,
  noCutoff: "⏰ Aktīva ziņošanas termiņa nav.",
  secretaryHeading: "Sekretāram",
  notAnswered: (list: string) => `*Vēl nav atbildējušas:* ${list}`,
  /** In "Vēl nav atbildējušas": the tasks with only an unverified reply (not by a contact). */
  unverifiedReplies: (numbers: string[]) =>
    `${lvPlural(numbers.length, "nepārbaudīta atbilde", "nepārbaudītas atbildes")}: ${numbers.join(", ")}`,
  allAnswered: "*Visas institūcijas ir atbildējušas.*",
  digestButton: "Sagatavot kopsavilkumu",
  digestHint:
    "Kopsavilkums tiek publicēts darba grupas kanālā (vai jums, ja kanāls nav iestatīts). To pašu dara `/digest`.",
  institutionHeading: (code: string, name: string) => `${code} – ${name}`,
  missing: (numbers: string) => `*Vēl gaidām jūsu atbildi par:* ${numbers}`,
  nothingMissing: "✅ Par šo termiņu viss ir iesniegts. Paldies!",
  yourTasks: (n: number) => `*Jūsu uzdevumi (${n})*`,
  more: (n: number) => `… un vēl ${n}. Visus redz ar \`/task <kods>\`.`,
  visitor: "Uzdevumu statusu redz ar `/task 14`, institūcijas uzdevumus – ar `/task IEM`.",
  /** Both languages: whoever reads the other one must still find it. */
  language: "🌐 *Valoda* · Language",
  languageSlack: "Noklusējums (bez izvēles)",
};

const en: typeof lv = {
  title: "Koordinators",
  noProgramme: "No programme has been imported yet.",
  tasks: (n) => `${n} ${n === 1 ? "task" : "tasks"}`,
  nextSession: (when, title) => `📅 Next session: *${when}* – ${title}`,
  noSession: "📅 No session planned yet.",
  cutoff: (title, when) => `⏰ Reporting cut-off: *${title}* – ${when}`,
  noCutoff: "⏰ No active reporting cut-off.",
  secretaryHeading: "For the secretary",
  notAnswered: (list) => `*Not answered yet:* ${list}`,
  unverifiedReplies: (numbers) =>
    `${numbers.length === 1 ? "unverified reply" : "unverified replies"}: ${numbers.join(", ")}`,
  allAnswered: "*Every institution has answered.*",
  digestButton: "Prepare a digest",
  digestHint:
    "The digest is posted to the working group's channel (or to you when none is set). `/digest` does the same.",
  institutionHeading: (code, name) => `${code} – ${name}`,
  missing: (numbers) => `*We still need your reply on:* ${numbers}`,
  nothingMissing: "✅ Everything for this cut-off is in. Thank you!",
  yourTasks: (n) => `*Your tasks (${n})*`,
  more: (n) => `… and ${n} more. \`/task <code>\` lists them all.`,
  visitor: "See a task with `/task 14`, an institution's tasks with `/task IEM`.",
  language: "🌐 *Language* · Valoda",
  languageSlack: "Default (no choice)",
};

/** Each language's own name, the same in both catalogues (a choice names itself). */
export const LANGUAGE_NAMES = { lv: "Latviešu", en: "English" } as const;

/** Texts of the App Home tab. */
export const homeText = defineCatalog<typeof lv>({ lv, en });
