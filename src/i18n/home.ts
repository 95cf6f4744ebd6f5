import { defineCatalog, lvPlural } from "./define.ts";

/** `text` with its first letter in upper case: a clause standing as a sentence. */
const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

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
  /**
   * `id`: the current cut-off, named (another may have the reply); undefined: unnamed. `link`:
   * its reminder thread's address, where a reply goes (linked "atvērt" as the ⌛ line links it);
   * undefined: no thread known, nothing said of it.
   */
  missing: (numbers: string, id?: number, link?: string) =>
    `*Vēl gaidām jūsu atbildi${id === undefined ? "" : ` uz #${id}`} par:* ${numbers}${link === undefined ? "" : ` – atbildiet atgādinājuma pavedienā (<${link}|atvērt>).`}`,
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
  /**
   * As {@link missingLate}, for a cut-off whose reminder could not be posted (no thread): where
   * the reply goes is said by {@link undelivered}, the line after it.
   */
  missingLateNoThread: (numbers: string, id: number, date: string) =>
    `⌛ *Vēl gaidām jūsu atbildi uz #${id} (pagājis ${date}) par:* ${numbers} – termiņš ir nokavēts, taču atbilde joprojām noderēs.`,
  /**
   * Institution `code`'s reminder for cut-off `id` could not be posted in its channel (`reason`:
   * why, in words, e.g. `channelProblemText`'s), so there is no thread: the reply goes through
   * the "Submit update" buttons below (the reminder's own modal); the secretaries were told
   * (src/reminders/failed.ts) and the fix, as `/institution <code>` gives it.
   */
  undelivered: (id: number, code: string, reason: string, fix: string) =>
    `⚠️ Atgādinājumu uz #${id} nevarēja publicēt ${code} kanālā (${reason}), tāpēc pavediena nav: atbildiet ar pogu „Iesniegt atjauninājumu” zemāk. Sekretārs par to ir informēts; ${fix}.`,
  /**
   * Who fixes institution `code`'s channel, as a clause (lower case, no full stop): with
   * `byMember` (the app is only not in the channel, or the error is not about the channel) a
   * member of the channel with `/invite` or the secretary; otherwise (no channel set, the channel
   * not found or archived: no `/invite` can help) the secretary with `/institution set`, the one
   * who may change mappings. A contact reads it on the Home, so it names who can act; with
   * `secretary` the reader is a secretary (a contact too), so it says they can set it
   * themselves ("jūs varat iestatīt kanālu ar `/institution set …`"), never to ask the secretary.
   */
  channelFix: (code: string, byMember: boolean, secretary = false) => {
    const set = `\`/institution set ${code} #kanāls\``;
    const yours = `jūs varat iestatīt kanālu ar ${set}`;
    if (byMember)
      return `to salabo kāds kanāla dalībnieks ar \`/invite @Koordinators\` tajā${secretary ? `, vai arī ${yours}` : ` vai sekretārs ar ${set}`}`;
    return secretary ? yours : `kanālu iestata sekretārs ar ${set} (vērsieties pie sekretāra)`;
  },
  /**
   * The institution still owes cut-off `id` and has no reminder thread for it, no failed
   * delivery on record either (none has gone out yet): the reply goes through the "Submit
   * update" buttons below, here on the Home.
   */
  noThread: (id: number) =>
    `💬 Atgādinājuma pavediena uz #${id} vēl nav: atbildiet šeit ar pogu „Iesniegt atjauninājumu” zemāk.`,
  /**
   * As {@link noThread}, when the store already knows the reminder cannot be posted in
   * institution `code`'s channel (`reason`: none set, or why the app cannot post there, in
   * words): said, with the fix as {@link undelivered} gives it.
   */
  noThreadUnreachable: (id: number, code: string, reason: string, fix: string) =>
    `💬 Atgādinājuma pavediena uz #${id} vēl nav, un ${code} kanālā to nevar publicēt (${reason}): atbildiet šeit ar pogu „Iesniegt atjauninājumu” zemāk. ${capitalised(fix)}.`,
  /**
   * As {@link undelivered}, when it failed because institution `code` had no channel then and
   * one is set now (not known unreachable): there is still no thread for cut-off `id`.
   */
  undeliveredChannelSet: (id: number, code: string) =>
    `⚠️ Atgādinājumu uz #${id} nevarēja publicēt, jo ${code} toreiz nebija iestatīts kanāls; tagad tas ir iestatīts, bet pavediena vēl nav: atbildiet ar pogu „Iesniegt atjauninājumu” zemāk.`,
  /**
   * As {@link undelivered}, when Slack refused the channel then (`reason`, in words) and the
   * channel is not known unreachable now (a newer check or post says the app can post there,
   * or another channel is set): there is still no thread for cut-off `id`.
   */
  undeliveredChannelFixed: (id: number, code: string, reason: string) =>
    `⚠️ Atgādinājumu uz #${id} nevarēja publicēt ${code} kanālā (toreiz: ${reason}); kopš tā kanāls ir salabots vai nomainīts, bet pavediena vēl nav: atbildiet ar pogu „Iesniegt atjauninājumu” zemāk.`,
  /** {@link undelivered}'s reason when the channel's state has changed since: then and now. */
  thenNow: (then: string, now: string) => `toreiz: ${then}; tagad: ${now}`,
  /** Why a reminder was not posted when Slack's error is not one of `channelProblemText`'s. */
  undeliveredNoChannel: "kanāls nav iestatīts",
  undeliveredOther: (code: string) => (code === "" ? "Slack kļūda" : `Slack: ${code}`),
  /** A "Submit update" button on the Home (≤ 75 characters): task `number`, cut-off `id`. */
  submitButton: (number: string, id: number) => `Iesniegt atjauninājumu: ${number} (#${id})`,
  /**
   * After the institutions that fit the Home (100 blocks): how many were left out, and where to
   * see them (mrkdwn: `<`, `>` escaped).
   */
  institutionsLeftOut: (n: number) =>
    `… un vēl ${n} ${lvPlural(n, "institūcija", "institūcijas")}, kas šeit neietilpa: to uzdevumus un trūkstošās atbildes redz ar \`/task &lt;kods&gt;\`, visas institūcijas – ar \`/institution list\`.`,
  nothingMissing: (id?: number) =>
    `✅ Par ${id === undefined ? "šo termiņu" : `ziņošanas termiņu #${id}`} viss ir iesniegts. Paldies!`,
  /** After as many task numbers as fit a line: how many more it owes ("5, 14 … un vēl 40"). */
  moreNumbers: (n: number) => `… un vēl ${n}`,
  /** After as many institutions as fit a line of who has not answered: how many more. */
  moreInstitutions: (n: number) => `… un vēl ${n} ${lvPlural(n, "institūcija", "institūcijas")}`,
  /** After as many lines about cut-offs as fit the Home: how many were left out. */
  moreLines: (n: number) => `… un vēl ${n}.`,
  yourTasks: (n: number) => `*Jūsu uzdevumi (${n})*`,
  more: (n: number) => `… un vēl ${n}. Visus redz ar \`/task &lt;kods&gt;\`.`,
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
  missing: (numbers, id, link) =>
    `*We still need your reply${id === undefined ? "" : ` for #${id}`} on:* ${numbers}${link === undefined ? "" : ` – reply in the reminder thread (<${link}|open>).`}`,
  missingLate: (numbers, id, date, link) =>
    `⌛ *We still need your reply for #${id} (passed ${date}) on:* ${numbers} – it is late now, but still welcome: reply in #${id}'s reminder thread${link === undefined ? "" : ` (<${link}|open>)`}.`,
  missingLateNoThread: (numbers, id, date) =>
    `⌛ *We still need your reply for #${id} (passed ${date}) on:* ${numbers} – it is late now, but still welcome.`,
  undelivered: (id, code, reason, fix) =>
    `⚠️ The reminder for #${id} could not be posted in ${code}'s channel (${reason}), so there is no thread: reply with the "Submit update" button below. The secretary has been told; ${fix}.`,
  channelFix: (code, byMember, secretary = false) => {
    const set = `\`/institution set ${code} #channel\``;
    const yours = `you can set the channel with ${set}`;
    if (byMember)
      return `a member of the channel can fix it with \`/invite @Koordinators\` in it, or ${secretary ? yours : `the secretary with ${set}`}`;
    return secretary ? yours : `the secretary sets the channel with ${set} (ask the secretary)`;
  },
  noThread: (id) =>
    `💬 There is no reminder thread for #${id} yet: reply here with the "Submit update" button below.`,
  noThreadUnreachable: (id, code, reason, fix) =>
    `💬 There is no reminder thread for #${id} yet, and it cannot be posted in ${code}'s channel (${reason}): reply here with the "Submit update" button below. ${capitalised(fix)}.`,
  undeliveredChannelSet: (id, code) =>
    `⚠️ The reminder for #${id} could not be posted because ${code} had no channel set then; one is set now, but there is no thread yet: reply with the "Submit update" button below.`,
  undeliveredChannelFixed: (id, code, reason) =>
    `⚠️ The reminder for #${id} could not be posted in ${code}'s channel (then: ${reason}); the channel has been fixed or changed since, but there is no thread yet: reply with the "Submit update" button below.`,
  thenNow: (then, now) => `then: ${then}; now: ${now}`,
  undeliveredNoChannel: "no channel is set",
  undeliveredOther: (code) => (code === "" ? "a Slack error" : `Slack: ${code}`),
  submitButton: (number, id) => `Submit update: ${number} (#${id})`,
  institutionsLeftOut: (n) =>
    `… and ${n} more ${n === 1 ? "institution" : "institutions"} that did not fit here: \`/task &lt;code&gt;\` shows their tasks and missing replies, \`/institution list\` every institution.`,
  nothingMissing: (id) =>
    `✅ Everything for ${id === undefined ? "this cut-off" : `reporting cut-off #${id}`} is in. Thank you!`,
  moreNumbers: (n) => `… and ${n} more`,
  moreInstitutions: (n) => `… and ${n} more ${n === 1 ? "institution" : "institutions"}`,
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
