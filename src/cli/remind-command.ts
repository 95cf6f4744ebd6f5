/** The CLI's `remind` declared; what it does (remind.ts) loads when it runs. */
import type { Command } from "commander";
import { configFromEnvironment, type Locale } from "../config.ts";
import { consoleText } from "../i18n/cli-console.ts";
import { cliLocale, consoleLocale, cutoffIdOption, langOption } from "./locale.ts";

/**
 * Registers `remind --cutoff <id> --now`: a reminder now, by hand, to each institution with one
 * still to come (see `sendNow`); the plan's rows are left to go out at their times.
 */
export function registerRemindCommand(cli: Command): void {
  cli
    .command("remind")
    .description(
      "send a cut-off's reminder now (by hand) to each institution that has one still to come; the planned reminders still go out at their times",
    )
    .addOption(
      cutoffIdOption("cut-off id (see `npm run cli -- cutoff list`)").makeOptionMandatory(),
    )
    .option("--now", "send now (required: there is no other mode yet)")
    .option("--json", "print the result as JSON")
    .addOption(langOption())
    .addHelpText(
      "after",
      [
        "",
        "Exit codes: 0 every institution's reminder was sent, or needed no sending (all answered,",
        "already sent); 1 at least one was not sent: an institution with no channel mapped (named",
        "apart, with the `institution set` command that maps one), a channel Slack refused (not",
        "found, archived, app not in it), Slack rate-limited or unreachable, or no such cut-off;",
        "2 usage error.",
        "",
        "An institution with nothing else due whose latest reminder failed (no channel, a channel",
        "Slack refused) gets that reminder again: fix the mapping (`institution set`), then run this.",
      ].join("\n"),
    )
    .action(
      async (
        flags: { cutoff: number; now?: boolean; json?: boolean; lang?: Locale },
        command: Command,
      ) => {
        if (!flags.now)
          command.error(consoleText(consoleLocale(process.argv)).usage.remindNow, {
            exitCode: 2,
          });
        const config = configFromEnvironment();
        const { remindNow } = await import("./remind.ts");
        await remindNow(config, flags.cutoff, !!flags.json, cliLocale(flags.lang, config));
      },
    );
}
