#!/usr/bin/env node
import { extname } from "node:path";
import { Command, CommanderError, Option } from "commander";
import { registerAdminCommands } from "./cli/admin.ts";
import * as commands from "./cli/commands.ts";
import { registerDigestCommands } from "./cli/digest.ts";
import { importSpreadsheet, registerExportCommands } from "./cli/export.ts";
import { failureText } from "./cli/failure.ts";
import { consoleLocale, langOption } from "./cli/locale.ts";
import { registerRemindCommand } from "./cli/remind.ts";
import { registerRepliesCommand } from "./cli/replies.ts";
import { usageErrorText } from "./cli/usage-errors.ts";
import { configFromEnvironment, type Locale } from "./config.ts";
import { endWithLauncher } from "./launcher-watch.ts";

/** The import format a file name implies: "xlsx" or "csv" by extension, else "report". */
function importFormatOf(file: string): "report" | "xlsx" | "csv" {
  const ext = extname(file).slice(1).toLowerCase();
  return ext === "xlsx" || ext === "csv" ? ext : "report";
}

/**
 * The one CLI: `npm run cli -- <command>` or the `koordinators` bin. Every command that prints
 * text takes `--lang lv|en` (default DEFAULT_LOCALE); help texts are English.
 * Exit codes: 0 success, 1 failure (bad config, unreadable or invalid report), 2 usage error
 * (unknown command, bad flag, missing argument).
 */
function program(locale: Locale): Command {
  const cli = new Command("koordinators")
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
      untilLauncherEnds(
        commands.serve(configFromEnvironment(), { worker: flags.worker, lang: flags.lang }),
      ),
    );

  cli
    .command("worker")
    .description(
      "run only the job workers (reminders, collection): scale-out next to `serve --no-worker`",
    )
    .addOption(langOption())
    .action((flags: { lang?: Locale }) =>
      untilLauncherEnds(
        commands.serve(configFromEnvironment(), { receiver: false, lang: flags.lang }),
      ),
    );

  cli
    .command("migrate")
    .description("bring the store's schema to the latest migration")
    .addOption(langOption())
    .action((flags: { lang?: Locale }) =>
      commands.migrate(configFromEnvironment(), { lang: flags.lang }),
    );

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
    .action((file: string, flags: ImportFlags) => {
      // Without --format, a .xlsx or .csv file is a spreadsheet; anything else a report text.
      const format = flags.format ?? importFormatOf(file);
      return format === "xlsx" || format === "csv"
        ? importSpreadsheet(configFromEnvironment(), file, {
            ...flags,
            format,
            dryRun: !!flags.dryRun,
            json: !!flags.json,
          })
        : commands.importReport(configFromEnvironment(), file, {
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
    .action((query: string[], flags: { json?: boolean; lang?: "lv" | "en" }) =>
      commands.task(configFromEnvironment(), query.join(" "), {
        json: !!flags.json,
        lang: flags.lang,
      }),
    );
  registerRemindCommand(cli);
  registerRepliesCommand(cli);
  registerAdminCommands(cli);
  registerExportCommands(cli);
  registerDigestCommands(cli);
  return cli;
}

/**
 * Runs a long-lived command (`serve`, `worker`) that ends, as on SIGTERM, when the npm script
 * that launched it is killed (see launcher-watch.ts). The watch starts once `serving` has
 * installed its signal handlers (synchronously, at its start).
 */
function untilLauncherEnds(serving: Promise<void>): Promise<void> {
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

/** Runs the CLI; maps usage errors to exit code 2 and other failures to 1 with a clear message. */
export async function main(argv: string[]): Promise<number> {
  try {
    await program(consoleLocale(argv)).parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === "commander.helpDisplayed" || error.code === "commander.version" ? 0 : 2;
    }
    process.stderr.write(`${failureText(error, consoleLocale(argv))}\n`);
    return 1;
  }
}

const code = await main(process.argv);
if (code !== 0) process.exitCode = code;
