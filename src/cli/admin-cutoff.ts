/**
 * The CLI twin of `/cutoff`: `cutoff add|list|move|remove|plan`, as `/cutoff` takes them, and
 * `--json` for `list` and `plan` (the store's data, not the answer's text). This file only
 * declares them; what they do (admin-cutoff-run.ts) loads when one runs.
 */
import type { Command } from "commander";
import type { Locale } from "../config.ts";
import { langOption } from "./locale.ts";

type Lang = { lang?: Locale };
type Json = Lang & { json?: boolean };

/** What the `cutoff` commands do, loaded when one runs (not for `--help` or a usage error). */
const work = () => import("./admin-cutoff-run.ts");

/** Registers `cutoff …` on the CLI. */
export function registerCutoff(cli: Command): void {
  const group = cli.command("cutoff").description("reporting cut-offs and their reminder plan");
  group
    .command("add")
    .description("add a cut-off: the end of <date> in APP_TIMEZONE unless --time is given")
    .argument("<date>", "2027-02-01")
    .argument("<title...>", "e.g. Informatīvais ziņojums MK")
    .option("--time <HH:MM>", "wall time of the cut-off, e.g. 12:00 (hours and minutes)")
    .option("--tasks <numbers>", "only these tasks, e.g. 1,5,14")
    .addOption(langOption())
    .action((date: string, title: string[], o: Lang & { time?: string; tasks?: string }) => {
      const tasks = o.tasks ? ` --tasks ${o.tasks}` : "";
      const text = `add ${date}${o.time ? ` ${o.time}` : ""}${tasks} ${title.join(" ")}`;
      return work().then((w) => w.runCutoff(o.time, text, "add", o));
    });
  group
    .command("list")
    .description("cut-offs with their scope and next reminder")
    .option("--json", "print the list as JSON")
    .addOption(langOption())
    .action(async (o: Json) => {
      const w = await work();
      return o.json ? w.listJson(o.lang) : w.runCutoff(undefined, "list", "list", o);
    });
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
      work().then((w) =>
        w.runCutoff(o.time, `move ${id} ${date}${o.time ? ` ${o.time}` : ""}`, "move", o),
      ),
    );
  group
    .command("remove")
    .description("remove a cut-off (its replies stay)")
    .argument("<id>", "cut-off id")
    .addOption(langOption())
    .action((id: string, o: Lang) =>
      work().then((w) => w.runCutoff(undefined, `remove ${id}`, "remove", o)),
    );
  group
    .command("plan")
    .description(
      "what goes out to whom and when (re-plans the cut-off first); without <id>, the cut-off the app is working towards (the only live one, or the next)",
    )
    .argument("[id]", "cut-off id (see cutoff list)")
    .option("--json", "print the plan as JSON")
    .addOption(langOption())
    .action(async (id: string | undefined, o: Json) => {
      const w = await work();
      return o.json
        ? w.planJson(id, o.lang)
        : w.runCutoff(undefined, id === undefined ? "plan" : `plan ${id}`, "plan", o);
    });
}
