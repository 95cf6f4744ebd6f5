/**
 * The CLI's `export annex`, `export calendar` and `import --format xlsx|csv`. They run on the
 * server as the trusted actor "cli", on the store DATABASE_URL names (migrated, the bundled
 * report imported when empty). Exit codes: 0 done; 1 refused input (no such cut-off, an invalid
 * spreadsheet: nothing written; an --out that cannot be written); 2 usage (commander's).
 * Declared in export-command.ts (and `import` in cli.ts), which load this file only when one
 * of them runs.
 */
import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { countAnnex } from "../../commands/export.ts";
import type { AuditEntry } from "../../db/audit.ts";
import { type Db, migrateToLatest } from "../../db/client.ts";
import { findInstitutionOrName, listInstitutionsWithTasks } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { type Config, configFromEnvironment, type Locale } from "../config.ts";
import { buildCalendar, upcomingCount } from "../export/calendar-model.ts";
import { ANNEX_FORMATS, type AnnexFormat, exportAnnex } from "../export/export-annex.ts";
import { renderIcs } from "../export/ics.ts";
import { importSheet, type SheetImportResult } from "../export/sheet-import.ts";
import type { SheetFormat } from "../export/sheet-read.ts";
import { cliText } from "../i18n/cli.ts";
import { cutoffText } from "../i18n/cutoff.ts";
import { exportText } from "../i18n/export.ts";
import { exportCommandText } from "../i18n/export-command.ts";
import { type SheetText, sheetText } from "../i18n/sheet.ts";
import { seedIfEmpty } from "../import/seed.ts";
import { systemClock } from "../time.ts";
import { openCliStore } from "./cli-store.ts";
import { replanWidenedCutoffs } from "./import-replan.ts";
import { userNames } from "./local-names.ts";
import { cliLocale, importFailure, writeOutput } from "./locale.ts";

const out = (text: string) => process.stdout.write(`${text}\n`);
const fail = (text: string) => {
  process.stderr.write(`${text}\n`);
  process.exitCode = 1;
};

/** The flags of `export annex` (see export-command.ts). */
export type AnnexFlags = {
  cutoff?: number;
  format?: AnnexFormat;
  out: string;
  includeUnverified?: boolean;
  lang?: Locale;
};

/** The flags of `export calendar` (see export-command.ts). */
export type CalendarFlags = { institution?: string; out: string; lang?: Locale };

/** `export annex`: writes the annex table to `--out` on the migrated, seeded store. */
export async function exportAnnexCommand(o: AnnexFlags): Promise<void> {
  await withStore((db, config) => annex(db, config, o));
}

/** `export calendar`: writes the iCalendar file to `--out` on the migrated, seeded store. */
export async function exportCalendarCommand(o: CalendarFlags): Promise<void> {
  await withStore((db, config) => calendar(db, config, o));
}

async function annex(
  db: Db,
  config: Config,
  o: {
    cutoff?: number;
    format?: AnnexFormat;
    out: string;
    includeUnverified?: boolean;
    lang?: Locale;
  },
): Promise<void> {
  const locale = cliLocale(o.lang, config);
  const t = cliText(locale);
  const ext = extname(o.out).slice(1).toLowerCase();
  const known = (ANNEX_FORMATS as readonly string[]).includes(ext);
  // A name with another extension (pielikums.pdf) would get a file that is not what it says.
  if (!o.format && ext !== "" && !known)
    return fail(t.annex.cannotWrite(ext, ANNEX_FORMATS.join(", ")));
  const format = o.format ?? (known ? (ext as AnnexFormat) : "docx");
  const cutoffId = o.cutoff;
  const result = await exportAnnex(db, {
    format,
    cutoffId,
    includeUnverified: !!o.includeUnverified,
    locale,
    zone: config.timezone,
    // People the replies mention read "@name", as Slack (or the local Slack) names them.
    userNames: (ids) => userNames(config, ids),
  });
  if ("problem" in result)
    return fail(result.problem === "no_cutoff" ? t.noCutoff(result.id) : t.noProgramme);
  const unwritten = await writeOutput(o.out, result.bytes, locale);
  if (unwritten) return fail(unwritten);
  const c = countAnnex(result.model);
  out(t.annex.wrote(o.out, format, c.tasks, c.replies, c.missing));
  const cut = result.model.cutoff;
  if (cut?.removed) out(cutoffText(locale).removedExport(cut.id));
  if (result.continued > 0) out(exportCommandText(locale).continued(result.continued));
}

async function calendar(
  db: Db,
  config: Config,
  o: { institution?: string; out: string; lang?: Locale },
): Promise<void> {
  const locale = cliLocale(o.lang, config);
  const t = cliText(locale);
  const institution = o.institution ? await findInstitutionOrName(db, o.institution) : undefined;
  if (o.institution && !institution)
    return fail(await unknownInstitution(db, o.institution, locale));
  const model = await buildCalendar(db, institution ? [institution.code] : []);
  if (!model) return fail(t.noProgramme);
  const text = exportText(locale);
  const now = systemClock.now();
  const ics = renderIcs(model, text, config.timezone, now);
  const unwritten = await writeOutput(o.out, ics, locale);
  if (unwritten) return fail(unwritten);
  out(t.calendarWrote(o.out, model.entries.length));
  // The file is written as asked (exit 0), an empty or past-only one explained as /calendar does.
  const said = exportCommandText(locale);
  const who = institution ? institution.code : said.everyone;
  if (model.entries.length === 0) {
    out(said.calendarNothing(who));
    // No tasks: no cut-off can ever concern it (its scope is tasks), only sessions will come.
    const withTasks = institution ? await listInstitutionsWithTasks(db, model.programme.id) : [];
    if (institution && !withTasks.some((i) => i.id === institution.id))
      out(said.calendarNoTasks([institution.code]));
  } else if (upcomingCount(model.entries, now, config.timezone) === 0)
    out(said.calendarNoneUpcoming);
}

/**
 * An unknown `--institution`, answered as `/calendar` answers it: "Institūcijas „XYZ” nav.
 * Institūcijas ar uzdevumiem: IEM, LM, …." — the codes of the current programme, so the next
 * try can be right.
 */
async function unknownInstitution(db: Db, code: string, locale: Locale): Promise<string> {
  const programme = await currentProgramme(db);
  const known = programme ? await listInstitutionsWithTasks(db, programme.id) : [];
  return exportCommandText(locale).unknownInstitution(code, known.map((i) => i.code).join(", "));
}

/**
 * `import --format xlsx|csv <file> [--dry-run] [--json] [--programme CODE] [--title T]`:
 * prints what changed (or, dry, what would), or every invalid cell by row and column.
 */
export async function importSpreadsheet(
  config: Config,
  file: string,
  o: {
    format: SheetFormat;
    dryRun: boolean;
    json: boolean;
    programme?: string;
    title?: string;
    lang?: Locale;
  },
): Promise<void> {
  const locale = cliLocale(o.lang, config);
  const t = sheetText(locale);
  const bytes = await readFile(file).catch((error: Error) => error);
  if (bytes instanceof Error) {
    const message = importFailure(bytes, file, locale);
    return fail(message ?? cliText(locale).import.failed(bytes.message));
  }
  await withStore(async (db) => {
    const result = await importSheet(db, {
      bytes,
      format: o.format,
      programme: o.programme,
      title: o.title,
      dryRun: o.dryRun,
      actor: "import:cli",
      at: systemClock.now().toUTC().toISO() ?? "",
      source: basename(file),
      zone: config.timezone,
    }).catch((error: Error) => error);
    if (result instanceof Error) return fail(cliText(locale).import.failed(result.message));
    printSheetResult(result, t, o.json);
    if (result.ok && !result.dryRun) await replanWidenedCutoffs(result.summary, locale, o.json);
  });
}

function printSheetResult(result: SheetImportResult, t: SheetText, json: boolean): void {
  if (json) out(JSON.stringify(result, null, 2));
  if (!result.ok) {
    if (json) process.exitCode = 1;
    else if ("errors" in result) {
      const lines = result.errors.map(
        (e) => `  ${t.where(e.line, e.column, e.letter)}: ${t.problems[e.problem](e.value)}`,
      );
      fail([t.failed(result.errors.length), ...lines].join("\n"));
    } else if (result.problem === "title_needed") fail(t.titleNeeded(result.programme ?? ""));
    else if (result.problem === "no_programme") fail(t.noProgramme);
    else fail(t.unreadable[result.problem]);
    return;
  }
  if (json) return;
  const s = result.summary;
  out(t.summary(s.programme, s.tasks.created, s.tasks.updated, s.tasks.unchanged, s.audited));
  if (result.dryRun) out([t.dryRun, ...describeChanges(result.changes, t.nothing)].join("\n"));
  if (s.notInFile.length > 0) out(t.kept(s.notInFile.join(", ")));
}

/** One line per audited change: "task 2009-2013:14 status: "partial" → "done"". */
export function describeChanges(changes: AuditEntry[], nothing: string): string[] {
  if (changes.length === 0) return [`  ${nothing}`];
  return changes.map((c) => {
    const what = `${c.entity} ${c.entityKey}${c.field ? ` ${c.field}` : ""}`;
    if (c.action === "create") return `  + ${what}`;
    return `  ~ ${what}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`;
  });
}

async function withStore(work: (db: Db, config: Config) => Promise<void>): Promise<void> {
  const config = configFromEnvironment();
  const db = openCliStore(config.databaseUrl);
  try {
    await migrateToLatest(db);
    await seedIfEmpty(db, systemClock);
    await work(db, config);
  } finally {
    await db.destroy();
  }
}
