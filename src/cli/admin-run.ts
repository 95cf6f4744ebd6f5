/**
 * How the CLI's admin twins (`institution`, `cutoff`, `role`) answer: the command text a person
 * would type in Slack, run through the command's own `parse` and `handle` as the trusted user
 * "cli" (the CLI runs on the server), the answer printed as terminal text with people and
 * channels named (`namedTerminalText`).
 *
 * Exit codes: 0 done; 1 refused or not found (no such institution or cut-off); 2 usage error
 * (an argument the command cannot read: a bad date, ID or task list). Only a done answer goes to
 * stdout; a refusal (exit 1) and a usage error (exit 2) go to stderr, so a script reading stdout
 * never takes one for a result.
 */
import { CLI_ACTOR } from "../../commands/access.ts";
import type { SlashCommand } from "../../commands/types.ts";
import type { Config, Locale } from "../config.ts";
import { cliText } from "../i18n/cli.ts";
import { roleText } from "../i18n/role.ts";
import type { SlackWeb } from "../slack/web.ts";
import { withDeps } from "./cli-deps.ts";
import { type LocalDirectory, localDirectory } from "./local-ids.ts";
import { cliLocale } from "./locale.ts";
import { namedTerminalText } from "./named-text.ts";
import { slackFor } from "./slack-for.ts";
import { cliHints, withoutNote } from "./terminal.ts";

/**
 * Parses `text` with the command's own parser and answers with its handler as "cli". An
 * input that is a mistake, or not of the `expected` kind, is a usage error (exit 2, stderr); an
 * answer with `found: false` (refused, not found) exits 1 on stderr; any other is stdout. The text
 * may be built from the local workspace's people and channels (`@anna` → its ID, see
 * local-ids.ts); a person or channel that is still no Slack ID is refused in the CLI's words
 * (how to find the ID, and in local mode who and what the local Slack has), not Slack's;
 * `explain` may add lines to that refusal before its help line (how the arguments were read).
 */
export async function run<I extends { kind: string }>(
  command: SlashCommand<I>,
  commandText: string | ((local: LocalDirectory) => string),
  expected: I["kind"],
  o: { lang?: Locale },
  explain?: (input: I, locale: Locale) => string[],
): Promise<void> {
  await withDeps(
    async (deps, deferred) => {
      const locale = cliLocale(o.lang, deps.config);
      const local = await localDirectory(deps.config);
      const input = command.parse(
        typeof commandText === "string" ? commandText : commandText(local),
      );
      const extra = explain ? explain(input, locale) : [];
      const localMode = deps.config.slack.mode === "local";
      const badRef = refMistake(input, locale, local, command.name.slice(1), extra, localMode);
      if (badRef) {
        process.stderr.write(`${badRef}\n`);
        process.exitCode = 2;
        return;
      }
      // /institution and /role ask Slack about the channel and people named, as in Slack.
      const asks = command.name === "/institution" || command.name === "/role";
      const slack = asks && input.kind !== "invalid" ? await cliSlack(deps.config) : undefined;
      const reply = await command.handle(input, slack ? { ...deps, slack } : deps, {
        locale,
        userId: CLI_ACTOR,
        channelId: "cli",
      });
      const usage = input.kind === "invalid" || input.kind !== expected;
      const shown = cliHints(await namedTerminalText(deps.config, reply.blocks), locale);
      // A deferred re-plan is explained once, by withDeps' own note: drop the Slack user's one.
      const answer = deferred() ? withoutNote(shown, roleText(locale).replanLater) : shown;
      // A refusal or "not found" (found: false) is no result: stderr, as a usage error.
      (usage || !reply.found ? process.stderr : process.stdout).write(`${answer}\n`);
      if (usage) process.exitCode = 2;
      else if (!reply.found) process.exitCode = 1;
    },
    o.lang,
    expected === "plan" ? "plan" : "change",
  );
}

/**
 * The Web API the CLI's admin twins ask about channels and people: Slack with credentials, else
 * the running local app's emulator; undefined when there is none (nothing is asked then).
 */
async function cliSlack(config: Config): Promise<SlackWeb | undefined> {
  try {
    return await slackFor(config);
  } catch {
    return undefined;
  }
}

/**
 * The CLI's words for a parsed mistake naming a person or channel that is no Slack ID
 * (`bad_user`, `bad_channel` of /institution and /role): what the CLI takes instead (`localMode`:
 * an ID or a local Slack name; else an ID only) and how to find it, the local workspace's people
 * or channels listed when it has any; null for any other
 * input (the command's own answer says it).
 */
function refMistake(
  input: unknown,
  locale: Locale,
  local: LocalDirectory,
  group: string,
  extra: readonly string[] = [],
  localMode = false,
): string | null {
  const mistake = (input as { mistake?: { reason?: string; token?: string } }).mistake;
  if (mistake?.reason !== "bad_user" && mistake?.reason !== "bad_channel") return null;
  const t = cliText(locale).refs;
  const token = mistake.token ?? "";
  const user = mistake.reason === "bad_user";
  const entries = user ? local.users : local.channels;
  const lines = [user ? t.notAUserId(token, localMode) : t.notAChannelId(token, localMode)];
  if (entries.length > 0) {
    const list = entries
      .slice(0, 20)
      .map((e) => `${user ? "@" : "#"}${e.name} (${e.id})`)
      .join(", ");
    lines.push(user ? t.localUsers(list) : t.localChannels(list));
  }
  lines.push(...extra, t.help(group));
  return lines.join("\n");
}
