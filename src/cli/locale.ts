/**
 * How every CLI command chooses its language: `--lang lv|en` on the command, else the
 * configured DEFAULT_LOCALE (Latvian unless set). The same for answers, summaries, errors
 * and notes on stderr.
 */
import { stat, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { cwd } from "node:process";
import { InvalidArgumentError, Option } from "commander";
import { type Config, defaultLocaleFromEnvironment, LOCALES, type Locale } from "../config.ts";
import { cliText, type FileProblem, type WriteProblem } from "../i18n/cli.ts";
import { ReportFormatError } from "../import/errors.ts";

/** The `--lang <locale>` option every command that prints text takes. */
export function langOption(): Option {
  return new Option("--lang <locale>", "language of the output (default: DEFAULT_LOCALE)").choices([
    "lv",
    "en",
  ]);
}

/**
 * `--cutoff <id>` as every command that takes it reads it: a positive whole number, else a usage
 * error (exit 2) saying it is not a cut-off number, in the console's language.
 */
export function cutoffIdOption(description: string): Option {
  return new Option("--cutoff <id>", description).argParser(parseCutoffId);
}

/** A cut-off id from the command line, or an {@link InvalidArgumentError} in the console's language. */
export function parseCutoffId(value: string): number {
  const id = Number(value);
  if (/^\d+$/.test(value) && Number.isSafeInteger(id) && id > 0) return id;
  throw new InvalidArgumentError(cliText(consoleLocale(process.argv)).notCutoffId(value));
}

/** The language of a command's output: its `--lang`, else DEFAULT_LOCALE. */
export function cliLocale(lang: Locale | undefined, config: Pick<Config, "defaultLocale">): Locale {
  return lang ?? config.defaultLocale;
}

/**
 * The language of what the CLI prints before a command runs or instead of it (a usage error, an
 * invalid configuration, a refused start): the same choice as {@link cliLocale}, read from the
 * raw arguments — `--lang en` or `--lang=en` (any case: `EN`) anywhere before a `--` — else
 * DEFAULT_LOCALE as the environment and `.env` set it (Latvian when unset or invalid).
 */
export function consoleLocale(argv: readonly string[]): Locale {
  const end = argv.indexOf("--");
  const args = end === -1 ? argv : argv.slice(0, end);
  for (const [i, arg] of args.entries()) {
    const value = arg === "--lang" ? args[i + 1] : arg.startsWith("--lang=") ? arg.slice(7) : null;
    const locale = LOCALES.find((l) => l === value?.toLowerCase());
    if (locale) return locale;
  }
  return defaultLocaleFromEnvironment();
}

/** Which file problem a Node error is (ENOENT, EACCES, EISDIR), or undefined when it is none. */
export function fileProblem(error: unknown): FileProblem | undefined {
  if (!(error instanceof Error) || !("code" in error)) return undefined;
  const code = String(error.code);
  return code === "ENOENT" || code === "EACCES" || code === "EISDIR" ? code : undefined;
}

/**
 * The operator's message for an import that failed on its input: a file that cannot be read
 * (named by the path given, with the folder a relative path is read from), or a report that is
 * not of the expected shape (what is missing and on which line). Undefined for anything else
 * (a bug or a store failure, which the caller lets through).
 */
export function importFailure(error: unknown, file: string, locale: Locale): string | undefined {
  const t = cliText(locale).import;
  const problem = fileProblem(error);
  if (problem) return t.failed(t.file[problem](file, cwd()));
  if (!(error instanceof ReportFormatError)) return undefined;
  const p = error.problem;
  const say = t.report[p.kind] as (problem: typeof p) => string;
  return t.failed(`${say(p)}${error.line === null ? "" : t.reportLine(error.line)}`);
}

/**
 * Writes an output file (`export … --out`, `digest --docx`) and returns undefined, or, when it
 * cannot be written, the operator's message naming the file and the folder it was to go in
 * (absolute, so a relative `--out` is unambiguous) instead of Node's raw English error: the
 * folder missing, not a folder, not permitted, not writable at all (it exists but takes no
 * files: read-only, /proc), or the file a folder.
 * @throws whatever `writeFile` throws that is not an `Error` (never expected).
 */
export async function writeOutput(
  file: string,
  data: string | Uint8Array,
  locale: Locale,
): Promise<string | undefined> {
  const error = await writeFile(file, data).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error === undefined) return undefined;
  if (!(error instanceof Error)) throw error;
  const t = cliText(locale).write;
  const folder = dirname(resolve(file));
  const problem = await writeProblem("code" in error ? String(error.code) : "", folder);
  return problem === "other" ? t.other(file, error.message) : t[problem](file, folder);
}

/**
 * Which {@link WriteProblem} a failed write's error code is. ENOENT names a missing folder only
 * when the folder is indeed missing: a folder that exists but cannot take a new file (/proc)
 * answers ENOENT too, as a read-only one answers EROFS.
 */
async function writeProblem(code: string, folder: string): Promise<WriteProblem> {
  if (code === "EROFS" || code === "EPERM") return "notWritable";
  if (code === "ENOENT") {
    const exists = await stat(folder).then(
      (s) => s.isDirectory(),
      () => false,
    );
    return exists ? "notWritable" : "ENOENT";
  }
  const known: WriteProblem[] = ["ENOTDIR", "EACCES", "EISDIR"];
  return known.find((k) => k === code) ?? "other";
}
