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
import type { InstitutionInput } from "../../commands/institution-parse.ts";
import type { RoleInput } from "../../commands/role.ts";
import type { Locale } from "../config.ts";
import { registerCutoff } from "./admin-cutoff.ts";
import type { LocalDirectory } from "./local-ids.ts";
import { langOption } from "./locale.ts";

type Lang = { lang?: Locale };
/** local-ids.ts (`withLocalId`), handed to a text builder once it is loaded. */
type Ids = typeof import("./local-ids.ts");
/** A command text, or how to build it from the local workspace's people and channels. */
type Text = string | ((local: LocalDirectory, ids: Ids) => string);

/**
 * Runs `/institution`'s twin (admin-run.ts `run`). The command, the store and Slack's client
 * load only now, when the command runs, not for `--help` or a usage error.
 */
async function runInstitution(
  text: Text,
  expected: InstitutionInput["kind"],
  o: Lang,
  withUsage = false,
): Promise<void> {
  const [{ run }, ids, institution, mistake] = await Promise.all([
    import("./admin-run.ts"),
    import("./local-ids.ts"),
    import("../../commands/institution.ts"),
    import("../../commands/institution-mistake.ts"),
  ]);
  const built = typeof text === "string" ? text : (d: LocalDirectory) => text(d, ids);
  await run(
    institution.institutionCommand,
    built,
    expected,
    o,
    withUsage ? mistake.setUsageLines : undefined,
  );
}

/** Runs `/role`'s twin (admin-run.ts `run`), loading the command and the store only now. */
async function runRole(text: Text, expected: RoleInput["kind"], o: Lang): Promise<void> {
  const [{ run }, ids, role] = await Promise.all([
    import("./admin-run.ts"),
    import("./local-ids.ts"),
    import("../../commands/role.ts"),
  ]);
  const built = typeof text === "string" ? text : (d: LocalDirectory) => text(d, ids);
  await run(role.roleCommand, built, expected, o);
}

/**
 * What the admin twins take for a channel or a person (src/cli/local-ids.ts `withLocalId`, then
 * commands/args.ts `channelIdOf`/`userIdOf`): a Slack ID (C…/G…, U…/W…) or Slack's escape
 * (`<#C…|name>`, `<@U…>`) always; a name (`#name`, `@name` or `name`) only in local mode, and
 * only one the local Slack has (read from its workspace file under DATA_DIR).
 */
const LOCAL_CHANNEL =
  "(not #name, except in local mode: a channel of the local Slack, e.g. #darba-grupa)";
const LOCAL_USER = "(not @name, except in local mode: a person of the local Slack, e.g. @anna)";
const NAMES_HELP = `
Channels and people are given by Slack ID: channel C… (in Slack: click the channel's name; the
ID is at the bottom), person U… (the profile's ⋮ → Copy member ID). With Slack credentials set
the CLI cannot look names up, so #name and @name are refused. In local mode (no Slack
credentials) a name the local Slack has works too: #darba-grupa, @anna (or anna).
Example: institution set IEM C0123ABCD U0123ABCD U0456EFGH
`;

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
    .action((code: string[], o: Lang) => runInstitution(code.join(" "), "show", o));
  // As `/institution set`: contacts named replace the previous ones, none named keeps them,
  // --no-contacts clears them (with contacts too it is refused, exit 2).
  group
    .command("set")
    .description(
      "map an institution to a channel; contacts given replace its contacts, none keeps them, --no-contacts clears them",
    )
    .argument("<code>", "institution code, e.g. IEM")
    .argument("<channelId>", `Slack channel ID, e.g. C0123ABCD ${LOCAL_CHANNEL}`)
    .argument("[userIds...]", `Slack user IDs of the contact people, e.g. U0123ABCD ${LOCAL_USER}`)
    .option("--no-contacts", "clear the contacts (the institution keeps only its channel)")
    .addHelpText("after", NAMES_HELP)
    .addOption(langOption())
    .action((code: string, channel: string, users: string[], o: Lang & { contacts?: boolean }) => {
      const none = o.contacts === false ? " --no-contacts" : "";
      const text = (d: LocalDirectory, { withLocalId }: Ids) => {
        const named = users.map((u) => withLocalId(u, d.users)).join(" ");
        return `set ${code} ${withLocalId(channel, d.channels)}${named ? ` ${named}` : ""}${none}`;
      };
      return runInstitution(text, "set", o, true);
    });
  group
    .command("away")
    .description('mark a contact away until a date, inclusive; "off" = back')
    .argument("<userId>", `Slack user ID, e.g. U0123ABCD ${LOCAL_USER}`)
    .argument("<date>", "2027-01-15 (or another form /institution accepts), or off")
    .addOption(langOption())
    .action((user: string, date: string, o: Lang) =>
      runInstitution(
        (d, { withLocalId }) => `away ${withLocalId(user, d.users)} ${date}`,
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
      runInstitution(`add ${code} ${name.join(" ")}`, "add", o),
    );
}

function registerRole(cli: Command): void {
  const group = cli.command("role").description("who the secretaries are");
  for (const verb of ["add", "remove"] as const) {
    group
      .command(verb)
      .description(verb === "add" ? "make a user a secretary" : "take the secretary role away")
      .argument("<userId>", `Slack user ID, e.g. U0123ABCD ${LOCAL_USER}`)
      .argument("<role>", "secretary")
      .addOption(langOption())
      .action((user: string, name: string, o: Lang) =>
        runRole((d, { withLocalId }) => `${verb} ${withLocalId(user, d.users)} ${name}`, verb, o),
      );
  }
  group
    .command("list")
    .description("the secretaries")
    .addOption(langOption())
    .action((o: Lang) => runRole("list", "list", o));
}
