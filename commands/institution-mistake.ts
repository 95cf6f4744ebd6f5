/**
 * The answers to mistakes in `/institution` text (and the CLI's `institution` arguments): what
 * was not understood, shown as typed, with the date formats or the usage as the hint.
 */
import { institutionText } from "../src/i18n/institution.ts";
import { escapeMrkdwn, truncateText } from "../src/slack/fit.ts";
import { notice } from "./access.ts";
import { ADMIN_ARG_MAX, type DateSpec } from "./args.ts";
import { type InstitutionMistake, MAX_CONTACTS, NAME_MAX } from "./institution-parse.ts";
import type { CommandContext, Reply } from "./types.ts";

/** The mistake of a `--until` date (`/institution away`) that names no day. */
export function dateMistake(spec: DateSpec): InstitutionMistake {
  const input = spec.kind === "relative" ? spec.text : spec.date;
  return { reason: "bad_date", input, error: "unrecognised_date" };
}

/** A kind answer to a mistake in `/institution` text, with the date formats or the usage hint. */
export function mistakeReply(mistake: InstitutionMistake, ctx: CommandContext): Reply {
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
