import type { SheetReadProblem } from "../export/sheet-read.ts";
import type { SheetProblem } from "../export/sheet-validate.ts";
import type { SheetColumn } from "../export/table.ts";
import { defineCatalog, lvPlural } from "./define.ts";
import { exportText } from "./export.ts";

/** A column's heading as the export writes it in `locale` (the names an import reads). */
const heading = (locale: "lv" | "en", column: string) =>
  exportText(locale).columns[column as SheetColumn] ?? column;

/** Messages of `import --format xlsx|csv` (the CLI). */
const lv = {
  /** `column` is the column's key ("deadline"); the message names its Latvian heading. */
  where: (line: number | null, column: SheetColumn, letter: string | null) =>
    line === null
      ? `kolonna „${heading("lv", column)}”`
      : `${line}. rinda, kolonna „${heading("lv", column)}” (${letter})`,
  problems: {
    /** `v` is the missing column's key. */
    missing_column: (v: string) =>
      `tādas kolonnas failā nav (virsraksts „${heading("lv", v)}”, angliski „${heading("en", v)}” vai „${v}”)`,
    bad_number: (v: string) => `„${v}” nav uzdevuma numurs (piemēram, 14 vai 10.1.2)`,
    duplicate_number: (v: string) => `uzdevums ${v} jau ir augstāk`,
    no_parent: (v: string) => `uzdevumam ${v} augstāk nav virsuzdevuma`,
    bad_section: (v: string) =>
      `„${v}” nav rīcības virziens (I–V, var ar nosaukumu: „I Datu apkopošana”)`,
    no_title: () => "nav uzdevuma nosaukuma",
    bad_deadline: (v: string) => `„${v}” nav termiņš (datums, „2027.gads”, „regulāri”, „ikgadēji”)`,
    no_deadline: () => "nav termiņa (tas nav tikai virsraksts ar apakšuzdevumiem)",
    unknown_institution: (v: string) =>
      `institūcijas „${v}” nav (kodi: \`koordinators task help\`)`,
    no_institution: () => "nav atbildīgās institūcijas",
    bad_status: (v: string) => `„${v}” nav statuss (done, partial, ongoing, not_done vai tukšs)`,
  } satisfies Record<SheetProblem, (value: string) => string>,
  failed: (n: number) =>
    `Imports neizdevās, nekas nav ierakstīts (${n} ${lvPlural(n, "kļūda", "kļūdas")}):`,
  noProgramme: "Programmas nav: norādiet --programme <kods> un --title <nosaukums>.",
  titleNeeded: (code: string) => `Programmas ${code} vēl nav: norādiet arī --title <nosaukums>.`,
  summary: (p: string, created: number, updated: number, unchanged: number, audited: number) =>
    `Programma ${p}: izveidoti ${created}, mainīti ${updated}, bez izmaiņām ${unchanged} ${lvPlural(unchanged, "uzdevums", "uzdevumi")}; ${audited} ${lvPlural(audited, "ieraksts", "ieraksti")} vēsturē.`,
  dryRun: "Izmēģinājums: nekas nav ierakstīts. Tiktu mainīts:",
  nothing: "nekas",
  kept: (numbers: string) => `Paliek (ir glabātavā, nav failā): ${numbers}`,
  unreadable: {
    not_utf8:
      "Imports neizdevās, nekas nav ierakstīts: CSV fails nav UTF-8 kodējumā – iespējams, tas ir " +
      "Windows-1257 (Baltijas), kā to saglabā Excel latviešu Windows. Excel atveriet to un " +
      "saglabājiet no jauna: Fails → Saglabāt kā → „CSV UTF-8 (atdalīts ar komatiem) (*.csv)”, " +
      "vai importējiet pašu .xlsx failu (--format xlsx).",
    not_xlsx:
      "Imports neizdevās, nekas nav ierakstīts: fails nav Excel darbgrāmata (.xlsx). CSV failam " +
      "norādiet --format csv.",
  } satisfies Record<SheetReadProblem, string>,
};

const en: typeof lv = {
  where: (line, column, letter) =>
    line === null
      ? `column “${heading("en", column)}”`
      : `row ${line}, column “${heading("en", column)}” (${letter})`,
  problems: {
    missing_column: (v) =>
      `is not in the file (heading “${heading("en", v)}”, in Latvian “${heading("lv", v)}”, or “${v}”)`,
    bad_number: (v) => `“${v}” is not a task number (e.g. 14 or 10.1.2)`,
    duplicate_number: (v) => `task ${v} is already above`,
    no_parent: (v) => `task ${v} has no parent task above it`,
    bad_section: (v) =>
      `“${v}” is not a section (I–V, optionally with its title: “I Datu apkopošana”)`,
    no_title: () => "the task has no title",
    bad_deadline: (v) => `“${v}” is not a deadline (a date, “2027.gads”, “regulāri”, “ikgadēji”)`,
    no_deadline: () => "no deadline (the row is not a heading with sub-tasks)",
    unknown_institution: (v) =>
      `there is no institution “${v}” (codes: \`koordinators task help\`)`,
    no_institution: () => "no responsible institution",
    bad_status: (v) => `“${v}” is not a status (done, partial, ongoing, not_done or empty)`,
  },
  failed: (n) => `Import failed, nothing written (${n} ${n === 1 ? "error" : "errors"}):`,
  noProgramme: "There is no programme: give --programme <code> and --title <title>.",
  titleNeeded: (code) => `Programme ${code} does not exist yet: give --title <title> too.`,
  summary: (p, created, updated, unchanged, audited) =>
    `Programme ${p}: ${created} tasks created, ${updated} updated, ${unchanged} unchanged; ${audited} audit ${audited === 1 ? "entry" : "entries"}.`,
  dryRun: "Dry run: nothing written. Would change:",
  nothing: "nothing",
  kept: (numbers) => `Kept (in the store, not in this file): ${numbers}`,
  unreadable: {
    not_utf8:
      "Import failed, nothing written: the CSV file is not in UTF-8 – it is probably " +
      "Windows-1257 (Baltic), as Excel saves it on a Latvian Windows. Open it in Excel and save " +
      "it again: File → Save As → “CSV UTF-8 (Comma delimited) (*.csv)”, or import the .xlsx " +
      "file itself (--format xlsx).",
    not_xlsx:
      "Import failed, nothing written: the file is not an Excel workbook (.xlsx). For a CSV " +
      "file give --format csv.",
  },
};

/** The catalogue's shape. */
export type SheetText = typeof lv;

/** Spreadsheet import messages in `locale`. */
export const sheetText = defineCatalog<typeof lv>({ lv, en });
