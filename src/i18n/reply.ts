import { defineCatalog } from "./define.ts";
import { type ThreadLink, threadLinks } from "./thread-links.ts";

export type { ThreadLink } from "./thread-links.ts";

/** The digest thread's note's first sentence: replies are not collected there. */
const NOT_COLLECTED_LV =
  "Kopsavilkuma pavedienā atbildes netiek apkopotas, tāpēc jūsu ziņa nav saglabāta kā atbilde.";
const NOT_COLLECTED_EN =
  "Replies are not collected in the digest's thread, so your message was not saved as a reply.";

/** No reminder thread for cut-off `id` yet for institutions `codes`: the Home's button instead. */
const noThreadYetLv = (id: number, codes: readonly string[]) =>
  `Atgādinājuma pavediena uz #${id} vēl nav (${codes.join(", ")}): atbildiet lietotnes sākumlapā (Home) ar pogu „Iesniegt atjauninājumu”.`;
const noThreadYetEn = (id: number, codes: readonly string[]) =>
  `There is no reminder thread for #${id} yet (${codes.join(", ")}): reply with the "Submit update" button on the app's Home tab.`;
const allInLv = (id: number, codes: readonly string[], task: string) =>
  `Visas atbildes, ko #${id} prasa no ${codes.join(", ")}, jau ir saņemtas (tās redz ar \`/task ${task}\`), tāpēc sākumlapā (Home) pogas „Iesniegt atjauninājumu” vairs nav; ja kādu atbildi vajag mainīt, sazinieties ar sekretāru.`;
const allInEn = (id: number, codes: readonly string[], task: string) =>
  `Every answer #${id} asks of ${codes.join(", ")} is already in (see \`/task ${task}\`), so the Home has no "Submit update" button for it any more; to change an answer, ask the secretary.`;

/** What an institution may say about a task in the "Submit update" modal (stored as `status_claim`). */
export type StatusClaim = "done" | "partial" | "in_progress" | "not_started" | "no_change";

/** Every status claim, in the order the modal offers them. */
export const STATUS_CLAIMS: readonly StatusClaim[] = [
  "done",
  "partial",
  "in_progress",
  "not_started",
  "no_change",
];

const lv = {
  statusClaim: {
    done: "Izpildīts",
    partial: "Izpildīts daļēji",
    in_progress: "Tiek pildīts",
    not_started: "Nav uzsākts",
    no_change: "Bez izmaiņām",
  } satisfies Record<StatusClaim, string>,
  unverified: (code: string, contacts: string) =>
    `Jūsu atbilde ir saglabāta, bet atzīmēta kā *nepārbaudīta*: jūs neesat starp institūcijas *${code}* kontaktpersonām. ${contacts} Sekretariāts var jūs pievienot ar \`/institution set ${code} #kanāls @…\`, kurā jānosauc visas kontaktpersonas, arī esošās.`,
  contactsAre: (mentions: string) => `Tās kontaktpersonas: ${mentions}.`,
  noContacts: "Tai vēl nav norādītu kontaktpersonu.",
  notInReminder: (numbers: readonly string[]) =>
    numbers.length === 1
      ? `Uzdevuma *${numbers[0]}* šajā atgādinājumā nav.`
      : `Uzdevumu ${tasks(numbers, LV_LIST)} šajā atgādinājumā nav.`,
  /**
   * Numbers named in one cut-off's thread that another live cut-off (`cutoffId`) asks this
   * institution about: where to answer them, linked (`link`: that reminder thread's root); one
   * sentence per cut-off, singular for one number, the list capped ("… (vēl 20)").
   */
  askedElsewhere: (numbers: readonly string[], cutoffId: number, link: string) =>
    numbers.length === 1
      ? `Uzdevums *${numbers[0]}* tiek prasīts termiņa #${cutoffId} atgādinājumā — lūdzu, atbildiet tur: <${link}|atvērt>.`
      : `Uzdevumi ${tasks(numbers, LV_LIST)} tiek prasīti termiņa #${cutoffId} atgādinājumā — lūdzu, atbildiet tur: <${link}|atvērt>.`,
  /**
   * A number a reply names that is a heading (no status of its own) whose sub-tasks `subTasks`
   * this reminder asks about ("13: …" where 13.3 is asked): which to name instead, and — when
   * `choose`, the assign buttons follow — that one may be chosen below.
   */
  headingInReminder: (heading: string, subTasks: readonly string[], choose: boolean) =>
    subTasks.length === 1
      ? `*${heading}* ir virsraksts, nevis uzdevums; šajā atgādinājumā ir tā apakšuzdevums *${subTasks[0]}* — sāciet atbildi ar „${subTasks[0]}: …”${choose ? " vai izvēlieties to zemāk" : ""}.`
      : `*${heading}* ir virsraksts, nevis uzdevums; šajā atgādinājumā ir tā apakšuzdevumi ${tasks(subTasks, LV_LIST)} — sāciet atbildi ar viena no tiem numuru (piem., „${subTasks[0] ?? ""}: …”)${choose ? " vai izvēlieties to zemāk" : ""}.`,
  /** Numbers a reply names that are no task of the programme at all ("14: …\n150: …"). */
  notInProgramme: (numbers: readonly string[]) =>
    numbers.length === 1
      ? `Uzdevuma *${numbers[0]}* programmā nav.`
      : `Uzdevumu ${tasks(numbers, LV_LIST)} programmā nav.`,
  assignQuestion: "Pie kura uzdevuma pievienot šo atbildi?",
  /** Before the assign question when the reply named only tasks not in the reminder. */
  savedUnattached: "Atbilde ir saglabāta, bet vēl nav pievienota nevienam uzdevumam.",
  /** After "attached to 14; task 2 is not in this reminder" for a reply naming several tasks. */
  onePerTask: "Par katru uzdevumu, lūdzu, rakstiet atsevišķu atbildi.",
  yourReply: (excerpt: string) => `Jūsu atbilde: ${excerpt}`,
  assignedTo: (number: string) => `✅ Atbilde pievienota uzdevumam *${number}*.`,
  assignForbidden: "Atbildi pie uzdevuma var pievienot tikai tās autors vai sekretārs.",
  replyGone: "Šī atbilde vairs nav atrodama vai ir dzēsta.",
  taskNotInScope: (number: string) =>
    `Uzdevums *${number}* nav šīs institūcijas uzdevumu sarakstā šim ziņošanas termiņam.`,
  staleReminder:
    "Šis atgādinājums vairs nav aktuāls: ziņošanas termiņš ir noņemts vai uzdevums vairs nav sarakstā.",
  modalTitle: (number: string) => `Uzdevums ${number}`,
  modalSubmit: "Iesniegt",
  modalClose: "Atcelt",
  modalIntro: (code: string, number: string, title: string, cutoff: string) =>
    `*${code}* · uzdevums *${number}*: ${title}\nZiņošanas termiņš: ${cutoff}`,
  statusLabel: "Statuss",
  textLabel: "Izpildes gaita",
  textHint: "Kas paveikts kopš iepriekšējās atbildes? Var atstāt tukšu, ja izvēlēts statuss.",
  errorTextOrStatus: "Uzrakstiet, kas paveikts, vai izvēlieties statusu.",
  errorTooLong: (max: number) => `Teksts ir par garu (ne vairāk kā ${max} rakstzīmes).`,
  confirmation: (user: string, number: string, status: string | null, excerpt: string) =>
    `📝 <@${user}> iesniedza atjauninājumu par uzdevumu *${number}*${status ? ` – ${status}` : ""}.${excerpt ? `\n> ${excerpt}` : ""}`,
  confirmationFallback: (number: string) => `Atjauninājums par uzdevumu ${number}`,
  unverifiedMark: "_(nepārbaudīts: iesniedzējs nav institūcijas kontaktpersona)_",
  updateSaved: (number: string) => `✅ Jūsu atjauninājums par uzdevumu ${number} ir saglabāts.`,
  severalTasksFiled: (filed: string, others: readonly string[]) =>
    `Jūsu atbildē minēti vairāki uzdevumi, bet tā saglabāta tikai pie uzdevuma *${filed}*: ${others.length === 1 ? "uzdevums" : "uzdevumi"} ${tasks(others, LV_LIST)} to nesaņēma. Lūdzu, par katru uzdevumu sūtiet atsevišķu atbildi, kas sākas ar tā numuru (piem., „${others[0] ?? ""}: …”).`,
  severalTasksUnassigned: (named: readonly string[]) =>
    `Jūsu atbildē minēti vairāki uzdevumi (${tasks(named, LV_LIST)}), tāpēc tā saglabāta bez uzdevuma, un neviens no tiem to nesaņēma. Lūdzu, par katru uzdevumu sūtiet atsevišķu atbildi, kas sākas ar tā numuru (piem., „${named[0] ?? ""}: …”), vai pievienojiet šo vienam no tiem.`,
  filedWithoutNumber: (number: string) =>
    `Jūsu atbildē nav uzdevuma numura, tāpēc tā saglabāta pie uzdevuma *${number}*.`,
  /**
   * Instead of {@link filedWithoutNumber} when the reply starts with a number but no colon
   * ("13.3 apmācības": `typed` as written, `number` as read), filed under `filed` as a reply
   * naming no task is (the one open task, or the institution's only one).
   */
  bareNumberFiled: (typed: string, number: string, filed: string) =>
    `Atbilde sākas ar „${typed}”, bet bez kola, tāpēc tas netiek lasīts kā uzdevuma numurs; atbilde saglabāta pie uzdevuma *${filed}*. ${
      number === filed
        ? `Nākamreiz sāciet atbildi ar „${number}: …”.`
        : `Ja tā ir atbilde par uzdevumu ${number}, sāciet ar „${number}: …”.`
    }`,
  /**
   * The assign prompt's lead for a reply starting with a number but no colon, left without a task
   * (README "Replies"): `why` "answered": every task of the institution here already has an
   * answer, so a reply naming none is not guessed; "numbered": the institution has answered in
   * this thread by number before; "several": several tasks are still open. `choose`: `number` is
   * one of the buttons below.
   */
  bareNumberUnassigned: (
    typed: string,
    number: string,
    why: "answered" | "numbered" | "several",
    choose: boolean,
  ) =>
    `Atbilde sākas ar „${typed}”, bet bez kola, tāpēc tas netiek lasīts kā uzdevuma numurs${
      why === "answered"
        ? ", un, tā kā visiem institūcijas uzdevumiem šajā atgādinājumā jau ir atbilde, tā"
        : why === "numbered"
          ? ", un, tā kā institūcija šajā pavedienā jau atbildējusi ar uzdevumu numuriem, tā"
          : "; atbilde"
    } ir saglabāta, bet nav pievienota nevienam uzdevumam. Ja tā ir atbilde par uzdevumu ${number}, sāciet ar „${number}: …”${choose ? " vai izvēlieties to zemāk" : ""}.`,
  /**
   * The assign prompt's lead for a reply starting, without a colon, with the number of a task of
   * the programme this thread does not ask ("14 apmācības" in a reminder for 5): kept, not
   * guessed to be the thread's one task (README "Replies"). `example`: a task of this thread
   * (its open one, else its first), whose button is below.
   */
  bareNumberNotAsked: (typed: string, number: string, example: string) =>
    `Atbilde sākas ar „${typed}” (bez kola), bet uzdevums ${number} šajā pavedienā netiek prasīts, tāpēc atbilde ir saglabāta, bet nav pievienota nevienam uzdevumam. Ja tā ir atbilde par šī pavediena uzdevumu, sāciet ar tā numuru (piem., „${example}: …”) vai izvēlieties to zemāk; ja par uzdevumu ${number}, atbildiet pavedienā, kurā to prasa, vai lietotnes sākumlapā (Home) ar pogu „Iesniegt atjauninājumu”.`,
  /** After "no task 5.0 in the programme" when task `meant` (5) is: the number without ".0". */
  didYouMean: (asked: string, meant: string) =>
    `Varbūt ar *${asked}* domāts uzdevums *${meant}* („${meant}: …”)?`,
  changeTaskHint: (example: string) =>
    `Ja tā ir par citu uzdevumu, izvēlieties to zemāk vai labojiet ziņu, lai tā sāktos ar uzdevuma numuru (piem., „${example}: …”).`,
  onlyTaskHint:
    "Tas ir vienīgais institūcijas uzdevums šajā atgādinājumā. Ja atbilde nav par to, izdzēsiet ziņu: tā tiks atsaukta.",
  editReattributed: (number: string, previous: string | null) =>
    previous === null
      ? `Jūsu labotā atbilde pievienota uzdevumam *${number}*.`
      : `Jūsu labotā atbilde tagad pievienota uzdevumam *${number}* (līdz šim: *${previous}*).`,
  editKept: (number: string | null) =>
    number === null
      ? "Jūsu labotā atbilde joprojām nav pievienota nevienam uzdevumam."
      : `Jūsu labotā atbilde joprojām ir pievienota uzdevumam *${number}*.`,
  /**
   * An edit now naming only a task this reminder does not ask took the reply off task `previous`
   * (src/replies/edits.ts): kept, under no task.
   */
  editUnfiled: (previous: string) =>
    `Jūsu labotā atbilde vairs nav pievienota uzdevumam *${previous}*: tā ir saglabāta, bet nav pievienota nevienam uzdevumam.`,
  noNumberUnassigned:
    "Jūsu ziņā nav uzdevuma numura, tāpēc tā saglabāta, bet nav pievienota nevienam uzdevumam. Ja tā nav atbilde par kādu uzdevumu, nekas nav jādara.",
  /**
   * To a person writing in a digest's thread (an ephemeral there, or a direct message: so it names
   * "the digest's thread", never "this thread"): where replies go. `threads`: their institutions'
   * reminder threads for the current cut-off (code, link), linked after "pavedienā"; none: as
   * before, unlinked.
   */
  notReminderThread: (example: string, threads: readonly ThreadLink[] = []) =>
    `${NOT_COLLECTED_LV} Atbildiet savas institūcijas atgādinājuma pavedienā${threadLinks(threads, "atvērt")}, sākot ar uzdevuma numuru (piem., „${example}: …”), vai spiediet tur pogu „Iesniegt atjauninājumu”.`,
  /**
   * As {@link notReminderThread}, for a contact whose institutions (`codes`, "LM") the current
   * cut-off `id` asks something but have no reminder thread for it yet: the reply goes through
   * the "Submit update" button on the app's Home tab (render-home.ts offers one per task still
   * missing), there being no thread to answer in.
   */
  notReminderThreadYet: (id: number, codes: readonly string[]) =>
    `${NOT_COLLECTED_LV} ${noThreadYetLv(id, codes)}`,
  /** {@link notReminderThreadYet}'s second sentence alone, after a note that links other threads. */
  noReminderThreadYet: (id: number, codes: readonly string[]) => noThreadYetLv(id, codes),
  /**
   * As {@link notReminderThreadYet}, when those institutions (`codes`) have already answered
   * every task cut-off `id` asks them: the Home has no "Submit update" button for it then; the
   * answers are seen with `/task <task>`, and no button or command lets a contact change one.
   */
  notReminderThreadAllIn: (id: number, codes: readonly string[], task: string) =>
    `${NOT_COLLECTED_LV} ${allInLv(id, codes, task)}`,
  /** {@link notReminderThreadAllIn}'s second sentence alone, after another sentence of the note. */
  allInNoThread: (id: number, codes: readonly string[], task: string) => allInLv(id, codes, task),
  numberOnly: (number: string) =>
    `Jūsu ziņā ir tikai uzdevuma numurs, tāpēc tā nav saglabāta kā atbilde. Lūdzu, uzrakstiet numuru un atbildi vienā ziņā, piem., „${number}: …teksts…”.`,
  /** An edit of a stored reply down to only a task number: refused, the reply keeps its text. */
  numberOnlyEdit: (number: string) =>
    `Jūsu labotajā ziņā ir tikai uzdevuma numurs, tāpēc atbildei saglabāts tās iepriekšējais teksts. Lūdzu, uzrakstiet numuru un atbildi vienā ziņā, piem., „${number}: …teksts…”.`,
  /**
   * A reply filed under task `number`, received after its live cut-off's time (`at`: the
   * cut-off's instant as `formatInstant` says it), the task not answered in time before it
   * (`lateMark` "late", src/domain/late-reply.ts): kept, and marked late where replies are
   * listed (`/task`, digest, annex), as the author is told.
   */
  lateKept: (id: number, at: string, number: string) =>
    `Jūsu atbilde pie uzdevuma *${number}* ir saglabāta, taču ziņošanas termiņš #${id} (${at}) jau bija pagājis: \`/task\`, kopsavilkumā un pielikumā tā būs atzīmēta „pēc ziņošanas termiņa”.`,
  /**
   * As {@link lv.lateKept} when the institution had answered task `number` in time (`lateMark`
   * "supplemented"): a supplement, not late; the in-time answer stands. Names the same places
   * as `lateKept` (`/task`, digest, annex; the mark shows in the reminder thread, the Home,
   * `replies` and `/task N` history too), the digest counting the task answered in time.
   */
  supplementKept: (id: number, at: string, number: string) =>
    `Jūsu atbilde pie uzdevuma *${number}* ir saglabāta kā papildinājums pēc ziņošanas termiņa #${id} (${at}): uz šo uzdevumu jau bija atbildēts laikā, un laikā sniegtā atbilde paliek spēkā. \`/task\`, kopsavilkumā un pielikumā tā būs atzīmēta „papildināts pēc ziņošanas termiņa”, un uzdevums skaitās atbildēts laikā.`,
  /** A new reply in a removed cut-off's thread; `day`: when it was removed ("30.11.2026."), null if unknown. */
  cutoffRemovedKept: (number: string | null, day: string | null) =>
    `Šī atgādinājuma ziņošanas termiņš ir noņemts${lvDay(day)}, bet jūsu atbilde ir saglabāta${number === null ? "" : ` pie uzdevuma *${number}*`}.`,
  /**
   * An edit stored in a removed cut-off's thread: the reply keeps task `number` (null: none), or
   * moved to it from `previous` when `moved`. Worded as the acknowledgements are ("saglabāta
   * pie uzdevuma N": "ir pie uzdevuma N"; en "filed under task N").
   */
  cutoffRemovedEdit: (
    day: string | null,
    number: string | null,
    moved?: { previous: string | null },
  ) =>
    `Šī atgādinājuma ziņošanas termiņš ir noņemts${lvDay(day)}, bet jūsu labojums ir saglabāts: ${
      moved
        ? `atbilde tagad ir pie uzdevuma *${number}*${moved.previous === null ? "" : ` (līdz šim: *${moved.previous}*)`}.`
        : number === null
          ? "atbilde joprojām nav pie neviena uzdevuma."
          : `atbilde joprojām ir pie uzdevuma *${number}*.`
    }`,
  /** Before `numberOnlyEdit` in a removed cut-off's thread (the edit is not stored). */
  cutoffRemovedOn: (day: string | null) =>
    `Šī atgādinājuma ziņošanas termiņš ir noņemts${day === null ? "." : ` ${day.replace(/\.$/u, "")}.`}`,
};

/** " 30.11.2026." before a comma (the ordinal year keeps its dot); "" when the day is unknown. */
function lvDay(day: string | null): string {
  return day === null ? "" : ` ${day}`;
}

const en: typeof lv = {
  statusClaim: {
    done: "Done",
    partial: "Partly done",
    in_progress: "In progress",
    not_started: "Not started",
    no_change: "No change",
  },
  unverified: (code, contacts) =>
    `Your reply is saved but marked *unverified*: you are not listed as a contact of *${code}*. ${contacts} The secretary can add you with \`/institution set ${code} #channel @…\`, naming every contact, the present ones too.`,
  contactsAre: (mentions) => `Its contacts: ${mentions}.`,
  noContacts: "It has no contacts yet.",
  notInReminder: (numbers) =>
    numbers.length === 1
      ? `Task *${numbers[0]}* is not in this reminder.`
      : `Tasks ${tasks(numbers, EN_LIST)} are not in this reminder.`,
  askedElsewhere: (numbers, cutoffId, link) =>
    numbers.length === 1
      ? `Task *${numbers[0]}* is asked in cut-off #${cutoffId}'s reminder — please answer there: <${link}|open>.`
      : `Tasks ${tasks(numbers, EN_LIST)} are asked in cut-off #${cutoffId}'s reminder — please answer there: <${link}|open>.`,
  headingInReminder: (heading, subTasks, choose) =>
    subTasks.length === 1
      ? `*${heading}* is a heading, not a task; this reminder asks about its sub-task *${subTasks[0]}* — start your reply with "${subTasks[0]}: …"${choose ? " or choose it below" : ""}.`
      : `*${heading}* is a heading, not a task; this reminder asks about its sub-tasks ${tasks(subTasks, EN_LIST)} — start your reply with one of their numbers (e.g. "${subTasks[0] ?? ""}: …")${choose ? " or choose one below" : ""}.`,
  notInProgramme: (numbers) =>
    numbers.length === 1
      ? `There is no task *${numbers[0]}* in the programme.`
      : `There are no tasks ${tasks(numbers, EN_LIST)} in the programme.`,
  assignQuestion: "Which task is this reply about?",
  savedUnattached: "The reply is saved but not yet attached to any task.",
  onePerTask: "Please write a separate reply for each task.",
  yourReply: (excerpt) => `Your reply: ${excerpt}`,
  assignedTo: (number) => `✅ Reply attached to task *${number}*.`,
  assignForbidden: "Only the reply's author or a secretary can attach it to a task.",
  replyGone: "This reply cannot be found any more, or it was deleted.",
  taskNotInScope: (number) =>
    `Task *${number}* is not among this institution's tasks for this reporting cut-off.`,
  staleReminder:
    "This reminder is out of date: the reporting cut-off was removed or the task is no longer listed.",
  modalTitle: (number) => `Task ${number}`,
  modalSubmit: "Submit",
  modalClose: "Cancel",
  modalIntro: (code, number, title, cutoff) =>
    `*${code}* · task *${number}*: ${title}\nReporting cut-off: ${cutoff}`,
  statusLabel: "Status",
  textLabel: "Progress",
  textHint: "What has been done since the last reply? May be left empty when a status is chosen.",
  errorTextOrStatus: "Write what has been done, or choose a status.",
  errorTooLong: (max) => `The text is too long (at most ${max} characters).`,
  confirmation: (user, number, status, excerpt) =>
    `📝 <@${user}> submitted an update on task *${number}*${status ? ` – ${status}` : ""}.${excerpt ? `\n> ${excerpt}` : ""}`,
  confirmationFallback: (number) => `Update on task ${number}`,
  unverifiedMark: "_(unverified: the sender is not a contact of the institution)_",
  updateSaved: (number) => `✅ Your update on task ${number} is saved.`,
  severalTasksFiled: (filed, others) =>
    `Your reply names several tasks but was filed under task *${filed}* only: ${others.length === 1 ? "task" : "tasks"} ${tasks(others, EN_LIST)} did not get it. Please send one reply per task, starting with its number (e.g. "${others[0] ?? ""}: …").`,
  severalTasksUnassigned: (named) =>
    `Your reply names several tasks (${tasks(named, EN_LIST)}), so it was saved without a task and none of them got it. Please send one reply per task, starting with its number (e.g. "${named[0] ?? ""}: …"), or attach this one to one of them.`,
  filedWithoutNumber: (number) =>
    `Your reply names no task number, so it was filed under task *${number}*.`,
  bareNumberFiled: (typed, number, filed) =>
    `Your reply starts with "${typed}" but no colon, so that is not read as a task number; the reply was filed under task *${filed}*. ${
      number === filed
        ? `Next time start the reply with "${number}: …".`
        : `If it is an answer about task ${number}, start it with "${number}: …".`
    }`,
  bareNumberUnassigned: (typed, number, why, choose) =>
    `Your reply starts with "${typed}" but no colon, so that is not read as a task number${
      why === "answered"
        ? ", and as every task of the institution in this reminder already has an answer, it"
        : why === "numbered"
          ? ", and as the institution has already answered in this thread by task number, it"
          : "; the reply"
    } is saved but not attached to any task. If it is an answer about task ${number}, start it with "${number}: …"${choose ? " or choose it below" : ""}.`,
  bareNumberNotAsked: (typed, number, example) =>
    `Your reply starts with "${typed}" (no colon), but this thread does not ask about task ${number}, so the reply is saved but not attached to any task. If it is an answer about this thread's task, start it with its number (e.g. "${example}: …") or choose it below; if it is about task ${number}, answer in the thread that asks it or with the "Submit update" button on the app's Home tab.`,
  didYouMean: (asked, meant) => `Did you mean task *${meant}* ("${meant}: …") by *${asked}*?`,
  changeTaskHint: (example) =>
    `If it is about another task, choose it below or edit your message to start with that task's number (e.g. "${example}: …").`,
  onlyTaskHint:
    "It is the institution's only task in this reminder. If the reply is not about it, delete your message: the reply is then withdrawn.",
  editReattributed: (number, previous) =>
    previous === null
      ? `Your edited reply is now attached to task *${number}*.`
      : `Your edited reply now belongs to task *${number}* (was: *${previous}*).`,
  editKept: (number) =>
    number === null
      ? "Your edited reply is still not attached to any task."
      : `Your edited reply is still attached to task *${number}*.`,
  editUnfiled: (previous) =>
    `Your edited reply is no longer attached to task *${previous}*: it is kept, but not attached to any task.`,
  noNumberUnassigned:
    "Your message names no task number, so it is kept but not attached to any task. If it is not an answer about a task, nothing needs to be done.",
  notReminderThread: (example, threads = []) =>
    `${NOT_COLLECTED_EN} Answer in your institution's reminder thread${threadLinks(threads, "open")}, starting with the task number (e.g. "${example}: …"), or press its "Submit update" button.`,
  notReminderThreadYet: (id, codes) => `${NOT_COLLECTED_EN} ${noThreadYetEn(id, codes)}`,
  noReminderThreadYet: (id, codes) => noThreadYetEn(id, codes),
  notReminderThreadAllIn: (id, codes, task) => `${NOT_COLLECTED_EN} ${allInEn(id, codes, task)}`,
  allInNoThread: (id, codes, task) => allInEn(id, codes, task),
  numberOnly: (number) =>
    `Your message has only the task number, so it was not saved as a reply. Please write the number and the reply in one message, e.g. "${number}: …text…".`,
  numberOnlyEdit: (number) =>
    `Your edited message has only the task number, so the reply keeps its previous text. Please write the number and the reply in one message, e.g. "${number}: …text…".`,
  lateKept: (id, at, number) =>
    `Your reply to task *${number}* is stored, but reporting cut-off #${id} (${at}) had already passed: \`/task\`, the digest and the annex will mark it “after the reporting cut-off”.`,
  supplementKept: (id, at, number) =>
    `Your reply to task *${number}* is stored as a supplement after reporting cut-off #${id} (${at}): the task had already been answered in time, and that answer stands. \`/task\`, the digest and the annex will mark it “supplemented after the reporting cut-off”, and the task counts as answered in time.`,
  cutoffRemovedKept: (number, day) =>
    `This reminder's reporting cut-off was removed${day === null ? "" : ` on ${day}`}, but your reply is kept${number === null ? "" : ` under task *${number}*`}.`,
  cutoffRemovedEdit: (day, number, moved) =>
    `This reminder's reporting cut-off was removed${day === null ? "" : ` on ${day}`}, but your edit is saved: ${
      moved
        ? `the reply is now filed under task *${number}*${moved.previous === null ? "" : ` (was: *${moved.previous}*)`}.`
        : number === null
          ? "the reply is still not filed under any task."
          : `the reply is still filed under task *${number}*.`
    }`,
  cutoffRemovedOn: (day) =>
    `This reminder's reporting cut-off was removed${day === null ? "" : ` on ${day}`}.`,
};

/** Task numbers in bold as a list: "*2*", "*2* un *5*", "*2*, *5* un *14*". */
/**
 * Task numbers in bold as a list ("*2*, *5* un *99*"); more than {@link TASKS_LISTED} are cut
 * to the first ones and how many more ("*1*, … *10* … (vēl 390)"), so that a pasted list of
 * hundreds of numbers keeps a message within Slack's limits.
 */
function tasks(
  numbers: readonly string[],
  words: { and: string; more: (count: number) => string },
): string {
  const bold = numbers.map((n) => `*${n}*`);
  if (bold.length > TASKS_LISTED)
    return `${bold.slice(0, TASKS_LISTED).join(", ")} … (${words.more(bold.length - TASKS_LISTED)})`;
  const last = bold.pop();
  return bold.length === 0 ? (last ?? "") : `${bold.join(", ")} ${words.and} ${last}`;
}

const LV_LIST = { and: "un", more: (count: number) => `vēl ${count}` };
const EN_LIST = { and: "and", more: (count: number) => `${count} more` };

/** How many task numbers a list names before "… (vēl N)". */
const TASKS_LISTED = 10;

/** Texts of the reply pipeline: acknowledgements, the assign prompt, the update modal. */
export const replyText = defineCatalog<typeof lv>({ lv, en });
