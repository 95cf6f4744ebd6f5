/**
 * The CLI's `export annex` and `export calendar` declared (what they do: export.ts, loaded only
 * when one of them runs, not for `--help` or a usage error).
 */
import { type Command, Option } from "commander";
import { ANNEX_FORMATS } from "../export/annex-formats.ts";
import type { AnnexFlags, CalendarFlags } from "./export.ts";
import { cutoffIdOption, langOption } from "./locale.ts";

/** What the `export` commands do, loaded when one runs. */
const work = () => import("./export.ts");

/** Registers `export annex` and `export calendar`. */
export function registerExportCommands(cli: Command): void {
  const group = cli.command("export").description("the progress report's annex; calendars");
  group
    .command("annex")
    .description("the annex table (DOCX, XLSX or CSV); progress from a cut-off's replies")
    .addOption(cutoffIdOption("reporting cut-off whose replies fill the progress column"))
    .addOption(
      new Option("--format <format>", "file format (default: from --out)").choices([
        ...ANNEX_FORMATS,
      ]),
    )
    .requiredOption("--out <file>", "where to write, e.g. pielikums.docx")
    .option("--include-unverified", "also replies from people not mapped as contacts")
    .addOption(langOption())
    .action((o: AnnexFlags) => work().then((w) => w.exportAnnexCommand(o)));
  group
    .command("calendar")
    .description("cut-offs, reminders, task deadlines and sessions as iCalendar (.ics)")
    .option("--institution <code>", "only what concerns this institution, e.g. LM")
    .requiredOption("--out <file>", "where to write, e.g. koordinators.ics")
    .addOption(langOption())
    .action((o: CalendarFlags) => work().then((w) => w.exportCalendarCommand(o)));
}
