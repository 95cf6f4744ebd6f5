/**
 * The CLI twins of `/institution`, `/cutoff` and `/role`. They build the same command text a
 * person would type in Slack and run it through the same `parse` and `handle`, acting as the
 * trusted user "cli" (the CLI runs on the server). Output: the answer as terminal text
 * (`terminalText`: Slack's mrkdwn emphasis markers dropped), or data as JSON where `--json` is offered.
 *
 * Exit codes: 0 done; 1 refused or not found (no such institution or cut-off); 2 usage error
 * (commander's, or an argument the command cannot read: a bad date, ID or task list).
 *
 * Re-planning: a change schedules its reminder jobs at once (under QUEUE_PREFIX, as `serve`
 * does) on REDIS_URL's Redis or, when REDIS_URL is unset, on the private redis-server a
 * running `serve` started under DATA_DIR/redis (found by `findRunningPrivateRedis`). With
 * neither (or when that Redis does not answer), only the store's plan is updated, one note on
 * stderr says so, and the app schedules the jobs at its next start or once Redis is back (jobs
 * it already holds check the store before sending, so a moved or removed cut-off sends nothing
 * stale).
 */
import { join } from "node:path";
import { Queue } from "bullmq";
import type { Command } from "commander";
import { Redis } from "ioredis";
import { CLI_ACTOR } from "../../commands/access.ts";
import * as cutoff from "../../commands/cutoff.ts";
import * as institution from "../../commands/institution.ts";
import * as role from "../../commands/role.ts";
import type { CommandDeps, SlashCommand } from "../../commands/types.ts";
import { createDb, migrateToLatest } from "../../db/client.ts";
import { enqueueJob, QUEUE_NAME } from "../../jobs/index.ts";
import { NoQueueError } from "../../jobs/refresh-root.ts";
import { type Config, configFromEnvironment, type Locale } from "../config.ts";
import { type CliText, cliText } from "../i18n/cli.ts";
import { roleText } from "../i18n/role.ts";
import { seedIfEmpty } from "../import/seed.ts";
import { createLogger } from "../logger.ts";
import { findRunningPrivateRedis } from "../redis-server.ts";
import { replan } from "../reminders/schedule.ts";
import type { SlackWeb } from "../slack/web.ts";
import { systemClock } from "../time.ts";
import { type LocalDirectory, localDirectory, withLocalId } from "./local-ids.ts";
import { localChannelNames, userLabel, userNames } from "./local-names.ts";
import { cliLocale, langOption } from "./locale.ts";
import { slackFor } from "./slack-for.ts";
import { cliHints, terminalText, withoutNote } from "./terminal.ts";

type Lang = { lang?: Locale };
type Json = Lang & { json?: boolean };

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
      return run(institution.institutionCommand, text, "set", o);
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

function registerCutoff(cli: Command): void {
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
    .description("what goes out to whom and when (re-plans the cut-off first)")
    .argument("<id>", "cut-off id")
    .option("--json", "print the plan as JSON")
    .addOption(langOption())
    .action((id: string, o: Json) =>
      o.json ? planJson(id, o.lang) : run(cutoff.cutoffCommand, `plan ${id}`, "plan", o),
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

/**
 * Parses `text` with the command's own parser and answers with its handler as "cli". An
 * input that is a mistake, or not of the `expected` kind, is a usage error (exit 2). The text
 * may be built from the local workspace's people and channels (`@anna` → its ID, see
 * local-ids.ts); a person or channel that is still no Slack ID is refused in the CLI's words
 * (how to find the ID, and in local mode who and what the local Slack has), not Slack's.
 */
export async function run<I extends { kind: string }>(
  command: SlashCommand<I>,
  commandText: string | ((local: LocalDirectory) => string),
  expected: I["kind"],
  o: Lang,
): Promise<void> {
  await withDeps(
    async (deps, deferred) => {
      const locale = cliLocale(o.lang, deps.config);
      const local = await localDirectory(deps.config);
      const input = command.parse(
        typeof commandText === "string" ? commandText : commandText(local),
      );
      const badRef = refMistake(input, locale, local, command.name.slice(1));
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
      const channelNames = await localChannelNames(deps.config, reply.blocks);
      const text = terminalText(reply.blocks, { channelNames });
      const shown = cliHints(await withUserNames(deps.config, text));
      // A deferred re-plan is explained once, by withDeps' own note: drop the Slack user's one.
      const answer = deferred() ? withoutNote(shown, roleText(locale).replanLater) : shown;
      (usage ? process.stderr : process.stdout).write(`${answer}\n`);
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
 * `text` with every user mention (`<@U…>`, Slack markup a terminal should not show) written as
 * the CLI names people elsewhere: `@name` where the local workspace, the running emulator or
 * Slack names them ({@link userNames}), else the bare ID, which the CLI takes back.
 */
async function withUserNames(config: Config, text: string): Promise<string> {
  const mention = /<@([UWB][A-Z0-9]+)(?:\|[^>]*)?>/g;
  const ids = [...text.matchAll(mention)].map((m) => m[1] ?? "");
  if (ids.length === 0) return text;
  const names = await userNames(config, ids);
  return text.replace(mention, (_whole, id: string) => userLabel(id, names));
}

/**
 * The CLI's words for a parsed mistake naming a person or channel that is no Slack ID
 * (`bad_user`, `bad_channel` of /institution and /role): what the CLI takes instead and how to
 * find it, the local workspace's people or channels listed when it has any; null for any other
 * input (the command's own answer says it).
 */
function refMistake(
  input: unknown,
  locale: Locale,
  local: LocalDirectory,
  group: string,
): string | null {
  const mistake = (input as { mistake?: { reason?: string; token?: string } }).mistake;
  if (mistake?.reason !== "bad_user" && mistake?.reason !== "bad_channel") return null;
  const t = cliText(locale).refs;
  const token = mistake.token ?? "";
  const user = mistake.reason === "bad_user";
  const entries = user ? local.users : local.channels;
  const lines = [user ? t.notAUserId(token) : t.notAChannelId(token)];
  if (entries.length > 0) {
    const list = entries
      .slice(0, 20)
      .map((e) => `${user ? "@" : "#"}${e.name} (${e.id})`)
      .join(", ");
    lines.push(user ? t.localUsers(list) : t.localChannels(list));
  }
  lines.push(t.help(group));
  return lines.join("\n");
}

async function planJson(idText: string, lang: Locale | undefined): Promise<void> {
  const id = /^\d+$/.test(idText) ? Number(idText) : 0;
  const t = cliText(cliLocale(lang, configFromEnvironment()));
  if (id <= 0) {
    process.stderr.write(`${t.notCutoffId(idText)}\n`);
    process.exitCode = 2;
    return;
  }
  await withDeps(
    async (deps) => {
      const data = await cutoff.cutoffPlanData(deps, id);
      if (!data) {
        process.stderr.write(`${t.noCutoff(id)}\n`);
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

/**
 * Opens the store (migrated; the bundled report imported when empty), runs `work` with
 * command deps acting as the trusted "cli" user on the system clock, and closes everything.
 * `work`'s second argument tells whether a re-plan it caused was deferred (no queue reached):
 * then, once `work` is done, one note on stderr says why and when the jobs will be scheduled,
 * in `lang` (default DEFAULT_LOCALE). `after` words that note: a `change` (the default) was
 * saved with its plan; a `plan` shown (`cutoff plan`) is the store's, not yet in the queue.
 * `deps.enqueue` adds jobs to the app's queue too (as `serve`'s does), opening it on first use,
 * so `cutoff move` asks the app's worker to refresh the reminder threads' roots, as `/cutoff
 * move` does; without a queue it throws `NoQueueError` and no refresh is promised.
 * Logs go to stderr.
 */
export async function withDeps(
  work: (deps: CommandDeps, deferred: () => boolean) => Promise<void>,
  lang?: Locale,
  after: "change" | "plan" = "change",
): Promise<void> {
  const config = configFromEnvironment();
  const db = createDb(config.databaseUrl);
  const logger = createLogger(
    config.logLevel === "info" ? "warn" : config.logLevel,
    process.stderr,
  );
  let later: Deferral | null = null;
  const queue = cliQueue(config);
  try {
    await migrateToLatest(db);
    await seedIfEmpty(db, systemClock);
    const deps: CommandDeps = {
      db,
      clock: systemClock,
      config,
      logger,
      replan: async (cutoffId) => {
        const reached = await queue.open();
        if (typeof reached === "string") {
          later = reached;
          return null;
        }
        return replan({ db, config, clock: systemClock, queue: reached }, cutoffId);
      },
      // A plain function, not a getter: deps are spread (`{ ...deps, slack }`), which would copy
      // a getter's value from before a re-plan opened the queue.
      enqueue: (name, data) => queue.enqueue(name, data),
    };
    await work(deps, () => later !== null);
    const t = cliText(cliLocale(lang, config));
    if (later) process.stderr.write(`${deferralNote(t, later, after)}\n`);
  } finally {
    await queue.close();
    await db.destroy();
  }
}

/** The note for a deferred re-plan: why (no app, Redis silent) and after what (a change, a plan shown). */
function deferralNote(t: CliText, why: Deferral, after: "change" | "plan"): string {
  if (after === "plan") return why === "no_app" ? t.planLater : t.planUnreachable;
  return why === "no_app" ? t.redisLater : t.redisUnreachable;
}

/**
 * Why a CLI re-plan was deferred to the app: `no_app` — REDIS_URL unset and no app running
 * under DATA_DIR; `unreachable` — the Redis found does not answer.
 */
type Deferral = "no_app" | "unreachable";

/**
 * The app's job queue as the CLI reaches it, opened on first use and kept for the command:
 * REDIS_URL's Redis, or the private Redis of the app running under DATA_DIR, under
 * QUEUE_PREFIX. `open` connects (once) and yields the queue, or why there is none; `enqueue`
 * opens it and adds a job (`enqueueJob`), or throws `NoQueueError` when there is none; `close`
 * ends both.
 */
function cliQueue(config: Config): {
  open(): Promise<Queue | Deferral>;
  enqueue: NonNullable<CommandDeps["enqueue"]>;
  close(): Promise<void>;
} {
  let connection: Redis | null = null;
  let result: Promise<Queue | Deferral> | null = null;
  let queue: Queue | null = null;
  const connect = async (): Promise<Queue | Deferral> => {
    const url = config.redisUrl ?? (await findRunningPrivateRedis(join(config.dataDir, "redis")));
    if (!url) return "no_app";
    connection = new Redis(url, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    connection.on("error", () => {});
    // Connect before the queue exists: BullMQ would start connecting a lazy connection itself.
    const reached = await connection.connect().then(
      () => true,
      () => false,
    );
    if (!reached) return "unreachable";
    queue = new Queue(QUEUE_NAME, { connection, prefix: config.queuePrefix });
    return queue;
  };
  return {
    open: () => {
      result ??= connect();
      return result;
    },
    enqueue: async (name, data) => {
      result ??= connect();
      const reached = await result;
      if (typeof reached === "string") throw new NoQueueError(reached);
      return enqueueJob(reached, name, data);
    },
    close: async () => {
      await queue?.close().catch(() => {});
      connection?.disconnect();
    },
  };
}
