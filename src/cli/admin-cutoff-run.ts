/**
 * What the CLI's `cutoff` commands do (declared in admin-cutoff.ts): `/cutoff`'s own parse and
 * handle as the trusted user "cli" (admin-run.ts), and the `--json` forms of `list` and `plan`.
 */
import * as cutoff from "../../commands/cutoff.ts";
import { removedCutoffShown } from "../../commands/cutoff-gone.ts";
import type { CommandDeps, SlashCommand } from "../../commands/types.ts";
import { replyCutoff } from "../../db/cutoffs.ts";
import { configFromEnvironment, type Locale } from "../config.ts";
import { cliText } from "../i18n/cli.ts";
import { cutoffText } from "../i18n/cutoff.ts";
import { mrkdwnToText } from "../slack/blocks-to-text.ts";
import { run } from "./admin-run.ts";
import { withDeps } from "./cli-deps.ts";
import { cliDefaultCutoff } from "./default-cutoff.ts";
import { cliLocale } from "./locale.ts";
import { stripEmphasis } from "./terminal.ts";

type Lang = { lang?: Locale };

/**
 * Runs `/cutoff`'s twin on `text` (admin-run.ts `run`), expecting an input of kind `expected`;
 * `time` is `add|move --time` (a value that is no time is refused, see {@link cutoffAt}).
 */
export async function runCutoff(
  time: string | undefined,
  text: string,
  expected: cutoff.CutoffInput["kind"],
  o: Lang,
): Promise<void> {
  await run(cutoffAt(time), text, expected, o);
}

/** `cutoff list --json`: the cut-offs as `/cutoff list` reads them, as JSON on stdout. */
export async function listJson(lang: Locale | undefined): Promise<void> {
  await withDeps((deps) => printJson(cutoff.cutoffListData(deps)), lang);
}

/**
 * `/cutoff` for `cutoff add|move --time <value>`: a value that is no time ("abc") is refused
 * as `/cutoff` refuses a bad time (exit 2), naming it and the accepted forms; put into the
 * command text, a word that is not time-shaped would be read as the title's first word.
 */
function cutoffAt(time: string | undefined): SlashCommand<cutoff.CutoffInput> {
  const command = { ...cutoff.cutoffCommand, handle: handleWithCliTitle };
  if (time === undefined || cutoff.readCutoffTime(time)) return command;
  const refused: cutoff.CutoffInput = {
    kind: "invalid",
    mistake: { reason: "bad_time", input: time },
  };
  return { ...command, parse: () => refused };
}

/**
 * `/cutoff`'s handle with the list's heading in the CLI's words: "Ziņošanas termiņi" /
 * "Reporting cut-offs" (`cliTitle`), not Slack's "…: /cutoff", which names a slash command
 * the terminal does not take. Other blocks are as Slack gets them.
 */
const handleWithCliTitle: SlashCommand<cutoff.CutoffInput>["handle"] = async (input, deps, ctx) => {
  const reply = await cutoff.cutoffCommand.handle(input, deps, ctx);
  const t = cutoffText(ctx.locale);
  const blocks = reply.blocks.map((b) =>
    b.type === "header" && b.text.text === t.title
      ? { ...b, text: { ...b.text, text: t.cliTitle } }
      : b,
  );
  return { ...reply, blocks };
};

/**
 * `cutoff plan <id> --json`: the plan and its `scheduling` as JSON on stdout. No plan is exit 1
 * with the reason on stderr, as the text form says it: a removed cut-off named with the day it
 * was removed (`removedCutoffShown`), and on stdout as JSON ({@link RemovedCutoffJson}: the
 * README's "prints when it was removed"); else "no such cut-off" (stdout empty); an id that is
 * no number, exit 2.
 * Without an id, the cut-off `/cutoff plan` takes (`cliDefaultCutoff`): a note naming it on
 * stderr; none to take is exit 1 with the reason on stderr. stdout is only ever the JSON.
 */
export async function planJson(
  idText: string | undefined,
  lang: Locale | undefined,
): Promise<void> {
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
        const removed = await removedCutoffJson(deps, chosen);
        if (removed) await printJson(Promise.resolve(removed));
        const gone = await removedCutoffShown(deps, chosen, locale);
        const why = gone
          ? `${stripEmphasis(
              mrkdwnToText(
                cutoffText(locale).planRemoved(gone.id, gone.title, gone.when, gone.day),
              ),
            )} ${t.allCutoffs}`
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

/**
 * A removed cut-off as `cutoff plan <id> --json` prints it: `cutoff` with the plan JSON's field
 * names for what a removed one still has (`id`, `at`, `title`, `taskNumbers`; times UTC ISO),
 * `removed: true` and `removedAt` (UTC ISO), so a script reads the same fields either way.
 */
export interface RemovedCutoffJson {
  cutoff: { id: number; at: string; title: string; taskNumbers: string[] | null };
  removed: true;
  removedAt: string;
}

/** {@link RemovedCutoffJson} of cut-off `id`, or undefined when it is live or never was. */
async function removedCutoffJson(
  deps: CommandDeps,
  id: number,
): Promise<RemovedCutoffJson | undefined> {
  const found = await replyCutoff(deps.db, id);
  if (!found?.removedAt) return undefined;
  const { at, title, taskNumbers } = found.cutoff;
  return { cutoff: { id, at, title, taskNumbers }, removed: true, removedAt: found.removedAt };
}

async function printJson(data: Promise<unknown>): Promise<void> {
  process.stdout.write(`${JSON.stringify(await data, null, 2)}\n`);
}
