/**
 * The CLI's `session …` and `digest` declared (what they do: digest.ts, loaded only when one
 * of them runs, not for `--help` or a usage error).
 */
import type { Command } from "commander";
import type { Locale } from "../config.ts";
import { consoleText } from "../i18n/cli-console.ts";
import type { DigestFlags } from "./digest.ts";
import { consoleLocale, langOption } from "./locale.ts";

type Lang = { lang?: Locale };

/** What the `session` and `digest` commands do, loaded when one runs. */
const work = () => import("./digest.ts");

/** Registers `session …` and `digest` on the CLI. */
export function registerDigestCommands(cli: Command): void {
  const group = cli.command("session").description("working-group sessions");
  group
    .command("add")
    .description("add a session at <date> <time> (Riga time)")
    .argument("<date>", "2026-12-10")
    .argument("<time>", "10:00")
    .argument("[title...]", "e.g. Darba grupas sēde")
    .addOption(langOption())
    .action((date: string, time: string, title: string[], o: Lang) =>
      work().then((w) => w.runSession(`add ${date} ${time} ${title.join(" ")}`.trim(), "add", o)),
    );
  group
    .command("list")
    .description("the coming sessions and when each one's draft digest goes out")
    .option("--json", "print the list as JSON")
    .addOption(langOption())
    .action(async (o: Lang & { json?: boolean }) => {
      const w = await work();
      return o.json ? w.sessionListJson(o.lang) : w.runSession("list", "list", o);
    });
  group
    .command("remove")
    .description("remove a session (its draft digest is not sent)")
    .argument("<id>", "session id")
    .addOption(langOption())
    .action((id: string, o: Lang) => work().then((w) => w.runSession(`remove ${id}`, "remove", o)));
  cli
    .command("digest")
    .description("build the working group's digest now (Markdown by default)")
    .option("--since <date>", "the period's start (default: the previous digest or session)")
    .option("--json", "print the digest's data as JSON")
    .option("--md", "print the digest as Markdown (the default)")
    .option("--docx <file>", "write the digest as a Word document")
    .option(
      "--post",
      "store the digest and post it to WORKGROUP_CHANNEL_ID (local mode: C0LOCAL01 when unset)",
    )
    .addOption(langOption())
    .action((o: DigestFlags, command: Command) => {
      const formats = [o.json, o.md, o.docx !== undefined].filter(Boolean).length;
      if (formats > 1) {
        const t = consoleText(consoleLocale(process.argv)).usage;
        command.error(t.oneFormat("--json, --md, --docx"), { exitCode: 2 });
      }
      return work().then((w) => w.digest(o));
    });
}
