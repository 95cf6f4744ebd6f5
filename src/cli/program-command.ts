/**
 * The CLI's commander class: a missing required option (`export calendar` without `--out`) is
 * said in the console's language followed by where the help is ("Skatiet `npm run cli -- export
 * calendar --help`."), not by the whole English help; every other usage error keeps the help
 * after it. And `--lang` given before the command (`npm run cli -- --lang en export …`) is
 * taken as the command's own `--lang` ({@link liftLang}).
 */
import { Command } from "commander";
import { consoleText } from "../i18n/cli-console.ts";
import { consoleLocale } from "./locale.ts";

/** A command, and every subcommand it creates, of the CLI's kind. */
export class ProgramCommand extends Command {
  override createCommand(name?: string): Command {
    return new ProgramCommand(name);
  }

  override error(message: string, errorOptions?: { code?: string; exitCode?: number }): never {
    if (errorOptions?.code === "commander.missingMandatoryOptionValue")
      this.showHelpAfterError(
        consoleText(consoleLocale(process.argv)).usage.seeHelp(commandPath(this)),
      );
    return super.error(message, errorOptions);
  }
}

/** "export calendar": the command's names from the program down, the program's left out. */
function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(" ");
}

/**
 * `argv` (node, script, args…) with a `--lang X` / `--lang=X` given before the command moved to
 * the end (before a `--`), where the command's own `--lang` option reads it; any other `argv`
 * as it is. A new array.
 */
export function liftLang(argv: readonly string[]): string[] {
  const [node = "", script = "", first, second, ...rest] = argv;
  let lang: string[];
  let tail: string[];
  if (first === "--lang" && second !== undefined) {
    lang = [first, second];
    tail = rest;
  } else if (first?.startsWith("--lang=")) {
    lang = [first];
    tail = second === undefined ? rest : [second, ...rest];
  } else return [...argv];
  const end = tail.indexOf("--");
  return end === -1
    ? [node, script, ...tail, ...lang]
    : [node, script, ...tail.slice(0, end), ...lang, ...tail.slice(end)];
}
