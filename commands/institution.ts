/**
 * `/institution`: the help list, one mapping, and the secretary's changes (set, away, add). What
 * Slack says about channels and contacts is worded in institution-warnings.ts, mistakes in the
 * text answered in institution-mistake.ts.
 */
import { type AuditEntry, recordAudit } from "../db/audit.ts";
import { contactEntries, getMapping, listMappings, setAway, setMapping } from "../db/contacts.ts";
import {
  findInstitution,
  findInstitutionOrName,
  insertInstitution,
  listInstitutions,
} from "../db/institutions.ts";
import type { Institution } from "../src/domain/types.ts";
import { institutionText } from "../src/i18n/institution.ts";
import { availableContacts } from "../src/reminders/compose.ts";
import { escapeMrkdwn } from "../src/slack/fit.ts";
import { echoTypedText } from "../src/slack/message-text.ts";
import { formatDay } from "../src/slack/render-admin.ts";
import { renderInstitutionHelp, renderMapping } from "../src/slack/render-institution.ts";
import { CLI_ACTOR, maySecretary, notice, refusal, replanNote, replanSafely } from "./access.ts";
import { type DateSpec, resolveDate } from "./args.ts";
import { checkAndRecordChannel } from "./institution-channel.ts";
import {
  dateMistake,
  inChange,
  knownStart,
  mistakeReply,
  withKnownCode,
} from "./institution-mistake.ts";
import { type InstitutionInput, parse } from "./institution-parse.ts";
import { userProblems } from "./institution-user.ts";
import {
  channelProblems,
  channelWarning,
  contactWarnings,
  deliveryProblem,
  failedBeforeSet,
} from "./institution-warnings.ts";
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
      // A mistake in set/away/add: only the secretary may change anything, so anyone else is
      // refused before the institutions are read to explain it.
      if (inChange(input.mistake) && !(await maySecretary(deps, ctx)))
        return refusal(deps, ctx, "mapping");
      return mistakeReply(await withKnownCode(input.mistake, deps.db), ctx);
    case "help":
    case "list": {
      // "list" is only the list (README: "/institution list" → every institution); "" and
      // "help" put the usage before it.
      const mappings = await listMappings(deps.db);
      const blocks = renderInstitutionHelp(
        mappings,
        ctx.locale,
        await channelProblems(mappings, deps),
        input.kind === "help",
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

/** `/institution <code>`: the one named as `/task` and `/calendar` name it (code, alias, name). */
async function show(query: string, deps: CommandDeps, ctx: CommandContext): Promise<Reply> {
  const institution = await findInstitutionOrName(deps.db, query);
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
  if (!institution) {
    // "set TM anna #kanāls": TM is an institution, "anna" (before the channel) is no part of it.
    const known = await knownStart(deps.db, input.query);
    if (!known) return unknown(input.query, deps, ctx);
    const people = (input.userIds ?? []).map((id) => `<@${id}>`);
    const channel = `<#${input.channelId}>`;
    const seen = { code: known.code, channel, people, other: known.rest };
    return mistakeReply({ reason: "set_words", seen }, ctx);
  }
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
    checkAndRecordChannel(deps, input.channelId, at),
    userProblems(deps.slack, input.userIds ?? []),
  ]);
  const warnings = [
    channelWarning(channelCheck, channel, t),
    await failedBeforeSet(institution.id, channelCheck, deps, ctx),
    ...contactWarnings(people, t),
  ];
  const lines = [text, ...warnings.filter((w): w is string => w !== null)];
  return notice(lines.join("\n"), replanNote(outcome, ctx.locale), true);
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
    if (alone.length > 0) text += `\n${t.nobodyLeft(alone.map(escapeMrkdwn))}`;
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

/** `/institution`: see and change how institutions are mapped to Slack. */
export const institutionCommand: SlashCommand<InstitutionInput> = {
  name: "/institution",
  parse,
  handle,
};
