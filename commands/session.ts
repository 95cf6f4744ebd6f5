import type { KnownBlock } from "@slack/types";
import { DateTime } from "luxon";
import { recordAudit } from "../db/audit.ts";
import { lockForWrite } from "../db/client.ts";
import { currentProgramme } from "../db/programmes.ts";
import {
  findSession,
  findSessionAt,
  insertSession,
  listSessions,
  removeSession,
  type Session,
} from "../db/sessions.ts";
import { digestDraftAt } from "../src/domain/digest-plan.ts";
import { cutoffInstant } from "../src/domain/reminder-plan.ts";
import { sessionText } from "../src/i18n/session.ts";
import { escapeMrkdwn, truncateText } from "../src/slack/fit.ts";
import { echoTypedText } from "../src/slack/message-text.ts";
import { contextLine, formatDay, formatInstant, section } from "../src/slack/render-admin.ts";
import { epochMs } from "../src/time.ts";
import { maySecretary, notice, plain, replanNote, replanSafely } from "./access.ts";
import { ADMIN_ARG_MAX, resolveDate } from "./args.ts";
import { nonWorkingDayWords } from "./cutoff-day.ts";
import { secretaryRefusal } from "./secretary-only.ts";
import {
  parse,
  SESSION_TITLE_MAX,
  type SessionInput,
  type SessionMistake,
} from "./session-parse.ts";
import type { CommandContext, CommandDeps, Reply, SlashCommand } from "./types.ts";

export { parse, type SessionInput, type SessionMistake } from "./session-parse.ts";

/** Most sessions `/session list` shows. */
const LIST_MAX = 20;

type AddInput = Extract<SessionInput, { kind: "add" }>;

/**
 * Answers `/session`: help and the list for anyone; adding and removing for secretaries (or
 * the CLI). Changes are audited (entity "session") and re-plan the automatic digests.
 * Throws only on store failure.
 */
export async function handle(
  input: SessionInput,
  deps: CommandDeps,
  ctx: CommandContext,
): Promise<Reply> {
  const t = sessionText(ctx.locale);
  switch (input.kind) {
    case "invalid":
      return mistakeReply(input.mistake, ctx);
    case "help":
    case "list":
      return listReply(deps, ctx, input.kind === "help");
    default:
      if (!(await maySecretary(deps, ctx))) return secretaryRefusal(deps, ctx, t.action);
      return input.kind === "add" ? add(input, deps, ctx) : remove(input.id, deps, ctx);
  }
}

/** The sessions ahead with the instant each one's draft digest goes out (for the CLI's JSON). */
export async function sessionListData(
  deps: CommandDeps,
): Promise<Array<Session & { draftAt: string }>> {
  const now = deps.clock.now().toUTC().toISO() ?? "";
  return (await listSessions(deps.db, now)).map((s) => ({ ...s, draftAt: draftOf(deps, s.at) }));
}

function draftOf(deps: CommandDeps, at: string): string {
  const c = deps.config;
  return digestDraftAt(at, c.digestLeadDays, c.reminderTime, c.timezone);
}

async function listReply(deps: CommandDeps, ctx: CommandContext, help: boolean): Promise<Reply> {
  const t = sessionText(ctx.locale);
  const zone = deps.config.timezone;
  const sessions = (await sessionListData(deps)).slice(0, LIST_MAX);
  const lines = sessions.map((s) =>
    t.item(
      s.id,
      formatInstant(s.at, zone, ctx.locale),
      escapeMrkdwn(s.title),
      // A draft whose time has passed went out then, or at once if the session came later.
      draftPassed(s.draftAt, deps)
        ? t.draftSent
        : t.draftOn(formatInstant(s.draftAt, zone, ctx.locale)),
    ),
  );
  const blocks: KnownBlock[] = [];
  if (help) blocks.push(section(t.usage));
  blocks.push(section(sessions.length > 0 ? [t.listHeading, ...lines].join("\n") : t.none));
  return { blocks, text: t.title, found: true };
}

async function add(input: AddInput, deps: CommandDeps, ctx: CommandContext): Promise<Reply> {
  const t = sessionText(ctx.locale);
  const zone = deps.config.timezone;
  const programme = await currentProgramme(deps.db);
  if (!programme) return notice(t.noProgramme, undefined, false);
  const now = deps.clock.now();
  const date = resolveDate(input.date, zone, now);
  if (!date) return mistakeReply({ reason: "bad_date", input: textOf(input), invalid: false }, ctx);
  const result = cutoffInstant(date, input.time, zone);
  const hhmm = `${String(input.time.hour).padStart(2, "0")}:${String(input.time.minute).padStart(2, "0")}`;
  if (!result.ok) {
    const day = formatDay(date, ctx.locale);
    if (result.error === "nonexistent_time")
      return notice(t.nonexistent(day, hhmm, zone), undefined, false);
    if (result.error === "ambiguous_time")
      return notice(t.ambiguous(day, hhmm, zone), undefined, false);
    return mistakeReply({ reason: "bad_time", input: hhmm }, ctx);
  }
  const nowIso = now.toUTC().toISO() ?? "";
  if (result.at <= nowIso)
    return notice(t.inPast(formatInstant(result.at, zone, ctx.locale)), undefined, false);
  const title = input.title ?? t.defaultTitle;
  // Checked in the transaction that inserts: SQLite runs write transactions one at a time, and
  // on PostgreSQL the transaction first waits for any other session insert to finish, so a
  // double submit cannot add the session twice on either.
  const added = await deps.db.transaction().execute(async (trx) => {
    await lockForWrite(trx, "sessions");
    const twin = await findSessionAt(trx, programme.id, result.at);
    if (twin) return { twin, session: undefined };
    const row = await insertSession(trx, {
      programmeId: programme.id,
      at: result.at,
      title,
      createdBy: ctx.userId,
      createdAt: nowIso,
    });
    await recordAudit(trx, [audit(ctx, nowIso, row.id, "create", null, { at: row.at, title })]);
    return { twin: undefined, session: row };
  });
  const { twin, session } = added;
  if (twin) {
    const when = formatInstant(twin.at, zone, ctx.locale);
    return notice(
      t.duplicate(twin.id, when, escapeMrkdwn(twin.title)),
      t.duplicateHint(twin.id),
      false,
    );
  }
  if (!session) throw new Error("session neither added nor found");
  const outcome = await replanSafely(deps);
  const when = formatInstant(session.at, zone, ctx.locale);
  const text = t.added(session.id, when, escapeMrkdwn(title));
  // A weekend or public holiday may be meant (an away day): kept, but said (cutoff-day.ts).
  const off = nonWorkingDayWords(
    DateTime.fromISO(session.at).setZone(zone).toISODate() ?? "",
    ctx.locale,
  );
  const note = off ? `\n${t.nonWorkingDay(off.full, off.what)}` : "";
  const blocks: KnownBlock[] = [
    section(`${text}${note}\n${draftLine(draftOf(deps, session.at), deps, ctx)}`),
    contextLine([t.listHint, replanNote(outcome, ctx.locale)].filter(Boolean).join(" · ")),
  ];
  return { blocks, text: plain(text), found: true };
}

/** When the new session's draft goes out: at its time, or at once when that has passed. */
function draftLine(draftAt: string, deps: CommandDeps, ctx: CommandContext): string {
  const t = sessionText(ctx.locale);
  const when = formatInstant(draftAt, deps.config.timezone, ctx.locale);
  return draftPassed(draftAt, deps) ? t.draftNow(when) : t.draftAt(when);
}

/** Whether a draft's time (UTC ISO) has come: the planner then sends it at once. */
function draftPassed(draftAt: string, deps: CommandDeps): boolean {
  return Date.parse(draftAt) <= epochMs(deps.clock);
}

function textOf(input: AddInput): string {
  return input.date.kind === "relative" ? input.date.text : input.date.date;
}

async function remove(id: number, deps: CommandDeps, ctx: CommandContext): Promise<Reply> {
  const t = sessionText(ctx.locale);
  const session = await findSession(deps.db, id);
  if (!session) return notice(t.notFound(id), t.listHint, false);
  const nowIso = deps.clock.now().toUTC().toISO() ?? "";
  await deps.db.transaction().execute(async (trx) => {
    await removeSession(trx, id, nowIso);
    const before = { at: session.at, title: session.title };
    await recordAudit(trx, [audit(ctx, nowIso, id, "delete", before, null)]);
  });
  const outcome = await replanSafely(deps);
  const when = formatInstant(session.at, deps.config.timezone, ctx.locale);
  return notice(
    t.removed(id, when, escapeMrkdwn(session.title)),
    replanNote(outcome, ctx.locale),
    true,
  );
}

function audit(
  ctx: CommandContext,
  at: string,
  id: number,
  action: "create" | "delete",
  before: unknown,
  after: unknown,
) {
  const entity = "session" as const;
  return {
    at,
    actor: ctx.userId,
    entity,
    entityKey: String(id),
    action,
    field: null,
    before,
    after,
  };
}

/** A kind answer to a mistake in `/session` text. */
export function mistakeReply(m: SessionMistake, ctx: CommandContext): Reply {
  const t = sessionText(ctx.locale);
  const shown = (s: string) => echoTypedText(s, 60);
  const text = (() => {
    switch (m.reason) {
      case "too_long":
        return t.tooLong(m.length, ADMIN_ARG_MAX);
      case "not_understood":
        return t.notUnderstood(shown(m.text));
      case "missing_date":
        return t.missingDate;
      case "bad_date":
        return m.invalid ? t.invalidDate(shown(m.input)) : t.badDate(shown(m.input));
      case "missing_time":
        return t.missingTime;
      case "bad_time":
        return t.badTime(shown(m.input));
      case "time_after_title":
        return t.timeAfterTitle(shown(m.input), escapeMrkdwn(truncateText(m.example, 200)));
      case "title_too_long":
        return t.titleTooLong(m.length, SESSION_TITLE_MAX);
      case "missing_id":
        return t.missingId;
      case "bad_id":
        return t.badId(shown(m.input));
      case "extra":
        return t.extra(shown(m.text));
    }
  })();
  return notice(text, m.reason === "bad_date" ? t.dateFormats : t.usageHint, false);
}

/** `/session`: working-group sessions. Changes are for secretaries only. */
export const sessionCommand: SlashCommand<SessionInput> = { name: "/session", parse, handle };
