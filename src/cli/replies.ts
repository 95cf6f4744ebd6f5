import { migrateToLatest } from "../../db/client.ts";
import { type Cutoff, replyCutoff } from "../../db/cutoffs.ts";
import { listNamedReplies, type NamedReply, type ReplyFile } from "../../db/replies.ts";
import type { Config, Locale } from "../config.ts";
import { replyBody } from "../domain/attribution.ts";
import { type LateMarks, lateMarksOf } from "../domain/late-reply.ts";
import { cliText } from "../i18n/cli.ts";
import { cutoffText } from "../i18n/cutoff.ts";
import { formatInstant, sameMinute } from "../slack/format.ts";
import { decodeSlackEntities, slackPlainText } from "../slack/message-text.ts";
import { systemClock } from "../time.ts";
import { openCliStore } from "./cli-store.ts";
import { cliDefaultCutoff } from "./default-cutoff.ts";
import { userLabel, userNames } from "./local-names.ts";
import { formatInstantSeconds } from "./replies-late.ts";

/**
 * One reply as `replies --json` prints it (the field names are a contract). Times are UTC
 * ISO-8601; `task` null = unassigned. `text` is the text as the person typed it: the store
 * keeps Slack's form, with `&`, `<` and `>` escaped as `&amp;`, `&lt;` and `&gt;` (a thread
 * reply as Slack sent it, a modal reply escaped alike before it is stored), and those three
 * are decoded (`decodeSlackEntities`); Slack's codes (`<@U…>`, `<#C…>`, `<url|label>`) stay.
 */
export interface ReplyJson {
  id: number;
  institution: string;
  task: string | null;
  user: string;
  verified: boolean;
  statusClaim: string | null;
  source: string;
  text: string;
  files: ReplyFile[];
  receivedAt: string;
  /**
   * When the app stored the reply: at or after `receivedAt` (the Slack message's post time),
   * later when it was stored late (a refused "14:" edited into a reply, one the collection job
   * caught up); a digest lists a reply as new by this time.
   */
  storedAt: string;
  /**
   * True when `receivedAt` is later than the cut-off's instant (`receivedLate`), a supplement
   * too (see `supplement`): the reply `/task`, the digest and the annex mark "(pēc ziņošanas
   * termiņa)", or as supplemented.
   */
  late: boolean;
  /**
   * True when `late` and the reply's institution had answered its task in time for this
   * cut-off (an active verified reply at or before its instant, `lateMarksOf`): the reply
   * `/task`, the digest and the annex mark "(papildināts pēc ziņošanas termiņa)". False for a
   * reply under no task.
   */
  supplement: boolean;
  editedAt: string | null;
  withdrawnAt: string | null;
}

/**
 * Prints the replies of a cut-off, a removed one's too (`/cutoff remove` keeps its replies: the
 * heading says it was removed; `--json` prints the same array as for any cut-off). An id no
 * cut-off ever had: message on stderr, exit 1. `cutoffId` undefined: the cut-off `/cutoff plan`
 * takes without a number (`cliDefaultCutoff`: the only live one, else the active one), named in
 * one line on stderr; none to take (no live cut-off, or none active): the reason on stderr, exit 1.
 */
export async function listReplies(
  config: Config,
  cutoffId: number | undefined,
  json: boolean,
  locale: Locale,
): Promise<void> {
  const db = openCliStore(config.databaseUrl);
  try {
    await migrateToLatest(db);
    const id =
      cutoffId ?? (await cliDefaultCutoff({ db, clock: systemClock, config }, locale, "replies"));
    if (id === null) return;
    const found = await replyCutoff(db, id);
    if (!found) {
      process.stderr.write(`${cliText(locale).noCutoff(id)}\n`);
      process.exitCode = 1;
      return;
    }
    const replies = await listNamedReplies(db, id);
    const { cutoff, removed } = found;
    const names = json ? new Map<string, string>() : await authorNames(config, replies);
    const marks = replyMarks(cutoff, replies);
    const out = json
      ? JSON.stringify(
          replies.map((r) => replyJson(r, marks(r))),
          null,
          2,
        )
      : formatReplies(cutoff, replies, config.timezone, locale, names, removed);
    process.stdout.write(`${out}\n`);
  } finally {
    await db.destroy();
  }
}

/**
 * The {@link LateMarks} of the replies of `cutoff` (all of them, `listNamedReplies`: its active
 * verified ones are what answered a task in time), by the digest's rule (`lateMarksOf`). Pure.
 */
export function replyMarks(
  cutoff: Cutoff,
  replies: readonly NamedReply[],
): (r: NamedReply) => LateMarks {
  return lateMarksOf(new Map([[cutoff.id, cutoff.at]]), replies);
}

/** The names of the replies' authors and of the people their texts mention (see userNames). */
async function authorNames(config: Config, replies: NamedReply[]): Promise<Map<string, string>> {
  const mentioned = replies.flatMap((r) => [...r.text.matchAll(MENTION)].map((m) => m[1] ?? ""));
  return userNames(config, [...replies.map((r) => r.userId), ...mentioned]);
}

const MENTION = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g;

/**
 * A reply in the JSON shape of `replies --json`; `marks` its {@link LateMarks} against its
 * cut-off ({@link replyMarks}), giving `late` and `supplement`.
 */
export function replyJson(r: NamedReply, marks: LateMarks): ReplyJson {
  return {
    id: r.id,
    institution: r.institutionCode,
    task: r.taskNumber,
    user: r.userId,
    verified: r.verified,
    statusClaim: r.statusClaim,
    source: r.source,
    text: decodeSlackEntities(r.text),
    files: r.files,
    receivedAt: r.receivedAt,
    storedAt: r.storedAt,
    late: marks.late,
    supplement: marks.supplement === true,
    editedAt: r.editedAt,
    withdrawnAt: r.withdrawnAt,
  };
}

/**
 * The text listing in `locale`: a heading (cut-off, its instant in `zone`, how many replies
 * are current, and how many withdrawn when any: "3 atbildes, 1 atsaukta" / "3 replies, 1
 * withdrawn"),
 * a row of column headings, then one line per reply — institution, task or "unassigned", author
 * (`@name` when `names` knows the user ID, else the ID), verified or not, status claim (its
 * code), received at (in `zone`), a one-line excerpt of the text as the digest and `/task N`
 * show it (`replyBody`: without the prefix naming the task it is filed under), read plainly
 * (`slackPlainText`: entities decoded, mentions as `@name` where `names` knows them, links as
 * "label (url)"; `--json` keeps Slack's codes, see {@link ReplyJson}); edited replies are marked, withdrawn
 * ones marked only (no text, files or status claim, as `/task N history` and the digest show
 * them; `--json` keeps them in full, with `withdrawnAt`). A reply received after the cut-off's
 * instant (`receivedLate`, as `/task`, the digest and the annex judge it) ends with "(pēc ziņošanas
 * termiņa)" / "(after the reporting cut-off)"; a supplement (its institution had answered its
 * task in time, {@link replyMarks}) with "(papildināts pēc ziņošanas termiņa)" / "(supplemented
 * after the reporting cut-off)" instead. Instants as the app writes them everywhere
 * (`formatInstant`: "pirmd. 01.02.2027. 23:59" / "Mon 1 Feb 2027 23:59"), except that a reply
 * received in the cut-off's own minute shows its seconds, and so does the cut-off in the
 * heading ("04:23:10" … "04:23:40"), so which came first is visible.
 * `removed`: the cut-off was removed; the heading ends with "[ziņošanas termiņš noņemts; …]".
 */
export function formatReplies(
  cutoff: Cutoff,
  replies: NamedReply[],
  zone: string,
  locale: Locale,
  names: ReadonlyMap<string, string> = new Map(),
  removed = false,
): string {
  const t = cliText(locale).replies;
  const marks = replyMarks(cutoff, replies);
  const mark = (r: NamedReply) => {
    const m = marks(r);
    return m.supplement ? ` ${t.supplemented}` : m.late ? ` ${t.late}` : "";
  };
  // The app's one date style, as /cutoff and the digest write instants; --json keeps UTC ISO.
  const when = (iso: string) => formatInstant(iso, zone, locale);
  // A reply in the cut-off's minute would read as at the cut-off's time: both get seconds.
  const inCutoffMinute = (iso: string) => sameMinute(iso, cutoff.at, zone);
  const received = (iso: string) =>
    inCutoffMinute(iso) ? formatInstantSeconds(iso, zone, locale) : when(iso);
  const cutoffWhen = replies.some((r) => inCutoffMinute(r.receivedAt))
    ? formatInstantSeconds(cutoff.at, zone, locale)
    : when(cutoff.at);
  // Counted as the digest counts them: the current replies; the withdrawn ones listed apart.
  const withdrawn = replies.filter((r) => r.withdrawnAt !== null).length;
  const heading = t.heading(
    cutoff.id,
    cutoff.title,
    cutoffWhen,
    replies.length - withdrawn,
    withdrawn,
  );
  const head = removed ? `${heading} [${cutoffText(locale).removedMark}]` : heading;
  if (replies.length === 0) return `${head}\n${t.none}`;
  const rows = replies.map((r) => [
    r.institutionCode,
    r.taskNumber ?? t.unassigned,
    userLabel(r.userId, names),
    r.verified ? t.verified : t.unverified,
    (r.withdrawnAt ? null : r.statusClaim) ?? "-",
    received(r.receivedAt),
    // A withdrawn reply: marked, without its text, files or claim, as /task N history and the
    // digest show it (its message was deleted); --json keeps it all.
    (r.withdrawnAt
      ? `${t.withdrawn}${r.editedAt ? ` ${t.edited}` : ""}`
      : `${r.editedAt ? `${t.edited} ` : ""}${oneLine(r, names)}`) + mark(r),
  ]);
  const table = [[...t.columns], ...rows];
  const widths = t.columns.map((_, i) => Math.max(...table.map((row) => width(row[i] ?? ""))));
  const lines = table.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : pad(cell, widths[i] ?? 0)))
      .join("  ")
      .trimEnd(),
  );
  return [head, ...lines].join("\n");
}

/** A cell's width in characters as a terminal shows them (code points, not UTF-16 units). */
function width(cell: string): number {
  return [...cell].length;
}

function pad(cell: string, to: number): string {
  return cell + " ".repeat(Math.max(0, to - width(cell)));
}

/**
 * A reply's text on one line, read plainly (`slackPlainText`: `R&amp;D` → "R&D", `<@U1>` →
 * "@name" by `names`, else its label or ID, `<url|label>` → "label (url)"), cut at 80.
 */
function oneLine(r: NamedReply, names: ReadonlyMap<string, string>): string {
  const text = slackPlainText(replyBody(r.text, r.taskNumber), { users: names })
    .replace(/\s+/g, " ")
    .trim();
  const cut = [...text].length > 80 ? `${[...text].slice(0, 79).join("")}…` : text;
  const files = r.files.length > 0 ? ` [${r.files.map((f) => f.name).join(", ")}]` : "";
  return `${cut}${files}`;
}
