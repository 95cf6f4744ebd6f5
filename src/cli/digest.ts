/**
 * The CLI twins of `/session` and `/digest`:
 * - `session add <date> <time> [title...]`, `session list [--json]`, `session remove <id>`:
 *   the same parse and handle as the slash command, acting as the trusted user "cli";
 * - `digest [--since DATE] [--json | --md | --docx FILE] [--post] [--lang en]`: builds the
 *   digest now and prints it as Markdown (default; the same content as the Slack digest), the
 *   model as JSON, or writes the DOCX; `--post` also stores it and posts it to
 *   WORKGROUP_CHANNEL_ID (Slack), or in local mode to the running app's emulator, in
 *   WORKGROUP_CHANNEL_ID or else the local channel C0LOCAL01 (`loadConfig` falls back to it,
 *   as `serve` does).
 * A `--post` repeating a digest — the repeat rule (src/digest/repeat.ts), as `/digest` and the
 * after-cut-off digest keep it — posts nothing new (see `post`) and exits 0.
 * Exit codes: 0 done (a repeat included); 1 refused, not found, nowhere to post or a --docx that cannot be written;
 * 2 usage error. The commands are declared in digest-command.ts, which loads this file only
 * when one of them runs.
 */
import type { DateTime } from "luxon";
import { CLI_ACTOR } from "../../commands/access.ts";
import { parse as parseDigest, resolveSince } from "../../commands/digest.ts";
import * as session from "../../commands/session.ts";
import type { CommandDeps } from "../../commands/types.ts";
import { groupPostOf, type StoredDigest } from "../../db/digests.ts";
import { buildDigest } from "../../jobs/index.ts";
import type { Locale } from "../config.ts";
import { buildDigestModel } from "../digest/build.ts";
import { digestDocument } from "../digest/document.ts";
import { digestMarkdown, mentionedUsers } from "../digest/render-markdown.ts";
import { manualRequest } from "../digest/repeat.ts";
import { cliText } from "../i18n/cli.ts";
import { digestCliText } from "../i18n/digest-cli.ts";
import { waitingChannelGate } from "../reminders/channel-gate.ts";
import { formatInstant } from "../slack/render-admin.ts";
import { messageLink } from "../slack/render-task-cutoff.ts";
import { run } from "./admin-run.ts";
import { withDeps } from "./cli-deps.ts";
import { channelLabel, channelNames, userNames } from "./local-names.ts";
import { cliLocale, writeOutput } from "./locale.ts";
import { slackFor } from "./slack-for.ts";

type Lang = { lang?: Locale };
/** The flags of `digest` (see digest-command.ts). */
export type DigestFlags = Lang & {
  since?: string;
  json?: boolean;
  md?: boolean;
  docx?: string;
  post?: boolean;
};

function print(text: string): void {
  process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
}

/** Runs `/session`'s twin on `text` (admin-run.ts `run`), expecting an input of kind `expected`. */
export async function runSession(
  text: string,
  expected: session.SessionInput["kind"],
  o: Lang,
): Promise<void> {
  await run(session.sessionCommand, text, expected, o);
}

/**
 * `digest --since TEXT` read as `/digest since TEXT` reads it: the UTC instant the period starts
 * at, "invalid_date" for a date's shape naming no day of the calendar ("31.02.2027", told as
 * every command tells it), "not_date" for a text that names no day, or "future" for a day still
 * to come.
 */
export function readSince(
  text: string,
  zone: string,
  now: DateTime,
): string | "not_date" | "invalid_date" | "future" {
  const read = parseDigest(`since ${text}`);
  if (read.kind === "invalid" && read.reason === "invalid_date") return "invalid_date";
  if (read.kind !== "request" || !read.since) return "not_date";
  const resolved = resolveSince(read.since, zone, now);
  return resolved === "bad_date" ? "not_date" : resolved;
}

/** `session list --json`: the coming sessions as `/session list` reads them, as JSON on stdout. */
export async function sessionListJson(lang: Locale | undefined): Promise<void> {
  await withDeps(
    async (deps) => print(JSON.stringify(await session.sessionListData(deps), null, 2)),
    lang,
  );
}

/**
 * `digest [--since] [--json | --md | --docx FILE] [--post]` once its flags are checked (see
 * the file's comment): builds the digest now and prints, writes or posts it.
 */
export async function digest(o: DigestFlags): Promise<void> {
  await withDeps(async (deps) => {
    const locale = cliLocale(o.lang, deps.config);
    const t = cliText(locale).digest;
    const now = deps.clock.now();
    let since: string | null = null;
    if (o.since !== undefined) {
      const read = readSince(o.since, deps.config.timezone, now);
      if (read === "not_date" || read === "invalid_date" || read === "future") {
        const said = { future: t.badSince, invalid_date: t.invalidDate, not_date: t.notDate }[read];
        process.stderr.write(`${said(o.since)}\n`);
        process.exitCode = 2;
        return;
      }
      since = read;
    }
    if (o.post) {
      process.exitCode = (await post(deps, since, locale)) ? 0 : 1;
      return;
    }
    const model = await buildDigestModel(deps.db, { now, zone: deps.config.timezone, since });
    const doc = digestDocument(model, { locale, zone: deps.config.timezone, variant: "digest" });
    if (o.json) return print(JSON.stringify(model, null, 2));
    if (o.docx === undefined) {
      // People and channels as Slack shows them (`@darba.grupa`, `#darba-grupa`), not their IDs.
      const [users, channels] = await Promise.all([
        userNames(deps.config, mentionedUsers(doc)),
        channelNames(deps.config, doc),
      ]);
      return print(digestMarkdown(doc, { users, channels }));
    }
    // The chart and DOCX libraries load only when asked for (not in every CLI run or `serve`).
    const [{ renderStatusChart }, { renderDigestDocx }] = await Promise.all([
      import("../digest/chart.ts"),
      import("../digest/render-docx.ts"),
    ]);
    const chart = await renderStatusChart(model.institutions, locale, model.cutoff?.title ?? null);
    const unwritten = await writeOutput(
      o.docx,
      await renderDigestDocx(doc, model, locale, chart),
      locale,
    );
    if (unwritten) {
      process.stderr.write(`${unwritten}\n`);
      process.exitCode = 1;
      return;
    }
    process.stderr.write(`${t.written(o.docx)}\n`);
  }, o.lang);
}

/**
 * Stores and posts a digest through the job's own processor (idempotent by its key). A request
 * repeating a digest (the repeat rule, `manualRequest` in src/digest/repeat.ts: one for the
 * working group built within the minute, for the same window and cut-off, nothing new since)
 * posts nothing new, as `/digest` refuses one: it names that digest (posted: #N, when, link;
 * else on its way) on stderr and counts as done. One this CLI asked for whose delivery failed is
 * delivered again, under its own key, where it stopped.
 */
async function post(deps: CommandDeps, since: string | null, locale: Locale): Promise<boolean> {
  const t = cliText(locale).digest;
  const channel = deps.config.workgroupChannelId;
  if (!channel) {
    process.stderr.write(`${t.noChannel}\n`);
    return false;
  }
  const now = deps.clock.now();
  const at = now.toUTC().toISO() ?? "";
  const label = channelLabel(channel, await channelNames(deps.config, channel));
  const { repeat, cutoffId } = await manualRequest(deps.db, since, now);
  if (repeat && (repeat.postedAt || repeat.requestedBy !== CLI_ACTOR)) {
    process.stderr.write(`${await repeatText(deps, repeat, label, locale)}\n`);
    return true;
  }
  const slack = await slackFor(deps.config);
  const data: buildDigest.Data = {
    key: repeat?.requestKey ?? buildDigest.manualKey(CLI_ACTOR, at),
    kind: "manual",
    at,
    requestedBy: CLI_ACTOR,
    since,
    aboutCutoffId: cutoffId,
  };
  const result = await buildDigest.process(data, { ...deps, slack, gate: waitingChannelGate() });
  print(result === "posted" ? t.posted(label) : result);
  return result === "posted";
}

/**
 * What a repeat says: the digest (asked by hand, or the automatic one after a cut-off) posted
 * (#N, when, its link) or on its way to `channel`, that nothing new was stored since, and how to
 * have a new one anyway.
 */
async function repeatText(
  deps: CommandDeps,
  repeat: StoredDigest,
  channel: string,
  locale: Locale,
): Promise<string> {
  const t = digestCliText(locale);
  const when = (iso: string) => formatInstant(iso, deps.config.timezone, locale);
  const where = await groupPostOf(deps.db, repeat.id);
  const name = t.repeatName(repeat.id, repeat.kind === "cutoff");
  const first = where
    ? t.alreadyPosted(
        name,
        when(repeat.postedAt ?? repeat.builtAt),
        messageLink(where.channelId, where.parentTs),
      )
    : t.alreadyQueued(name, when(repeat.builtAt), channel);
  return `${first}\n${t.rerunHint}`;
}
