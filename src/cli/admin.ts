/**
 * The CLI twins of `/institution`, `/cutoff` and `/role`. They build the same command text a
 * person would type in Slack and run it through the same `parse` and `handle`, acting as the
 * trusted user "cli" (the CLI runs on the server; see admin-run.ts). Output: the answer as
 * terminal text (Slack's mrkdwn emphasis markers dropped, people and channels named), or data
 * as JSON where `--json` is offered (admin-cutoff.ts).
 *
 * Exit codes: 0 done; 1 refused or not found (no such institution or cut-off); 2 usage error
 * (commander's, or an argument the command cannot read: a bad date, ID or task list).
 *
 * Re-planning after a change: see cli-deps.ts.
 */
import type { Command } from "commander";
import * as institution from "../../commands/institution.ts";
import { setUsageLines } from "../../commands/institution-mistake.ts";
import * as role from "../../commands/role.ts";
import type { Locale } from "../config.ts";
import { registerCutoff } from "./admin-cutoff.ts";
import { run } from "./admin-run.ts";
import { type LocalDirectory, withLocalId } from "./local-ids.ts";
import { langOption } from "./locale.ts";

type Lang = { lang?: Locale };

/** Registers `institution …`, `cutoff …` and `role …` on the CLI. */
export function registerAdminCommands(cli: Command): void {
  registerInstitution(cli);
  registerCutoff(cli);
  registerRole(cli);
}

function registerInstitution(cli: Command): void {
  const group = cli.command("institution").description("institutions' Slack channels and contacts");
  group
    .command("show")
    .description("an institution's channel and contacts (code or alias, any case)")
    .argument("<code...>", "IEM, iem, VP GKrPP …")
    .addOption(langOption())
    .action((code: string[], o: Lang) =>
      run(institution.institutionCommand, code.join(" "), "show", o),
    );
  // As `/institution set`: contacts named replace the previous ones, none named keeps them,
  // --no-contacts clears them (with contacts too it is refused, exit 2).
  group
    .command("set")
    .description(
      "map an institution to a channel; contacts given replace its contacts, none keeps them, --no-contacts clears them",
    )
    .argument("<code>", "institution code, e.g. IEM")
    .argument("<channelId>", "Slack channel ID, e.g. C0123ABCD (locally also #name)")
    .argument(
      "[userIds...]",
      "Slack user IDs of the contact people, e.g. U0123ABCD (locally also @name)",
    )
    .option("--no-contacts", "clear the contacts (the institution keeps only its channel)")
    .addOption(langOption())
    .action((code: string, channel: string, users: string[], o: Lang & { contacts?: boolean }) => {
      const none = o.contacts === false ? " --no-contacts" : "";
      const text = (d: LocalDirectory) => {
        const named = users.map((u) => withLocalId(u, d.users)).join(" ");
        return `set ${code} ${withLocalId(channel, d.channels)}${named ? ` ${named}` : ""}${none}`;
      };
      return run(institution.institutionCommand, text, "set", o, setUsageLines);
    });
  group
    .command("away")
    .description('mark a contact away until a date, inclusive; "off" = back')
    .argument("<userId>", "Slack user ID (locally also @name)")
    .argument("<date>", "2027-01-15 (or another form /institution accepts), or off")
    .addOption(langOption())
    .action((user: string, date: string, o: Lang) =>
      run(
        institution.institutionCommand,
        (d) => `away ${withLocalId(user, d.users)} ${date}`,
        "away",
        o,
      ),
    );
  group
    .command("add")
    .description("add an institution that is not on the report's list")
    .argument("<code>", "letters or digits, e.g. TSAB")
    .argument("<name...>", "full name, e.g. Tiesībsarga birojs")
    .addOption(langOption())
    .action((code: string, name: string[], o: Lang) =>
      run(institution.institutionCommand, `add ${code} ${name.join(" ")}`, "add", o),
    );
}

function registerRole(cli: Command): void {
  const group = cli.command("role").description("who the secretaries are");
  for (const verb of ["add", "remove"] as const) {
    group
      .command(verb)
      .description(verb === "add" ? "make a user a secretary" : "take the secretary role away")
      .argument("<userId>", "Slack user ID, e.g. U0123ABCD (locally also @name)")
      .argument("<role>", "secretary")
      .addOption(langOption())
      .action((user: string, name: string, o: Lang) =>
        run(role.roleCommand, (d) => `${verb} ${withLocalId(user, d.users)} ${name}`, verb, o),
      );
  }
  group
    .command("list")
    .description("the secretaries")
    .addOption(langOption())
    .action((o: Lang) => run(role.roleCommand, "list", "list", o));
}
