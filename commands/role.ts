import { DateTime } from "luxon";
import { recordAudit } from "../db/audit.ts";
import { grantRole, listRoles, revokeRole } from "../db/roles.ts";
import { type Config, LOCAL_USER_ID } from "../src/config.ts";
import { roleText } from "../src/i18n/role.ts";
import { echoTypedText } from "../src/slack/message-text.ts";
import { contextLine, formatDay, header, section } from "../src/slack/render-admin.ts";
import { dateIn } from "../src/time.ts";
import { CLI_ACTOR, maySecretary, notice, plain, refusal, secretaryIds } from "./access.ts";
import {
  ADMIN_ARG_MAX,
  isHelpWord,
  type RefProblem,
  readUser,
  tokenize,
  unescapeSlack,
} from "./args.ts";
import { checkUser, type UserCheck } from "./institution-user.ts";
import type { CommandContext, CommandDeps, Reply, SlashCommand } from "./types.ts";

/** The roles `/role` grants, with the words accepted for each ("secretary", "sekretārs"). */
const ROLE_WORDS = new Set(["secretary", "sekretārs", "sekretāre", "sekretars", "sekretare"]);

/** A typed mistake in `/role` text. */
export type RoleMistake =
  | { reason: "too_long"; length: number }
  | { reason: "missing_user" }
  | { reason: "bad_user"; token: string; problem: RefProblem }
  | { reason: "unknown_role"; role: string }
  | { reason: "not_understood"; text: string };

/** What `/role <text>` asks for. The role is always "secretary" (the only one). */
export type RoleInput =
  | { kind: "help" }
  | { kind: "list" }
  | { kind: "add" | "remove"; userId: string }
  | { kind: "invalid"; mistake: RoleMistake };

/**
 * Reads the text after `/role`. Pure; never throws. "" / "help" → help; "list" → list;
 * "add|remove <@U…|name> [secretary]" (a bare "U…" too; the role may be left out, as it is
 * the only one) → a change; anything else → a typed mistake.
 */
export function parse(text: string): RoleInput {
  // Measured as typed: Slack sends "<" and "&" as "&lt;" and "&amp;".
  const length = unescapeSlack(text).length;
  if (length > ADMIN_ARG_MAX) return invalid({ reason: "too_long", length });
  const [verb = "", target, role, ...rest] = tokenize(text);
  const sub = verb.toLowerCase();
  if (sub === "" || isHelpWord(sub)) return { kind: "help" };
  if (sub === "list" && target === undefined) return { kind: "list" };
  if (sub !== "add" && sub !== "remove") return invalid({ reason: "not_understood", text });
  if (target === undefined) return invalid({ reason: "missing_user" });
  const user = readUser(target);
  if (typeof user === "string")
    return invalid({ reason: "bad_user", token: target, problem: user });
  if (role !== undefined && !ROLE_WORDS.has(role.toLowerCase()))
    return invalid({ reason: "unknown_role", role });
  if (rest.length > 0) return invalid({ reason: "not_understood", text });
  return { kind: sub, userId: user.userId };
}

function invalid(mistake: RoleMistake): RoleInput {
  return { kind: "invalid", mistake };
}

/**
 * Answers `/role`. Anyone may see the help and the list; only a secretary (or the CLI) may
 * add or remove, and those in SECRETARY_USER_IDS cannot be removed by command. Every change
 * is audited (entity "role", key the user ID). Throws only on store failure.
 */
export async function handle(
  input: RoleInput,
  deps: CommandDeps,
  ctx: CommandContext,
): Promise<Reply> {
  const t = roleText(ctx.locale);
  switch (input.kind) {
    case "invalid":
      return notice(mistakeText(input.mistake, ctx), t.usageHint, false);
    case "help":
      return roleList(deps, ctx, true);
    case "list":
      return roleList(deps, ctx, false);
    default:
      if (!(await maySecretary(deps, ctx))) return refusal(deps, ctx, "role");
      return input.kind === "add" ? add(input.userId, deps, ctx) : remove(input.userId, deps, ctx);
  }
}

/**
 * True when the configured secretaries are local mode's default (no SECRETARY_USER_IDS: the
 * local user), not a server setting someone made.
 */
function localDefault(config: Config): boolean {
  const ids = config.secretaryUserIds;
  return config.slack.mode === "local" && ids.length === 1 && ids[0] === LOCAL_USER_ID;
}

async function add(userId: string, deps: CommandDeps, ctx: CommandContext): Promise<Reply> {
  const t = roleText(ctx.locale);
  const who = `<@${userId}>`;
  if (deps.config.secretaryUserIds.includes(userId))
    return notice(
      localDefault(deps.config) ? t.alreadyLocalDefault(who) : t.alreadyConfigured(who),
      undefined,
      true,
    );
  const at = deps.clock.now().toUTC().toISO() ?? "";
  const granted = await deps.db.transaction().execute(async (trx) => {
    const done = await grantRole(trx, userId, "secretary", ctx.userId, at);
    if (done) await recordAudit(trx, [roleAudit(ctx, at, userId, "create", null, "secretary")]);
    return done;
  });
  const said = granted ? t.granted(who) : t.alreadyStored(who);
  // Saved first, as /institution set's contacts: Slack's answer only adds a warning.
  const warning = userWarning(await checkUser(deps.slack, userId), userId, t);
  return notice(warning ? `${said}\n${warning}` : said, undefined, true);
}

/** The warning for what Slack said about a new secretary; null when all is well or unasked. */
function userWarning(
  check: UserCheck | null,
  userId: string,
  t: ReturnType<typeof roleText>,
): string | null {
  const who = `<@${userId}>`;
  switch (check) {
    case "not_found":
      return t.userNotFound(who, userId);
    case "deactivated":
      return t.userDeactivated(who, userId);
    case "bot":
      return t.userBot(who, userId);
    case "unchecked":
      return t.userUnchecked;
    default:
      return null;
  }
}

async function remove(userId: string, deps: CommandDeps, ctx: CommandContext): Promise<Reply> {
  const t = roleText(ctx.locale);
  const who = `<@${userId}>`;
  if (deps.config.secretaryUserIds.includes(userId))
    return notice(
      localDefault(deps.config) ? t.configuredLocalDefault(who) : t.configured(who),
      undefined,
      false,
    );
  const all = await secretaryIds(deps);
  if (all.length === 1 && all[0] === userId) return notice(t.lastSecretary(who), undefined, false);
  const at = deps.clock.now().toUTC().toISO() ?? "";
  const revoked = await deps.db.transaction().execute(async (trx) => {
    const done = await revokeRole(trx, userId, "secretary");
    if (done) await recordAudit(trx, [roleAudit(ctx, at, userId, "delete", "secretary", null)]);
    return done;
  });
  return notice(revoked ? t.revoked(who) : t.notHolder(who), undefined, revoked);
}

function roleAudit(
  ctx: CommandContext,
  at: string,
  userId: string,
  action: "create" | "delete",
  before: string | null,
  after: string | null,
) {
  return {
    at,
    actor: ctx.userId,
    entity: "role",
    entityKey: userId,
    action,
    field: "role",
    before,
    after,
  } as const;
}

/** The secretaries: those from SECRETARY_USER_IDS, then those granted (by whom, when); with usage first for help. */
async function roleList(deps: CommandDeps, ctx: CommandContext, help: boolean): Promise<Reply> {
  const t = roleText(ctx.locale);
  const configured = deps.config.secretaryUserIds;
  const stored = (await listRoles(deps.db, "secretary")).filter(
    (g) => !configured.includes(g.userId),
  );
  // The day in Riga: a grant just after midnight there is still the previous day in UTC.
  const grantDay = (at: string) =>
    dateIn(DateTime.fromISO(at, { zone: "utc" }), deps.config.timezone);
  const lines = [
    ...configured.map(
      (id) => `• <@${id}> – ${localDefault(deps.config) ? t.fromLocalDefault : t.fromConfig}`,
    ),
    ...stored.map((g) => {
      const by = g.grantedBy === CLI_ACTOR ? t.cliActor : `<@${g.grantedBy}>`;
      return `• <@${g.userId}> – ${t.grantedBy(by, formatDay(grantDay(g.grantedAt), ctx.locale))}`;
    }),
  ];
  const list = lines.length > 0 ? lines.join("\n") : t.none;
  const blocks = [
    header(help ? t.title : t.listHeading),
    ...(help ? [section(t.usage), { type: "divider" as const }] : []),
    // The list's own heading only under the usage: alone, the header already says it.
    section(help ? `*${t.listHeading}*\n${list}` : list),
  ];
  if (!help) blocks.push(contextLine(t.usageHint));
  return { blocks, text: plain(`${t.listHeading}: ${lines.length}`), found: true };
}

function mistakeText(mistake: RoleMistake, ctx: CommandContext): string {
  const t = roleText(ctx.locale);
  const shown = (s: string) => echoTypedText(s, 60);
  switch (mistake.reason) {
    case "too_long":
      return t.tooLong(mistake.length, ADMIN_ARG_MAX);
    case "missing_user":
      return t.missingUser;
    case "bad_user":
      return mistake.problem === "not_linked"
        ? t.notLinked(shown(mistake.token))
        : t.notAUser(shown(mistake.token));
    case "unknown_role":
      return t.unknownRole(shown(mistake.role));
    case "not_understood":
      return t.notUnderstood(shown(mistake.text));
  }
}

/** `/role`: list, add or remove secretaries. Changes are for secretaries only. */
export const roleCommand: SlashCommand<RoleInput> = { name: "/role", parse, handle };
