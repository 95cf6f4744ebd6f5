/** The CLI's `replies` declared; what it does (replies.ts) loads when it runs. */
import type { Command } from "commander";
import { configFromEnvironment, type Locale } from "../config.ts";
import { cliLocale, cutoffIdOption, langOption } from "./locale.ts";

/**
 * Registers `replies [--cutoff <id>] [--json] [--lang]`: a cut-off's replies as a table or as
 * JSON; without `--cutoff`, those of the cut-off `/cutoff plan` takes (see `listReplies` in
 * replies.ts, loaded only when the command runs).
 */
export function registerRepliesCommand(cli: Command): void {
  cli
    .command("replies")
    .description("list the replies institutions gave for a reporting cut-off")
    .addOption(
      cutoffIdOption(
        "cut-off id (see `npm run cli -- cutoff list`; a removed one too); without it, the cut-off the app is working towards (the only live one, or the next), named on stderr",
      ),
    )
    .option("--json", "print every reply in full as JSON")
    .addOption(langOption())
    .action(async (flags: { cutoff?: number; json?: boolean; lang?: Locale }) => {
      const config = configFromEnvironment();
      const { listReplies } = await import("./replies.ts");
      return listReplies(config, flags.cutoff, !!flags.json, cliLocale(flags.lang, config));
    });
}
