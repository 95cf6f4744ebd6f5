#!/usr/bin/env node
import { extname } from "node:path";
import { type Command, CommanderError, Option } from "commander";
import { registerAdminCommands } from "./cli/admin.ts";
import { registerDigestCommands } from "./cli/digest-command.ts";
import { registerExportCommands } from "./cli/export-command.ts";
import { consoleLocale, langOption } from "./cli/locale.ts";
import { liftLang, ProgramCommand } from "./cli/program-command.ts";
import { registerRemindCommand } from "./cli/remind-command.ts";
import { registerRepliesCommand } from "./cli/replies-command.ts";
import { usageErrorText } from "./cli/usage-errors.ts";
import { configFromEnvironment, type Locale } from "./config.ts";

/**
 * What the top-level commands do (serve, worker, migrate, import, task): loaded when one runs.
 * This file and the `register…` files only declare commands, options and help texts, so that
 * `--help` and a usage error load no store, queue, Slack client or exporter.
 */
const commands = () => import("./cli/commands.ts");

/** The import format a file name implies: "xlsx" or "csv" by extension, else "report". */
function importFormatOf(file: string): "report" | "xlsx" | "csv" {
  const ext = extname(file).slice(1).toLowerCase();
  return ext === "xlsx" || ext === "csv" ? ext : "report";
}

/**
 * The one CLI: `npm run cli -- <command>` or the `koordinators` bin. Every command that prints
 * text takes `--lang lv|en` (default DEFAULT_LOCALE), after the command or before it
 * (`--lang en export …`, see liftLang); help texts are English.
 * Exit codes: 0 success, 1 failure (bad config, unreadable or invalid report), 2 usage error
 * (unknown command, bad flag, missing argument).
 */
function program(locale: Locale): Command {
  const cli = new ProgramCommand("koordinators")
    .description(
      "Koordinators: tasks, reporting cut-offs, reminders and replies for a working group in Slack",
    )
    // Usage errors in the console's language; subcommands inherit this (and the rest) as added.
    .configureOutput({ outputError: (text, write) => write(usageErrorText(text, locale)) })
    .showHelpAfterError()
    .exitOverride();

  cli
    .command("serve")
    .description(
      "run the Slack app (local mode with the built-in Slack emulator when no Slack credentials are set)",
    )
    .option("--no-worker", "run only the Slack side; leave jobs to separate `worker` processes")
    .addOption(langOption())
    .action((flags: { worker: boolean; lang?: Locale }) =>
      untilLauncherEnds((c) =>
        c.serve(configFromEnvironment(), { worker: flags.worker, lang: flags.lang }),
      ),
    );

  cli
    .command("worker")
    .description(
      "run only the job workers (reminders, collection): scale-out next to `serve --no-worker`",
    )
    .addOption(langOption())
    .action((flags: { lang?: Locale }) =>
      untilLauncherEnds((c) =>
        c.serve(configFromEnvironment(), { receiver: false, lang: flags.lang }),
      ),
    );

  cli
    .command("migrate")
    .description("bring the store's schema to the latest migration")
    .addOption(langOption())
    .action(async (flags: { lang?: Locale }) => {
      const config = configFromEnvironment();
      return (await commands()).migrate(config, { lang: flags.lang });
    });

  cli
    .command("import")
    .description("import a programme report (text extracted from the PDF) or a task spreadsheet")
    .argument("<file>", "report text file, e.g. db/seeds/thb-programme-2009-2013-report.txt")
    .option("--dry-run", "parse and show what would be imported; write nothing")
    .option("--json", "print the tasks (dry run) or the summary as JSON")
    .addOption(
      new Option(
        "--format <format>",
        "report, xlsx or csv (default: from the file name: .xlsx and .csv are spreadsheets with columns number, section, title, deadline, institutions, status; anything else a report text)",
      ).choices(["report", "xlsx", "csv"]),
    )
    .option("--programme <code>", "spreadsheet: the programme's code (default: the current one)")
    .option("--title <title>", "spreadsheet: the programme's title (needed for a new programme)")
    .addOption(langOption())
    .action(async (file: string, flags: ImportFlags) => {
      // Without --format, a .xlsx or .csv file is a spreadsheet; anything else a report text.
      const format = flags.format ?? importFormatOf(file);
      const config = configFromEnvironment();
      return format === "xlsx" || format === "csv"
        ? (await import("./cli/export.ts")).importSpreadsheet(config, file, {
            ...flags,
            format,
            dryRun: !!flags.dryRun,
            json: !!flags.json,
          })
        : (await commands()).importReport(config, file, {
            dryRun: !!flags.dryRun,
            json: !!flags.json,
            lang: flags.lang,
          });
    });

  cli
    .command("task")
    .description(
      "print what /task answers: a task number (14, 10.1.2), an institution (IEM) or help",
    )
    .argument("[query...]", "what you would type after /task")
    .option("--json", "print the Block Kit blocks as JSON")
    .addOption(langOption())
    .action(async (query: string[], flags: { json?: boolean; lang?: "lv" | "en" }) => {
      const config = configFromEnvironment();
      return (await commands()).task(config, query.join(" "), {
        json: !!flags.json,
        lang: flags.lang,
      });
    });
  registerRemindCommand(cli);
  registerRepliesCommand(cli);
  registerAdminCommands(cli);
  registerExportCommands(cli);
  registerDigestCommands(cli);
  return cli;
}

/**
 * Runs a long-lived command (`serve`, `worker`) that ends, as on SIGTERM, when the npm script
 * that launched it is killed (see launcher-watch.ts). `start` gets the loaded commands.ts; the
 * watch starts once the returned promise's command has installed its signal handlers
 * (synchronously, at its start).
 */
async function untilLauncherEnds(
  start: (loaded: Awaited<ReturnType<typeof commands>>) => Promise<void>,
): Promise<void> {
  const [loaded, { endWithLauncher }] = await Promise.all([
    commands(),
    import("./launcher-watch.ts"),
  ]);
  const serving = start(loaded);
  endWithLauncher();
  return serving;
}

/** Flags of `import`. */
type ImportFlags = {
  dryRun?: boolean;
  json?: boolean;
  format?: "report" | "xlsx" | "csv";
  programme?: string;
  title?: string;
  lang?: "lv" | "en";
};

/**
 * The operator's message for a failed command (`failureText`). Its module names the store's,
 * Redis's and Slack's errors, so it loads only on a failure; when loading it fails too (a broken
 * install: the very failure being reported may be a module that would not load), the error's
 * own message, never a second stack trace in place of the first.
 */
async function failureMessage(error: unknown, argv: string[]): Promise<string> {
  try {
    const { failureText } = await import("./cli/failure.ts");
    return failureText(error, consoleLocale(argv));
  } catch {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Runs the CLI; maps usage errors to exit code 2 and other failures to 1 with a clear message. */
export async function main(argv: string[]): Promise<number> {
  try {
    await program(consoleLocale(argv)).parseAsync(liftLang(argv));
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === "commander.helpDisplayed" || error.code === "commander.version" ? 0 : 2;
    }
    process.stderr.write(`${await failureMessage(error, argv)}\n`);
    return 1;
  }
}

const code = await main(process.argv);
if (code !== 0) process.exitCode = code;
