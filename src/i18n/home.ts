import { defineCatalog, lvPlural } from "./define.ts";

const lv = {
  title: "Koordinators",
  noProgramme: "Programma vēl nav importēta.",
  /** The programme's size: `n` tasks and `subtasks` sub-tasks (0: "26 uzdevumi"), as `/task help`. */
  tasks: (n: number, subtasks = 0) =>
    `${n} ${lvPlural(n, "uzdevums", "uzdevumi")}${subtasks > 0 ? ` un ${subtasks} ${lvPlural(subtasks, "apakšuzdevums", "apakšuzdevumi")}` : ""}`,
  nextSession: (when: string, title: string) => `📅 Nākamā sēde: *${when}* – ${title}`,
  noSession: "📅 Nākamā sēde vēl nav ieplānota.",
  /**
   * The current cut-off: `id` as `/cutoff list` numbers it (undefined: unnamed, as before it was
   * kept), `passed` once its time is up ("pagājis", as `/task N`'s heading says it).
   */
  cutoff: (title: string, when: string, id?: number, passed = false) =>
    `⏰ Ziņošanas termiņš${id === undefined ? "" : ` #${id}`}${passed ? " pagājis" : ""}: *${title}* – ${when}`,
  noCutoff: "⏰ Aktīva ziņošanas termiņa nav.",
  secretaryHeading: "Sekretāram",
  allAnswered: "*Visas institūcijas ir atbildējušas.*",
  digestButton: "Sagatavot kopsavilkumu",
  digestHint:
    "Kopsavilkums tiek publicēts darba grupas kanālā (vai jums, ja kanāls nav iestatīts). To pašu dara `/digest`.",
  institutionHeading: (code: string, name: string) => `${code} – ${name}`,
  /** `id`: the current cut-off, named (another may have the reply); undefined: unnamed. */
  missing: (numbers: string, id?: number) =>
    `*Vēl gaidām jūsu atbildi${id === undefined ? "" : ` uz #${id}`} par:* ${numbers}`,
  /**
   * Tasks `numbers` the institution still owes cut-off `id`, which passed on `date` (another
   * just-passed one, or the current one once passed): named by its number, that a reply is
   * late by now but still welcome (it counts; it is marked "pēc ziņošanas termiņa"), and where
   * it goes: #id's reminder thread, as a reply counts for the cut-off whose thread it came
   * from (`link`: the thread's address, linked "atvērt" as the digest thread's note links it;
   * undefined: no thread known, unlinked).
   */
  missingLate: (numbers: string, id: number, date: string, link?: string) =>
    `⌛ *Vēl gaidām jūsu atbildi uz #${id} (pagājis ${date}) par:* ${numbers} – termiņš ir nokavēts, taču atbilde joprojām noderēs: atbildiet #${id} atgādinājuma pavedienā${link === undefined ? "" : ` (<${link}|atvērt>)`}.`,
  nothingMissing: (id?: number) =>
    `✅ Par ${id === undefined ? "šo termiņu" : `ziņošanas termiņu #${id}`} viss ir iesniegts. Paldies!`,
  /** After as many task numbers as fit a line: how many more it owes ("5, 14 … un vēl 40"). */
  moreNumbers: (n: number) => `… un vēl ${n}`,
  /** After as many lines about cut-offs as fit the Home: how many were left out. */
  moreLines: (n: number) => `… un vēl ${n}.`,
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
  tasks: (n, subtasks = 0) =>
    `${n} ${n === 1 ? "task" : "tasks"}${subtasks > 0 ? ` and ${subtasks} ${subtasks === 1 ? "sub-task" : "sub-tasks"}` : ""}`,
  nextSession: (when, title) => `📅 Next session: *${when}* – ${title}`,
  noSession: "📅 No session planned yet.",
  cutoff: (title, when, id, passed = false) =>
    `⏰ Reporting cut-off${id === undefined ? "" : ` #${id}`}${passed ? " passed" : ""}: *${title}* – ${when}`,
  noCutoff: "⏰ No active reporting cut-off.",
  secretaryHeading: "For the secretary",
  allAnswered: "*Every institution has answered.*",
  digestButton: "Prepare a digest",
  digestHint:
    "The digest is posted to the working group's channel (or to you when none is set). `/digest` does the same.",
  institutionHeading: (code, name) => `${code} – ${name}`,
  missing: (numbers, id) =>
    `*We still need your reply${id === undefined ? "" : ` for #${id}`} on:* ${numbers}`,
  missingLate: (numbers, id, date, link) =>
    `⌛ *We still need your reply for #${id} (passed ${date}) on:* ${numbers} – it is late now, but still welcome: reply in #${id}'s reminder thread${link === undefined ? "" : ` (<${link}|open>)`}.`,
  nothingMissing: (id) =>
    `✅ Everything for ${id === undefined ? "this cut-off" : `reporting cut-off #${id}`} is in. Thank you!`,
  moreNumbers: (n) => `… and ${n} more`,
  moreLines: (n) => `… and ${n} more.`,
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
