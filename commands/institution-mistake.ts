/**
 * The answers to mistakes in `/institution` text (and the CLI's `institution` arguments): what
 * was not understood, shown as typed, with the date formats or the usage as the hint.
 */
import type { Db } from "../db/client.ts";
import { findInstitution } from "../db/institutions.ts";
import type { Locale } from "../src/config.ts";
import { institutionText } from "../src/i18n/institution.ts";
import { echoTypedText } from "../src/slack/message-text.ts";
import { CLI_ACTOR, notice } from "./access.ts";
import { ADMIN_ARG_MAX, type DateSpec, unescapeSlack } from "./args.ts";
import {
  type InstitutionMistake,
  MAX_CONTACTS,
  NAME_MAX,
  type SetSeen,
} from "./institution-parse.ts";
import type { CommandContext, Reply } from "./types.ts";

/** The mistake of a `--until` date (`/institution away`) that names no day. */
export function dateMistake(spec: DateSpec): InstitutionMistake {
  const input = spec.kind === "relative" ? spec.text : spec.date;
  return { reason: "bad_date", input, error: "unrecognised_date" };
}

/**
 * A kind answer to a mistake in `/institution` text, with the date formats or the usage hint.
 * A mistake in `set` also says how the text was read ({@link SetSeen}) and, but for a missing
 * channel (whose answer shows the command), the syntax with an example — the CLI's form when
 * the CLI asks (`ctx.userId` {@link CLI_ACTOR}).
 */
export function mistakeReply(mistake: InstitutionMistake, ctx: CommandContext): Reply {
  const t = institutionText(ctx.locale);
  // Typed text as Slack sent it (`&`, `<`, `>` already `&amp;`, `&lt;`, `&gt;`): escaped once.
  const shown = (s: string) => echoTypedText(s, 60);
  const hint = mistake.reason === "bad_date" ? t.dateFormats : t.usageHint;
  const seen = "seen" in mistake ? mistake.seen : undefined;
  const cli = ctx.userId === CLI_ACTOR;
  // The CLI has no channel picker: its missing channel is said in its words, with its syntax.
  const cliChannel = cli && mistake.reason === "missing_channel";
  const lines = [cliChannel ? t.missingChannelCli : mistakeText(mistake, t, shown)];
  if (seen) lines.push(understood(seen, ctx.locale, cli, (s) => echoTypedText(s, 60)));
  if (seen && (mistake.reason !== "missing_channel" || cli)) lines.push(t.setSyntax(cli));
  return notice(lines.join("\n"), hint, false);
}

/** {@link SetSeen} in words (`setUnderstood`), each token through `show`. */
function understood(
  seen: SetSeen,
  locale: Locale,
  cli: boolean,
  show: (s: string) => string,
): string {
  return institutionText(locale).setUnderstood(
    seen.code === "" ? "" : show(seen.code),
    seen.channel === null ? null : show(seen.channel),
    seen.people.map(show),
    seen.other.map(show),
    cli,
  );
}

/**
 * For the CLI's own answer to a `set` argument that is no Slack ID (admin-run.ts): how the
 * arguments were read and the CLI's syntax, as plain terminal lines; [] for anything else.
 */
export function setUsageLines(input: unknown, locale: Locale): string[] {
  const mistake = (input as { mistake?: InstitutionMistake }).mistake;
  const seen = mistake && "seen" in mistake ? mistake.seen : undefined;
  if (!seen) return [];
  return [understood(seen, locale, true, (s) => s), institutionText(locale).setSyntax(true)].map(
    unescapeSlack,
  );
}

/**
 * Whether a mistake was made in a subcommand that changes something (set, away, add): every
 * reason but "too_long", which is read before the subcommand (and answers from no store).
 */
export function inChange(mistake: InstitutionMistake): boolean {
  return mistake.reason !== "too_long";
}

/**
 * A `set` mistake with the trailing words of its code that name no institution moved to the
 * words not understood, when a shorter start of it names one ("set TM anna": the institution
 * TM, "anna" neither channel nor contact); any other mistake as it is. Reads the institutions.
 */
export async function withKnownCode(
  mistake: InstitutionMistake,
  db: Db,
): Promise<InstitutionMistake> {
  const seen = "seen" in mistake ? mistake.seen : undefined;
  const known = seen && (await knownStart(db, seen.code));
  if (!seen || !known) return mistake;
  const split: SetSeen = { ...seen, code: known.code, other: [...known.rest, ...seen.other] };
  if (mistake.reason === "missing_channel") return { ...mistake, query: known.code, seen: split };
  return { ...mistake, seen: split } as InstitutionMistake;
}

/**
 * When `query` (words as typed) names no institution but a shorter start of it does ("TM
 * anna"): that start and the words after it; null otherwise (it names one, or no start does).
 */
export async function knownStart(
  db: Db,
  query: string,
): Promise<{ code: string; rest: string[] } | null> {
  const words = query.split(" ").filter((w) => w !== "");
  if (words.length < 2 || (await findInstitution(db, query))) return null;
  for (let n = words.length - 1; n >= 1; n--) {
    const code = words.slice(0, n).join(" ");
    if (await findInstitution(db, code)) return { code, rest: words.slice(n) };
  }
  return null;
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
    case "set_order":
      return m.order === "channel_after_people" ? t.setChannelAfterPeople : t.setCodeAfterChannel;
    case "set_words":
      return t.setWordsBeforeChannel;
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
