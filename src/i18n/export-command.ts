import { defineCatalog, lvPlural } from "./define.ts";

/**
 * Institutions (`codes`) with no tasks in the programme have no deadlines, and no reporting
 * cut-off or reminder concerns them (a cut-off's scope is tasks): only the working group's
 * sessions (`how`: how the secretary adds one, or "") will be in their calendar.
 */
function lvNoTasks(codes: readonly string[], how: string): string {
  const [who, them] = codes.length === 1 ? ["Institūcijai", "to"] : ["Institūcijām", "tām"];
  return (
    `${who} ${codes.join(", ")} programmā nav uzdevumu, tāpēc ziņošanas termiņi un atgādinājumi ` +
    `uz ${them} neattiecas: kalendārā būs tikai darba grupas sēdes${how}, kad sekretārs tās pievienos.`
  );
}

/** {@link lvNoTasks} in English. */
function enNoTasks(codes: readonly string[], how: string): string {
  const [have, them] = codes.length === 1 ? ["has", "it"] : ["have", "them"];
  return (
    `${codes.join(", ")} ${have} no tasks in the programme, so no reporting cut-off or reminder ` +
    `concerns ${them}: the calendar will hold only the working group's sessions${how} once the ` +
    "secretary adds them."
  );
}

/** Messages of `/export` and `/calendar`. */
const lv = {
  exportUsage: [
    "*Kā lietot* (sekretārs)",
    "• `/export annex` – programmas uzdevumu izpildes gaitas tabula (pielikums), kā importēta",
    "• `/export annex 3` – izpildes gaita no ziņošanas termiņa #3 atbildēm (tikai pārbaudītās)",
    "• `/export annex 3 xlsx --include-unverified` – Excel vai `csv`; ar nepārbaudītajām atbildēm",
    "• `--lang en` – tabulas virsraksti angliski",
    "Fails tiek nosūtīts jums privātā ziņā.",
  ].join("\n"),
  calendarUsage: [
    "*Kā lietot*",
    "• `/calendar` – jūsu institūcijas kalendārs (.ics; ja esat vairāku institūciju kontaktpersona – visu to): ziņošanas termiņi, atgādinājumi, uzdevumu termiņi, sēdes",
    "• `/calendar LM` – citas institūcijas kalendārs; `/calendar all` – visas darba grupas",
    "Fails tiek nosūtīts jums privātā ziņā; to var importēt Outlook vai Google kalendārā.",
  ].join("\n"),
  /** For the secretary-only refusal: "Atvainojiet, <action> var tikai sekretārs". */
  action: "eksportēt pielikumu",
  noProgramme: "Programma vēl nav importēta.",
  /**
   * `/export annex N` when no cut-off ever had the number `id` (a removed cut-off is still
   * exported, see `removedCutoff`).
   */
  noCutoff: (id: number) => `Ziņošanas termiņa ar numuru #${id} nav. Termiņi: \`/cutoff list\`.`,
  notUnderstood: (text: string) => `Nesapratu „${text}”.`,
  /** `formats`: "docx, xlsx, csv". */
  notAFormat: (word: string, formats: string) =>
    `Nesapratu „${word}”: pielikumu var eksportēt šajos formātos: ${formats} (piemēram, \`/export annex 3 xlsx\`).`,
  exportHint: "Palīdzība: `/export help`",
  calendarHint: "Palīdzība: `/calendar help`",
  sent: (file: string) => `📎 Nosūtīju jums privātā ziņā: *${file}*.`,
  annexSummary: (tasks: number, replies: number, missing: number) =>
    `Uzdevumi: ${tasks}; iekļautas atbildes: ${replies}; trūkst atbilžu: ${missing}.`,
  annexComment: (programme: string) => `Programmas ${programme} uzdevumu izpildes gaita.`,
  /**
   * Before the summary when the annex is for a removed cut-off: `day` the day it was removed,
   * "30.11.2026." (`formatInstantDay`).
   */
  removedCutoff: (id: number, day: string) =>
    `Ziņošanas termiņš #${id} ir noņemts ${day}; pielikumā ir tam saglabātās atbildes.`,
  continued: (n: number) =>
    `Uzmanību: ${n} ${lvPlural(n, "šūnas teksts ir garāks", "šūnu teksti ir garāki")} par Excel ` +
    "robežu (32 767 zīmes) – šūnā ir sākums ar atzīmi „TEKSTS SAĪSINĀTS”, pilns teksts ir lapā " +
    "„Pilns teksts”.",
  calendarComment: (who: string) => `Kalendārs: ${who}.`,
  calendarEvents: (n: number) => `Notikumi kalendārā: ${n}.`,
  /** After `calendarEvents` when none of them is ahead (a past programme's deadlines only). */
  calendarNoneUpcoming: "Neviens no tiem nav gaidāms: visi ir pagātnē.",
  /**
   * A calendar with no events at all (`who`: the codes, or `everyone`): why, so an empty file is
   * not a puzzle. Said by `/calendar` instead of sending the file, and by the CLI's `export
   * calendar` after writing it.
   */
  calendarNothing: (who: string) =>
    `Kalendārā (${who}) nav neviena notikuma: nav ne uzdevumu izpildes termiņu, ne ziņošanas termiņu vai atgādinājumu, ne darba grupas sēžu.`,
  /** `/calendar` after `calendarNothing`: no file was sent, and what would fill it. */
  calendarNotSent:
    "Tukšu failu nesūtīju. Kalendārā būs darba grupas sēdes (`/session`) un ziņošanas termiņi (`/cutoff`), kad sekretārs tos pievienos.",
  /**
   * `/calendar` after `calendarNothing` for institutions (`codes`, escaped) with no tasks in
   * the programme, instead of `calendarNotSent`: a cut-off's scope is tasks, so no cut-off or
   * reminder can ever concern them; only sessions will fill their calendar.
   */
  calendarNotSentNoTasks: (codes: string[]) =>
    `Tukšu failu nesūtīju. ${lvNoTasks(codes, " (`/session`)")}`,
  /** The CLI's `export calendar` after `calendarNothing`, as `calendarNotSentNoTasks` says it. */
  calendarNoTasks: (codes: string[]) => lvNoTasks(codes, ""),
  /**
   * `/calendar` of a contact person of several institutions (`codes`, escaped, in the store's
   * order): the file holds them all, and how to ask for one alone.
   */
  calendarSeveral: (codes: string[]) =>
    `Jūs esat ${codes.length} institūciju kontaktpersona, tāpēc kalendārā ir visu to dati: ${codes.join(", ")}. Vienas institūcijas kalendārs: ${codes.map((c) => `\`/calendar ${c}\``).join(" vai ")}.`,
  everyone: "visa darba grupa",
  notContact:
    "Jūs neesat nevienas institūcijas kontaktpersona. Rakstiet `/calendar LM` (institūcijas kods) vai `/calendar all`.",
  /** `codes`: the institutions with tasks in the current programme, "IEM, LM, …". */
  unknownInstitution: (code: string, codes: string) =>
    `Institūcijas „${code}” nav.${codes ? ` Institūcijas ar uzdevumiem: ${codes}.` : ""}`,
  noSlack:
    "Failu šeit nevar nosūtīt (nav Slack savienojuma). Izmantojiet CLI: `koordinators export`.",
  uploadFailed:
    "Failu neizdevās nosūtīt. Mēģiniet vēlreiz pēc brīža; ja neizdodas, sazinieties ar administratoru.",
};

const en: typeof lv = {
  exportUsage: [
    "*How to use* (secretary)",
    "• `/export annex` – the table of the programme's tasks and their progress (the annex), as imported",
    "• `/export annex 3` – progress from the replies to reporting cut-off #3 (verified ones only)",
    "• `/export annex 3 xlsx --include-unverified` – Excel or `csv`; unverified replies included",
    "• `--lang en` – the table's headings in English",
    "The file comes to you as a direct message.",
  ].join("\n"),
  calendarUsage: [
    "*How to use*",
    "• `/calendar` – your institution's calendar (.ics; a contact person of several gets all of theirs): reporting cut-offs, reminders, task deadlines, sessions",
    "• `/calendar LM` – another institution's; `/calendar all` – the whole working group's",
    "The file comes to you as a direct message; import it into Outlook or Google Calendar.",
  ].join("\n"),
  action: "export the annex",
  noProgramme: "No programme has been imported yet.",
  noCutoff: (id) => `There is no reporting cut-off numbered #${id}. Cut-offs: \`/cutoff list\`.`,
  notUnderstood: (text) => `I did not understand “${text}”.`,
  notAFormat: (word, formats) =>
    `I did not understand “${word}”: the annex can be exported as ${formats} (e.g. \`/export annex 3 xlsx\`).`,
  exportHint: "Help: `/export help`",
  calendarHint: "Help: `/calendar help`",
  sent: (file) => `📎 Sent to you as a direct message: *${file}*.`,
  annexSummary: (tasks, replies, missing) =>
    `Tasks: ${tasks}; replies included: ${replies}; replies missing: ${missing}.`,
  annexComment: (programme) => `Progress of programme ${programme}'s tasks.`,
  removedCutoff: (id, day) =>
    `Reporting cut-off #${id} was removed on ${day}; the annex holds the replies kept for it.`,
  continued: (n) =>
    `Note: ${n === 1 ? "1 cell's text is" : `${n} cells' texts are`} longer than Excel's ` +
    "limit (32,767 characters) – the cell holds the beginning, marked “TEXT SHORTENED”, and the " +
    "full text is on the sheet “Full text”.",
  calendarComment: (who) => `Calendar: ${who}.`,
  calendarEvents: (n) => `Events in the calendar: ${n}.`,
  calendarNoneUpcoming: "None of them is upcoming: all are in the past.",
  calendarNothing: (who) =>
    `The calendar (${who}) has no events: no task deadlines, no reporting cut-offs or reminders, no working-group sessions.`,
  calendarNotSent:
    "No empty file was sent. The calendar will hold the working group's sessions (`/session`) and reporting cut-offs (`/cutoff`) once the secretary adds them.",
  calendarNotSentNoTasks: (codes) => `No empty file was sent. ${enNoTasks(codes, " (`/session`)")}`,
  calendarNoTasks: (codes) => enNoTasks(codes, ""),
  calendarSeveral: (codes) =>
    `You are a contact person of ${codes.length} institutions, so the calendar holds all of theirs: ${codes.join(", ")}. For one alone: ${codes.map((c) => `\`/calendar ${c}\``).join(" or ")}.`,
  everyone: "the whole working group",
  notContact:
    "You are not a contact person of any institution. Write `/calendar LM` (an institution's code) or `/calendar all`.",
  unknownInstitution: (code, codes) =>
    `There is no institution “${code}”.${codes ? ` Institutions with tasks: ${codes}.` : ""}`,
  noSlack:
    "The file cannot be sent here (no Slack connection). Use the CLI: `koordinators export`.",
  uploadFailed:
    "The file could not be sent. Try again in a moment; if it still fails, tell the administrator.",
};

/** `/export` and `/calendar` messages in `locale`. */
export const exportCommandText = defineCatalog<typeof lv>({ lv, en });
