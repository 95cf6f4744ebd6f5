/**
 * The CLI twin of `/cutoff`: `cutoff add|list|move|remove|plan`, as `/cutoff` takes them, and
 * `--json` for `list` and `plan` (the store's data, not the answer's text).
 */
import type { Command } from "commander";
import * as cutoff from "../../commands/cutoff.ts";
import { removedCutoffShown } from "../../commands/cutoff-gone.ts";
import type { SlashCommand } from "../../commands/types.ts";
import { configFromEnvironment, type Locale } from "../config.ts";
import { cliText } from "../i18n/cli.ts";
import { cutoffText } from "../i18n/cutoff.ts";
import { mrkdwnToText } from "../slack/blocks-to-text.ts";
import { run } from "./admin-run.ts";
import { withDeps } from "./cli-deps.ts";
import { cliDefaultCutoff } from "./default-cutoff.ts";
import { cliLocale, langOption } from "./locale.ts";
import { stripEmphasis } from "./terminal.ts";

type Lang = { lang?: Locale };
type Json = Lang & { json?: boolean };

/** Registers `cutoff …` on the CLI. */
export function registerCutoff(cli: Command): void {
  const group = cli.command("cutoff").description("reporting cut-offs and their reminder plan");
  group
    .command("add")
    .description("add a cut-off: the end of <date> in APP_TIMEZONE unless --time is given")
    .argument("<date>", "2027-02-01")
    .argument("<title...>", "e.g. Informatīvais ziņojums MK")
    .option("--time <HH:MM>", "wall time of the cut-off, e.g. 12:00 (or 12:00:30)")
    .option("--tasks <numbers>", "only these tasks, e.g. 1,5,14")
    .addOption(langOption())
    .action((date: string, title: string[], o: Lang & { time?: string; tasks?: string }) => {
      const tasks = o.tasks ? ` --tasks ${o.tasks}` : "";
      const text = `add ${date}${o.time ? ` ${o.time}` : ""}${tasks} ${title.join(" ")}`;
      return run(cutoffAt(o.time), text, "add", o);
    });
  group
    .command("list")
    .description("cut-offs with their scope and next reminder")
    .option("--json", "print the list as JSON")
    .addOption(langOption())
    .action((o: Json) =>
      o.json
        ? withDeps((deps) => printJson(cutoff.cutoffListData(deps)), o.lang)
        : run(cutoff.cutoffCommand, "list", "list", o),
    );
  group
    .command("move")
    .description("move a cut-off to another day (and time)")
    .argument("<id>", "cut-off id (see cutoff list)")
    .argument("<date>", "2027-02-05")
    .option(
      "--time <HH:MM>",
      "wall time, e.g. 12:00 (without it the cut-off keeps its time of day)",
    )
    .addOption(langOption())
    .action((id: string, date: string, o: Lang & { time?: string }) =>
      run(cutoffAt(o.time), `move ${id} ${date}${o.time ? ` ${o.time}` : ""}`, "move", o),
    );
  group
    .command("remove")
    .description("remove a cut-off (its replies stay)")
    .argument("<id>", "cut-off id")
    .addOption(langOption())
    .action((id: string, o: Lang) => run(cutoff.cutoffCommand, `remove ${id}`, "remove", o));
  group
    .command("plan")
    .description(
      "what goes out to whom and when (re-plans the cut-off first); without <id>, the cut-off the app is working towards (the only live one, or the next)",
    )
    .argument("[id]", "cut-off id (see cutoff list)")
    .option("--json", "print the plan as JSON")
    .addOption(langOption())
    .action((id: string | undefined, o: Json) =>
      o.json
        ? planJson(id, o.lang)
        : run(cutoff.cutoffCommand, id === undefined ? "plan" : `plan ${id}`, "plan", o),
    );
}

/**
 * `/cutoff` for `cutoff add|move --time <value>`: a value that is no time ("abc") is refused
 * as `/cutoff` refuses a bad time (exit 2), naming it and the accepted forms; put into the
 * command text, a word that is not time-shaped would be read as the title's first word.
 */
function cutoffAt(time: string | undefined): SlashCommand<cutoff.CutoffInput> {
  if (time === undefined || cutoff.readCutoffTime(time)) return cutoff.cutoffCommand;
  const refused: cutoff.CutoffInput = {
    kind: "invalid",
    mistake: { reason: "bad_time", input: time },
  };
  return { ...cutoff.cutoffCommand, parse: () => refused };
}

/**
 * `cutoff plan <id> --json`: the plan and its `scheduling` as JSON on stdout. No plan is exit 1
 * with the reason on stderr, as the text form says it: a removed cut-off named with the day it
 * was removed (`removedCutoffShown`), else "no such cut-off"; an id that is no number, exit 2.
 * Without an id, the cut-off `/cutoff plan` takes (`cliDefaultCutoff`): a note naming it on
 * stderr; none to take is exit 1 with the reason on stderr. stdout is only ever the JSON.
 */
async function planJson(idText: string | undefined, lang: Locale | undefined): Promise<void> {
  const id = idText === undefined ? null : /^\d+$/.test(idText) ? Number(idText) : 0;
  const locale = cliLocale(lang, configFromEnvironment());
  const t = cliText(locale);
  if (id !== null && id <= 0) {
    process.stderr.write(`${t.notCutoffId(idText ?? "")}\n`);
    process.exitCode = 2;
    return;
  }
  await withDeps(
    async (deps) => {
      const chosen = id ?? (await cliDefaultCutoff(deps, locale, "plan"));
      if (chosen === null) return;
      const data = await cutoff.cutoffPlanData(deps, chosen);
      if (!data) {
        const gone = await removedCutoffShown(deps, chosen, locale);
        const why = gone
          ? stripEmphasis(
              mrkdwnToText(
                cutoffText(locale).planRemoved(gone.id, gone.title, gone.when, gone.day),
              ),
            )
          : t.noCutoff(chosen);
        process.stderr.write(`${why}\n`);
        process.exitCode = 1;
        return;
      }
      await printJson(Promise.resolve({ ...data.plan, scheduling: data.outcome }));
    },
    lang,
    "plan",
  );
}

async function printJson(data: Promise<unknown>): Promise<void> {
  process.stdout.write(`${JSON.stringify(await data, null, 2)}\n`);
}
