import type { KnownBlock } from "@slack/types";
import type { DateTime } from "luxon";
import {
  findDigest,
  findDigestByKey,
  groupPostOf,
  listDigests,
  type StoredDigest,
} from "../db/digests.ts";
import { jobId, manualKey, manualKeyTime } from "../jobs/build-digest.ts";
import type { Locale } from "../src/config.ts";
import { digestDocument } from "../src/digest/document.ts";
import { digestModel } from "../src/digest/publish.ts";
import { paragraphBlocks, renderDigestParent } from "../src/digest/render-slack.ts";
import { manualRequest } from "../src/digest/repeat.ts";
import { cutoffInstant } from "../src/domain/reminder-plan.ts";
import { digestCommandText } from "../src/i18n/digest.ts";
import { MESSAGE_BLOCKS_MAX } from "../src/slack/block-limits.ts";
import { echoTypedText } from "../src/slack/message-text.ts";
import { contextLine, formatInstant, header, section } from "../src/slack/render-admin.ts";
import { messageLink } from "../src/slack/render-task-cutoff.ts";
import { maySecretary, notice } from "./access.ts";
import { type DateSpec, isHelpWord, leadingDate, readId, resolveDate, tokenize } from "./args.ts";
import { secretaryRefusal } from "./secretary-only.ts";
import type { CommandContext, CommandDeps, Reply, SlashCommand } from "./types.ts";

/**
 * What `/digest <text>` asks for. `since` null: since the previous digest or session.
 * `invalid_date`: a date's shape naming no day ("31.02.2013"); `bad_date`: no date at all.
 */
export type DigestInput =
  | { kind: "help" }
  | { kind: "request"; since: DateSpec | null }
  | { kind: "list" }
  | { kind: "show"; id: number }
  | { kind: "invalid"; reason: "not_understood" | "bad_date" | "invalid_date"; text: string };

/** Reads the text after `/digest`. Pure; never throws. */
export function parse(text: string): DigestInput {
  const tokens = tokenize(text.slice(0, 500));
  const [first = "", ...rest] = tokens;
  const sub = first.toLowerCase();
  if (sub === "") return { kind: "request", since: null };
  if (isHelpWord(sub) && rest.length === 0) return { kind: "help" };
  if (sub === "list" && rest.length === 0) return { kind: "list" };
  if (sub === "show" && rest.length === 1) {
    const id = readId(rest[0]);
    return id ? { kind: "show", id } : { kind: "invalid", reason: "not_understood", text };
  }
  if ((sub === "since" || sub === "kopš" || sub === "kops") && rest.length > 0) {
    const date = leadingDate(rest);
    if (!date.ok && date.error === "invalid_date" && date.input === rest.join(" "))
      return { kind: "invalid", reason: "invalid_date", text: date.input };
    if (!date.ok || date.used !== rest.length)
      return { kind: "invalid", reason: "bad_date", text: rest.join(" ") };
    return { kind: "request", since: date.spec };
  }
  return { kind: "invalid", reason: "not_understood", text: text.trim() };
}

/**
 * Answers `/digest`, for secretaries only (everyone else gets a kind refusal). A request is
 * acknowledged at once and built on the queue (job "build-digest"), then posted to
 * WORKGROUP_CHANNEL_ID, else to the channel it was asked in. `list` and `show` read stored
 * digests. Throws only on store or queue failure.
 */
export async function handle(
  input: DigestInput,
  deps: CommandDeps,
  ctx: CommandContext,
): Promise<Reply> {
  const t = digestCommandText(ctx.locale);
  if (!(await maySecretary(deps, ctx))) return secretaryRefusal(deps, ctx, t.action);
  switch (input.kind) {
    case "help":
      // Titled as the other commands' help is ("Kopsavilkumi: /digest").
      return { blocks: [header(t.listTitle), section(t.usage)], text: t.listTitle, found: true };
    case "invalid": {
      const shown = echoTypedText(input.text, 60);
      // A date it cannot read gets the accepted forms, as the CLI's `digest --since` does.
      if (input.reason === "invalid_date")
        return notice(t.invalidDate(shown), t.dateFormats, false);
      return input.reason === "bad_date"
        ? notice(t.badDate(shown), t.dateFormats, false)
        : notice(t.notUnderstood(shown), t.usageHint, false);
    }
    case "list":
      return list(deps, ctx);
    case "show":
      return show(input.id, deps, ctx);
    case "request":
      return request(input.since, deps, ctx);
  }
}

/**
 * The UTC instant `since` names: the start of that day in `zone`; "bad_date" when it names no
 * day, "future" when it is after `now`.
 */
export function resolveSince(
  since: DateSpec,
  zone: string,
  now: DateTime,
): string | "bad_date" | "future" {
  const date = resolveDate(since, zone, now);
  const start = date ? cutoffInstant(date, { hour: 0, minute: 0 }, zone) : null;
  if (!start?.ok) return "bad_date";
  return start.at > (now.toUTC().toISO() ?? "") ? "future" : start.at;
}

async function request(
  since: DateSpec | null,
  deps: CommandDeps,
  ctx: CommandContext,
): Promise<Reply> {
  const t = digestCommandText(ctx.locale);
  const now = deps.clock.now();
  const sinceIso = since ? resolveSince(since, deps.config.timezone, now) : null;
  if (sinceIso === "bad_date")
    return notice(
      t.badDate(since?.kind === "date" ? since.date : (since?.text ?? "")),
      t.dateFormats,
      false,
    );
  if (sinceIso === "future") return notice(t.future, t.usageHint, false);
  if (!deps.enqueue) return notice(t.noQueue, undefined, false);
  const target = deps.config.workgroupChannelId;
  const where = target && target !== ctx.channelId ? t.inChannel(target) : t.here;
  // The repeat rule (src/digest/repeat.ts), as `digest --post` and the cut-off digest keep it.
  const { repeat, cutoffId } = await manualRequest(deps.db, sinceIso, now);
  if (repeat) {
    const said = await repeatNotice(repeat, where, deps, ctx.locale);
    return notice(said.text, said.hint, true);
  }
  const at = now.toUTC().toISO() ?? "";
  const data = {
    key: manualKey(ctx.userId, at),
    kind: "manual" as const,
    at,
    requestedBy: ctx.userId,
    channelId: ctx.channelId,
    since: sinceIso,
    // The cut-off the repeat check compared: the digest is about it (not looked up again).
    aboutCutoffId: cutoffId,
  };
  const queued = await deps.enqueue("build-digest", data);
  if (queued !== jobId(data)) return alreadyAsked(queued, where, deps, ctx);
  return notice(t.queued(where), undefined, true);
}

/**
 * What a request repeating `digest` (the repeat rule, src/digest/repeat.ts) is told, privately:
 * that digest named (asked by hand, or the automatic one after a cut-off) and when it was posted
 * with its link, or that it is on its way to `where`; that nothing new has been stored since; and
 * (`hint`) how to have a new one anyway. For `/digest` and the App Home's button.
 */
export async function repeatNotice(
  digest: StoredDigest,
  where: string,
  deps: Pick<CommandDeps, "db" | "config">,
  locale: Locale,
): Promise<{ text: string; hint: string }> {
  const t = digestCommandText(locale);
  const post = await groupPostOf(deps.db, digest.id);
  const when = (iso: string) => formatInstant(iso, deps.config.timezone, locale);
  const name = t.repeatName(digest.id, digest.kind === "cutoff");
  const text = post
    ? t.repeatPosted(
        name,
        when(digest.postedAt ?? digest.builtAt),
        messageLink(post.channelId, post.parentTs),
      )
    : t.repeatOnItsWay(name, when(digest.builtAt), where);
  return { text, hint: t.rerunHint };
}

/**
 * The answer to a request made while another for the same window is still on the queue (it
 * returned the first job's id `queuedId`): the digest already posted, with a link, or still being
 * prepared since when.
 */
async function alreadyAsked(
  queuedId: string,
  where: string,
  deps: CommandDeps,
  ctx: CommandContext,
): Promise<Reply> {
  const t = digestCommandText(ctx.locale);
  const key = queuedId.replace(/^digest-/u, "");
  const digest = await findDigestByKey(deps.db, key);
  const post = digest?.postedAt ? await groupPostOf(deps.db, digest.id) : undefined;
  const when = (iso: string | null | undefined) =>
    iso ? formatInstant(iso, deps.config.timezone, ctx.locale) : "";
  if (digest && post)
    return notice(
      t.alreadyPosted(digest.id, when(digest.postedAt), messageLink(post.channelId, post.parentTs)),
      t.rerunHint,
      true,
    );
  return notice(t.alreadyQueued(when(manualKeyTime(key)), where), t.rerunHint, true);
}

async function list(deps: CommandDeps, ctx: CommandContext): Promise<Reply> {
  const t = digestCommandText(ctx.locale);
  const zone = deps.config.timezone;
  const digests = await listDigests(deps.db, 30);
  if (digests.length === 0) return notice(t.noDigests, undefined, true);
  const lines = digests.map((d) =>
    t.listItem(
      d.id,
      formatInstant(d.builtAt, zone, ctx.locale),
      t.kinds[d.kind] ?? d.kind,
      d.postedAt ? t.posted(formatInstant(d.postedAt, zone, ctx.locale)) : t.notPosted,
    ),
  );
  return {
    blocks: [section([t.listHeading, ...lines].join("\n"))],
    text: t.listTitle,
    found: true,
  };
}

/** A stored digest in the caller's language: the parent and as much of the thread as fits 50 blocks. */
async function show(id: number, deps: CommandDeps, ctx: CommandContext): Promise<Reply> {
  const t = digestCommandText(ctx.locale);
  const digest = await findDigest(deps.db, id);
  if (!digest) return notice(t.notFound(id), t.listHint, false);
  const variant = digest.kind === "cutoff" ? "cutoff" : "digest";
  const doc = digestDocument(digestModel(digest), {
    locale: ctx.locale,
    zone: deps.config.timezone,
    variant,
    id,
  });
  const parent = renderDigestParent(doc, ctx.locale);
  const blocks: KnownBlock[] = [...parent.blocks];
  const budget = MESSAGE_BLOCKS_MAX - 1;
  for (const part of doc.sections) {
    const body = [header(part.heading), ...paragraphBlocks(part.paragraphs)];
    if (blocks.length + body.length > budget) {
      blocks.push(contextLine(t.listHint));
      break;
    }
    blocks.push({ type: "divider" }, ...body);
  }
  return { blocks: blocks.slice(0, MESSAGE_BLOCKS_MAX), text: parent.text, found: true };
}

/** `/digest`: the working group's digest (secretaries only). */
export const digestCommand: SlashCommand<DigestInput> = { name: "/digest", parse, handle };
