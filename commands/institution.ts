import { type AuditEntry, recordAudit } from "../db/audit.ts";
import {
  contactEntries,
  getMapping,
  type InstitutionMapping,
  listMappings,
  setAway,
  setMapping,
} from "../db/contacts.ts";
import { findInstitution, insertInstitution, listInstitutions } from "../db/institutions.ts";
import { lastFailedDelivery } from "../db/reminders.ts";
import type { Institution } from "../src/domain/types.ts";
import { institutionText } from "../src/i18n/institution.ts";
import { availableContacts } from "../src/reminders/compose.ts";
import { escapeMrkdwn, truncateText } from "../src/slack/fit.ts";
import { echoTypedText } from "../src/slack/message-text.ts";
import { formatDay, formatInstant } from "../src/slack/render-admin.ts";
import { renderInstitutionHelp, renderMapping } from "../src/slack/render-institution.ts";
import { CLI_ACTOR, maySecretary, notice, refusal, replanNote, replanSafely } from "./access.ts";
import { ADMIN_ARG_MAX, type DateSpec, resolveDate } from "./args.ts";
import { type ChannelCheck, checkChannel } from "./institution-channel.ts";
import {
  type InstitutionInput,
  type InstitutionMistake,
  MAX_CONTACTS,
  NAME_MAX,
  parse,
} from "./institution-parse.ts";
import { userProblems } from "./institution-user.ts";
import type { CommandContext, CommandDeps, Reply, SlashCommand } from "./types.ts";

/** The parser and its types, so `/institution` is one import away. */
export { type InstitutionInput, type InstitutionMistake, parse } from "./institution-parse.ts";

/**
 * Answers `/institution`. Anyone may see the help list and a mapping; only a secretary (or the
 * CLI) may set a mapping, mark a contact away or add an institution. Every change is audited
 * (entities "mapping" and "institution") and re-plans the reminders (never failing on Redis).
 * Throws only on store failure.
 */
export async function handle(
  input: InstitutionInput,
  deps: CommandDeps,
  ctx: CommandContext,
): Promise<Reply> {
  const t = institutionText(ctx.locale);
  switch (input.kind) {
    case "invalid":
      return mistakeReply(input.mistake, ctx);
    case "help": {
      const mappings = await listMappings(deps.db);
      const blocks = renderInstitutionHelp(
        mappings,
        ctx.locale,
        await channelProblems(mappings, deps),
      );
      return { blocks, text: t.title, found: true };
    }
    case "show":
      return show(input.query, deps, ctx);
    default:
      if (!(await maySecretary(deps, ctx))) return refusal(deps, ctx, "mapping");
      if (input.kind === "set") return set(input, deps, ctx);
      if (input.kind === "away") return away(input.userId, input.until, deps, ctx);
      return add(input.code, input.name, deps, ctx);
  }
}

function today(deps: CommandDeps): string {
  return deps.clock.now().setZone(deps.config.timezone).toISODate() ?? "";
}

function nowIso(deps: CommandDeps): string {
  return deps.clock.now().toUTC().toISO() ?? "";
}

async function unknown(query: string, deps: CommandDeps, ctx: CommandContext): Promise<Reply> {
  const t = institutionText(ctx.locale);
  const codes = (await listInstitutions(deps.db)).map((i) => i.code).join(", ");
  return notice(t.unknown(echoTypedText(query, 60)), t.known(codes), false);
}

async function show(query: string, deps: CommandDeps, ctx: CommandContext): Promise<Reply> {
  const institution = await findInstitution(deps.db, query);
  const mapping = institution && (await getMapping(deps.db, institution.id));
  if (!institution || !mapping) return unknown(query, deps, ctx);
  const problem = await deliveryProblem(mapping, deps, ctx);
  return {
    // The CLI's operator may change it: "(secretary only)" would puzzle there.
    blocks: renderMapping(
      mapping,
      institution.aliases,
      today(deps),
      ctx.locale,
      problem,
      ctx.userId !== CLI_ACTOR,
    ),
    text: `${escapeMrkdwn(institution.code)} – ${escapeMrkdwn(institution.name)}`,
    found: true,
  };
}

async function set(
  input: Extract<InstitutionInput, { kind: "set" }>,
  deps: CommandDeps,
  ctx: CommandContext,
): Promise<Reply> {
  const t = institutionText(ctx.locale);
  const institution = await findInstitution(deps.db, input.query);
  if (!institution) return unknown(input.query, deps, ctx);
  const at = nowIso(deps);
  // No contact named: the contacts stay (order and away dates too); only --no-contacts clears them.
  const kept = await deps.db.transaction().execute(async (trx) => {
    const before = await getMapping(trx, institution.id);
    const previous = before?.contacts.map((c) => c.userId) ?? [];
    const userIds = input.userIds ?? previous;
    await setMapping(trx, institution.id, input.channelId, userIds, at);
    const base = { at, actor: ctx.userId, entity: "mapping", entityKey: institution.code } as const;
    const entries: AuditEntry[] = [
      {
        ...base,
        action: "update",
        field: "channel",
        before: before?.channelId ?? null,
        after: input.channelId,
      },
    ];
    if (input.userIds !== null)
      entries.push({
        ...base,
        action: "update",
        field: "contacts",
        before: previous,
        after: input.userIds,
      });
    await recordAudit(trx, entries);
    return previous;
  });
  const outcome = await replanSafely(deps);
  const userIds = input.userIds ?? kept;
  const contacts = userIds.map((id) => `<@${id}>`).join(", ");
  const channel = `<#${input.channelId}>`;
  const code = escapeMrkdwn(institution.code);
  const name = escapeMrkdwn(institution.name);
  const text =
    input.userIds === null
      ? t.mappedKeptContacts(code, name, channel, contacts)
      : userIds.length === 0
        ? t.mappedNoContacts(code, name, channel)
        : t.mapped(code, name, channel, contacts);
  // Saved first: Slack's answers only add warnings, they never lose the secretary's command.
  const [channelCheck, people] = await Promise.all([
    checkChannel(deps.slack, input.channelId),
    userProblems(deps.slack, input.userIds ?? []),
  ]);
  const warnings = [channelWarning(channelCheck, channel, t), ...contactWarnings(people, t)];
  const lines = [text, ...warnings.filter((w): w is string => w !== null)];
  return notice(lines.join("\n"), replanNote(outcome, ctx.locale), true);
}

/**
 * The warnings for what Slack said about the contacts just named (one per person; one line for
 * any number unchecked), as {@link channelWarning} words the channel's.
 */
function contactWarnings(
  problems: Awaited<ReturnType<typeof userProblems>>,
  t: ReturnType<typeof institutionText>,
): string[] {
  const lines: string[] = [];
  for (const { userId, check } of problems) {
    const who = `<@${userId}>`;
    if (check === "not_found") lines.push(t.contactNotFound(who));
    else if (check === "deactivated") lines.push(t.contactDeactivated(who));
    else if (check === "bot") lines.push(t.contactBot(who));
  }
  if (problems.some((p) => p.check === "unchecked")) lines.push(t.contactsUnchecked);
  return lines;
}

/** The warning for what Slack said about a newly mapped channel; null when all is well or unasked. */
function channelWarning(
  check: ChannelCheck | null,
  channel: string,
  t: ReturnType<typeof institutionText>,
): string | null {
  switch (check) {
    case "not_found":
      return t.channelNotFound(channel);
    case "not_member":
      return t.channelNotMember(channel);
    case "archived":
      return t.channelArchived(channel);
    case "unchecked":
      return t.channelUnchecked(channel);
    default:
      return null;
  }
}

/**
 * Institution ID → why the last reminder tried in its present channel could not be sent (the
 * reminders table's `detail`: "not_in_channel", "channel_not_found", …), for the mapped
 * institutions whose latest reminder failed there; as {@link deliveryProblem} decides, without
 * asking Slack about the channel now.
 */
async function channelProblems(
  mappings: readonly InstitutionMapping[],
  deps: CommandDeps,
): Promise<Map<number, string>> {
  const problems = new Map<number, string>();
  for (const m of mappings) {
    if (!m.channelId) continue;
    const failed = await lastFailedDelivery(deps.db, m.institutionId);
    if (failed && failed.channelId === m.channelId)
      problems.set(m.institutionId, failed.detail ?? "");
  }
  return problems;
}

/**
 * The last delivery problem of the institution's reminders to its present channel, in words
 * with what to do; when Slack now says the app can post there, that too. Null when the latest
 * reminder tried was sent (or none was).
 */
async function deliveryProblem(
  mapping: InstitutionMapping,
  deps: CommandDeps,
  ctx: CommandContext,
): Promise<string | null> {
  const failed = await lastFailedDelivery(deps.db, mapping.institutionId);
  // A failure to another channel (or before any channel) is not this mapping's problem.
  if (!failed || failed.channelId !== mapping.channelId) return null;
  const t = institutionText(ctx.locale);
  const reason = failed.detail ?? "";
  const when = formatInstant(failed.scheduledAt, deps.config.timezone, ctx.locale);
  const lines = [t.lastProblem(when, reason)];
  const now = mapping.channelId ? await checkChannel(deps.slack, mapping.channelId) : null;
  lines.push(now === "ok" ? t.problemNowOk : t.problemAdvice(escapeMrkdwn(mapping.code), reason));
  return lines.join(" ");
}

async function away(
  userId: string,
  until: DateSpec | null,
  deps: CommandDeps,
  ctx: CommandContext,
): Promise<Reply> {
  const t = institutionText(ctx.locale);
  const who = `<@${userId}>`;
  const date = until && resolveDate(until, deps.config.timezone, deps.clock.now());
  if (until && !date) return mistakeReply(dateMistake(until), ctx);
  if (date && date < today(deps))
    return notice(t.awayPast(formatDay(date, ctx.locale)), undefined, false);
  const entries = await contactEntries(deps.db, userId);
  if (entries.length === 0) return notice(t.notAContact(who), t.notAContactHint, false);
  const at = nowIso(deps);
  await deps.db.transaction().execute(async (trx) => {
    await setAway(trx, userId, date ?? null);
    await recordAudit(
      trx,
      entries.map(
        (e): AuditEntry => ({
          at,
          actor: ctx.userId,
          entity: "mapping",
          entityKey: e.code,
          action: "update",
          field: `away_until:${userId}`,
          before: e.awayUntil,
          after: date ?? null,
        }),
      ),
    );
  });
  const outcome = await replanSafely(deps);
  const codes = entries.map((e) => escapeMrkdwn(e.code)).join(", ");
  let text = t.back(who, codes);
  if (date) {
    // Only the true one: the others are mentioned where there are others, nobody where not.
    const alone = await institutionsLeftWithoutContacts(deps, entries, today(deps));
    const others = entries.filter((e) => !alone.includes(e.code));
    const day = formatDay(date, ctx.locale);
    text =
      others.length > 0
        ? t.away(who, day, others.map((e) => escapeMrkdwn(e.code)).join(", "))
        : t.awayAlone(who, day);
    if (alone.length > 0) text += `\n${t.nobodyLeft(alone.map(escapeMrkdwn).join(", "))}`;
  }
  return notice(text, replanNote(outcome, ctx.locale), true);
}

/** Codes of the institutions among `entries` whose reminders would mention nobody on `day` (Riga ISO date). */
async function institutionsLeftWithoutContacts(
  deps: CommandDeps,
  entries: Array<{ institutionId: number; code: string }>,
  day: string,
): Promise<string[]> {
  const alone: string[] = [];
  for (const e of entries) {
    const mapping = await getMapping(deps.db, e.institutionId);
    if (mapping && availableContacts(mapping, day).length === 0) alone.push(e.code);
  }
  return alone;
}

function dateMistake(spec: DateSpec): InstitutionMistake {
  const input = spec.kind === "relative" ? spec.text : spec.date;
  return { reason: "bad_date", input, error: "unrecognised_date" };
}

/** The institution whose code or alias equals `code` ignoring case (so "gp" clashes with GP). */
function clash(code: string, all: readonly Institution[]): Institution | undefined {
  const key = code.toLocaleLowerCase("lv");
  return all.find((i) =>
    [i.code, ...i.aliases].some((name) => name.toLocaleLowerCase("lv") === key),
  );
}

async function add(
  code: string,
  name: string,
  deps: CommandDeps,
  ctx: CommandContext,
): Promise<Reply> {
  const t = institutionText(ctx.locale);
  const taken = clash(code, await listInstitutions(deps.db));
  if (taken) {
    const text = t.codeTaken(
      escapeMrkdwn(code),
      escapeMrkdwn(taken.code),
      escapeMrkdwn(taken.name),
    );
    return notice(text, t.codeTakenHint(escapeMrkdwn(taken.code)), false);
  }
  const at = nowIso(deps);
  await deps.db.transaction().execute(async (trx) => {
    await insertInstitution(trx, { code, name, aliases: [], createdAt: at });
    await recordAudit(trx, [
      {
        at,
        actor: ctx.userId,
        entity: "institution",
        entityKey: code,
        action: "create",
        field: null,
        before: null,
        after: { code, name },
      },
    ]);
  });
  return notice(
    t.added(escapeMrkdwn(code), escapeMrkdwn(name)),
    t.addedHint(escapeMrkdwn(code)),
    true,
  );
}

function mistakeReply(mistake: InstitutionMistake, ctx: CommandContext): Reply {
  const t = institutionText(ctx.locale);
  const shown = (s: string) => escapeMrkdwn(truncateText(s, 60));
  const hint = mistake.reason === "bad_date" ? t.dateFormats : t.usageHint;
  return notice(mistakeText(mistake, t, shown), hint, false);
}

function mistakeText(
  m: InstitutionMistake,
  t: ReturnType<typeof institutionText>,
  shown: (s: string) => string,
): string {
  switch (m.reason) {
    case "too_long":
      return t.tooLong(m.length, ADMIN_ARG_MAX);
    case "missing_code":
      return t.missingCode(m.sub);
    case "missing_channel":
      return t.missingChannel(shown(m.query), m.noContacts);
    case "bad_channel":
      return m.problem === "not_linked"
        ? t.channelNotLinked(shown(m.token))
        : t.notAChannel(shown(m.token));
    case "bad_user":
      return m.problem === "not_linked"
        ? t.userNotLinked(shown(m.token))
        : t.notAUser(shown(m.token));
    case "too_many_contacts":
      return t.tooManyContacts(m.count, MAX_CONTACTS);
    case "contacts_and_none":
      return t.contactsAndNone;
    case "missing_user":
      return t.missingUser;
    case "missing_date":
      return t.missingDate;
    case "bad_date":
      return m.error === "invalid_date" ? t.invalidDate(shown(m.input)) : t.badDate(shown(m.input));
    case "bad_code":
      return t.badCode(shown(m.code));
    case "missing_name":
      return t.missingName(shown(m.code));
    case "name_too_long":
      return t.nameTooLong(m.length, NAME_MAX);
  }
}

/** `/institution`: see and change how institutions are mapped to Slack. */
export const institutionCommand: SlashCommand<InstitutionInput> = {
  name: "/institution",
  parse,
  handle,
};
