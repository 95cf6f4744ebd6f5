import type { TaskStatus } from "../domain/types.ts";
import { defineCatalog, lvPlural } from "./define.ts";
import type { StatusClaim } from "./reply.ts";

/**
 * The exported documents' words: the annex table and the calendar. Latvian follows the
 * report's annex ("VI. PIELIKUMS: PROGRAMMAS UZDEVUMU IZPILDES GAITA"): its column headings
 * are printed there word for word.
 */
const lv = {
  heading: "PROGRAMMAS UZDEVUMU IZPILDES GAITA",
  columns: {
    printed: "Nr. p.k.",
    title: "Uzdevumi programmas rezultātu sasniegšanai",
    deadline: "Uzdevumu izpildes laiks",
    progress: "Uzdevumu izpildes gaita",
    institutions: "Par uzdevumu izpildi atbildīgā institūcija un līdzatbildīgās institūcijas",
    indicator: "Rezultatīvie rādītāji",
    number: "Uzdevuma numurs",
    section: "Rīcības virziens",
    status: "Statuss",
  },
  sheetName: "Izpildes gaita",
  /** XLSX: the sheet with cells too long for Excel, whole, and its headings. */
  fullTextSheet: "Pilns teksts",
  fullTextColumn: "Kolonna",
  fullTextPiece: "Daļa",
  fullTextText: "Teksts",
  /** The mark that ends a cut XLSX cell; `row` is its first row on the full-text sheet. */
  continued: (row: number) =>
    `… [TEKSTS SAĪSINĀTS: pilns teksts lapā „Pilns teksts”, ${row}. rindā]`,
  fileName: (programme: string, cutoffId: number | null, ext: string) =>
    `pielikums-${programme}${cutoffId === null ? "" : `-termins-${cutoffId}`}.${ext}`,
  /** Luxon format of a day ("12.01.2027."). */
  dateFormat: "dd.MM.yyyy.",
  cutoffLine: (id: number, title: string, date: string) =>
    `Ziņošanas termiņš #${id}: ${title} (${date}). Izpildes gaita – pēc institūciju atbildēm.`,
  /**
   * The DOCX's line under its heading for a removed cut-off (`/cutoff remove`), `day` the day it
   * was removed ("30.11.2026.", `dateFormat`).
   */
  cutoffRemovedLine: (id: number, day: string) =>
    `Ziņošanas termiņš #${id} ir noņemts ${day}; pielikumā ir tam saglabātās atbildes.`,
  importedLine: "Izpildes gaita – kā importēta no ziņojuma.",
  unverifiedIncluded: "Iekļautas arī nepārbaudītas atbildes.",
  noReply: "ATBILDE NAV SAŅEMTA",
  unverifiedLeftOut: (n: number) =>
    lvPlural(
      n,
      `(ir ${n} nepārbaudīta atbilde, kas nav iekļauta)`,
      `(ir ${n} nepārbaudītas atbildes, kas nav iekļautas)`,
    ),
  unverified: "(nepārbaudīta)",
  /** After a reply received later than the cut-off's time, as `/task` and the digest mark it. */
  late: "(pēc ziņošanas termiņa)",
  /** Instead of `late`: the institution had answered the task in time (a supplement). */
  supplemented: "(papildināts pēc ziņošanas termiņa)",
  alsoNames: (numbers: string[]) =>
    numbers.length === 1
      ? `[atbildē minēts arī uzdevums ${numbers[0]}; tas šo atbildi nesaņēma]`
      : `[atbildē minēti arī uzdevumi ${numbers.join(", ")}; tie šo atbildi nesaņēma]`,
  claim: (label: string) => `statuss: ${label}`,
  claimSource: (code: string, date: string) => `pēc ${code} ziņām, ${date}`,
  /**
   * The indicator's opening clause per status, in Latvian in both catalogues: the indicator is
   * report text, and the importer's `statusOf` reads each back as that status.
   */
  statusPhrase: {
    done: "Uzdevums izpildīts",
    partial: "Uzdevums izpildīts daļēji",
    not_done: "Uzdevums nav izpildīts",
    ongoing: "Uzdevums tiek pildīts pastāvīgi",
  } satisfies Record<TaskStatus, string>,
  claimLabel: {
    done: "izpildīts",
    partial: "izpildīts daļēji",
    in_progress: "tiek pildīts",
    not_started: "nav uzsākts",
    no_change: "bez izmaiņām",
  } satisfies Record<StatusClaim, string>,
  calendar: {
    name: (programme: string) => `Koordinators: programma ${programme}`,
    cutoff: (title: string) => `Ziņošanas termiņš: ${title}`,
    reminder: (codes: string, cutoff: string) => `Atgādinājums (${codes}): ${cutoff}`,
    deadline: (number: string, title: string) => `Uzdevuma ${number} termiņš: ${title}`,
    session: (title: string) => `Darba grupas sēde: ${title}`,
    institutions: (codes: string) => `Institūcijas: ${codes}`,
  },
};

const en: typeof lv = {
  heading: "PROGRESS OF THE PROGRAMME'S TASKS",
  columns: {
    printed: "No.",
    title: "Tasks for achieving the programme's results",
    deadline: "Deadline",
    progress: "Progress",
    institutions: "Responsible and co-responsible institutions",
    indicator: "Result indicators",
    number: "Task number",
    section: "Section",
    status: "Status",
  },
  sheetName: "Progress",
  fullTextSheet: "Full text",
  fullTextColumn: "Column",
  fullTextPiece: "Piece",
  fullTextText: "Text",
  continued: (row) => `… [TEXT SHORTENED: full text on sheet “Full text”, row ${row}]`,
  fileName: (programme, cutoffId, ext) =>
    `annex-${programme}${cutoffId === null ? "" : `-cutoff-${cutoffId}`}.${ext}`,
  dateFormat: "d MMM yyyy",
  cutoffLine: (id, title, date) =>
    `Reporting cut-off #${id}: ${title} (${date}). Progress from the institutions' replies.`,
  cutoffRemovedLine: (id, day) =>
    `Reporting cut-off #${id} was removed on ${day}; the annex holds the replies kept for it.`,
  importedLine: "Progress as imported from the report.",
  unverifiedIncluded: "Unverified replies are included.",
  noReply: "NO REPLY RECEIVED",
  unverifiedLeftOut: (n) =>
    n === 1 ? "(1 unverified reply left out)" : `(${n} unverified replies left out)`,
  unverified: "(unverified)",
  late: "(after the reporting cut-off)",
  supplemented: "(supplemented after the reporting cut-off)",
  alsoNames: (numbers) =>
    numbers.length === 1
      ? `[the reply also names task ${numbers[0]}, which did not get it]`
      : `[the reply also names tasks ${numbers.join(", ")}, which did not get it]`,
  claim: (label) => `status: ${label}`,
  claimSource: (code, date) => `as reported by ${code}, ${date}`,
  statusPhrase: {
    done: "Uzdevums izpildīts",
    partial: "Uzdevums izpildīts daļēji",
    not_done: "Uzdevums nav izpildīts",
    ongoing: "Uzdevums tiek pildīts pastāvīgi",
  },
  claimLabel: {
    done: "done",
    partial: "partly done",
    in_progress: "in progress",
    not_started: "not started",
    no_change: "no change",
  },
  calendar: {
    name: (programme) => `Koordinators: programme ${programme}`,
    cutoff: (title) => `Reporting cut-off: ${title}`,
    reminder: (codes, cutoff) => `Reminder (${codes}): ${cutoff}`,
    deadline: (number, title) => `Task ${number} deadline: ${title}`,
    session: (title) => `Working-group session: ${title}`,
    institutions: (codes) => `Institutions: ${codes}`,
  },
};

/** The exported documents' words in `locale`. */
export const exportText = defineCatalog<typeof lv>({ lv, en });

/** The document words' shape. */
export type ExportText = typeof lv;
