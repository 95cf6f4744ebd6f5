import { institutionsOfContact } from "../db/contacts.ts";
import {
  findInstitutionOrName,
  listInstitutions,
  listInstitutionsWithTasks,
} from "../db/institutions.ts";
import { currentProgramme } from "../db/programmes.ts";
import { buildCalendar, upcomingCount } from "../src/export/calendar-model.ts";
import { renderIcs } from "../src/export/ics.ts";
import { exportText } from "../src/i18n/export.ts";
import { exportCommandText } from "../src/i18n/export-command.ts";
import { escapeMrkdwn } from "../src/slack/fit.ts";
import { echoTypedText } from "../src/slack/message-text.ts";
import { notice } from "./access.ts";
import { ADMIN_ARG_MAX, isHelpWord, unescapeSlack } from "./args.ts";
import { deliver } from "./export.ts";
import { readInstitutionQuery } from "./institution-parse.ts";
import type { CommandContext, CommandDeps, Reply, SlashCommand } from "./types.ts";

/** What `/calendar <text>` asks for: the caller's institutions, one institution, or everyone's. */
export type CalendarInput =
  | { kind: "help" }
  | { kind: "mine" }
  | { kind: "all" }
  | { kind: "institution"; query: string }
  | { kind: "invalid"; text: string };

/**
 * Reads the text after `/calendar`: "" (mine), "help", "all"/"visi"/"visas", or an institution's
 * code, alias or full name read as `/institution <code>` reads it ({@link readInstitutionQuery}:
 * any code `/institution list` shows, "Patvērums „Drošā māja”" too; looked up as `/task` looks
 * it up, `findInstitutionOrName`: "Labklājības ministrija", `"LM"`). `invalid` only for text
 * longer than {@link ADMIN_ARG_MAX} characters as typed. Pure.
 */
export function parse(text: string): CalendarInput {
  if (unescapeSlack(text).length > ADMIN_ARG_MAX) return { kind: "invalid", text };
  const arg = readInstitutionQuery(text);
  if (arg === "") return { kind: "mine" };
  if (isHelpWord(arg)) return { kind: "help" };
  if (["all", "visi", "visas"].includes(arg.toLowerCase())) return { kind: "all" };
  return { kind: "institution", query: arg };
}

/**
 * Answers `/calendar`: builds the current programme's iCalendar file — for the institutions
 * the caller is a contact of (several in one file, the answer naming them and `/calendar <CODE>`
 * for one alone), for one institution, or for everyone — and sends it to the caller's direct
 * messages. Anyone may ask: it holds only dates the working group shares. A calendar with no
 * events is not sent: the answer says so and what would fill it (for institutions with no tasks,
 * only sessions); one whose events are all past says that under the count.
 */
export async function handle(
  input: CalendarInput,
  deps: CommandDeps,
  ctx: CommandContext,
): Promise<Reply> {
  const t = exportCommandText(ctx.locale);
  if (input.kind === "help") return notice(t.calendarUsage, undefined, true);
  if (input.kind === "invalid")
    return notice(t.notUnderstood(echoTypedText(input.text, 40)), t.calendarHint, false);
  const codes = await codesFor(input, deps, ctx);
  if (codes === "not_contact") return notice(t.notContact, t.calendarHint, false);
  if (codes === "unknown")
    return notice(
      t.unknownInstitution(
        echoTypedText(input.kind === "institution" ? input.query : "", 40),
        (await codesWithTasks(deps)).join(", "),
      ),
      undefined,
      false,
    );
  const model = await buildCalendar(deps.db, codes);
  if (!model) return notice(t.noProgramme, undefined, false);
  const who = codes.length > 0 ? codes.join(", ") : t.everyone;
  // Nothing to put in a file: said, with what would fill it, rather than an empty file sent.
  if (model.entries.length === 0) {
    const shown = codes.length > 0 ? codes.map(escapeMrkdwn).join(", ") : t.everyone;
    // No tasks: no cut-off can ever concern them (its scope is tasks), only sessions will come.
    const withTasks = codes.length > 0 ? await codesWithTasks(deps) : [];
    const idle = codes.length > 0 && codes.every((c) => !withTasks.includes(c));
    const fill = idle ? t.calendarNotSentNoTasks(codes.map(escapeMrkdwn)) : t.calendarNotSent;
    return notice(`${t.calendarNothing(shown)} ${fill}`, undefined, true);
  }
  const ics = renderIcs(model, exportText(ctx.locale), deps.config.timezone, deps.clock.now());
  const name = calendarFileName(model.programme.code, codes);
  // A contact of several institutions gets them all in one file: said, with how to get one.
  const several = input.kind === "mine" && codes.length > 1;
  // Events only of the past (a finished programme's deadlines): said, so none is looked for.
  const upcoming = upcomingCount(model.entries, deps.clock.now(), deps.config.timezone);
  const events = `${t.calendarEvents(model.entries.length)}${upcoming === 0 ? ` ${t.calendarNoneUpcoming}` : ""}`;
  const detail = several ? `${events} ${t.calendarSeveral(codes.map(escapeMrkdwn))}` : events;
  return deliver(
    deps,
    ctx,
    {
      fileName: name,
      bytes: Buffer.from(ics, "utf8"),
      title: name,
      comment: `${t.calendarComment(who)} ${detail}`,
    },
    detail,
  );
}

/**
 * The `.ics` file's name: "koordinators-<programme>-<codes joined by '-', or 'all'>.ics". In
 * the programme's code and each institution's, each run of characters that is not a letter,
 * digit, "-" or "." (a space: "CBSS TF-THB", "VP GKrPP"; a slash, a quote) is written as one
 * "_", and a "_" at the start or end of a code is dropped, so the name has no space, no
 * dangling "_" and is safe to save and to pass to a shell: "koordinators-2009-2013-CBSS_TF-THB.ics",
 * "…-Patvērums_Drošā_māja.ics" (not "…māja_.ics"). A code of such characters only is "_".
 * Letters of any script stay ("ĀM"). Pure.
 */
export function calendarFileName(programmeCode: string, codes: readonly string[]): string {
  const parts = [programmeCode, ...(codes.length > 0 ? codes : ["all"])].map(safePart);
  return `koordinators-${parts.join("-")}.ics`;
}

/** One part of {@link calendarFileName}: unsafe runs as "_", none at either end ("_" if empty). */
function safePart(text: string): string {
  const safe = text.replace(/[^\p{L}\p{N}.-]+/gu, "_").replace(/^_+|_+$/gu, "");
  return safe === "" ? "_" : safe;
}

async function codesFor(
  input: Exclude<CalendarInput, { kind: "help" | "invalid" }>,
  deps: CommandDeps,
  ctx: CommandContext,
): Promise<string[] | "not_contact" | "unknown"> {
  if (input.kind === "all") return [];
  if (input.kind === "institution") {
    const found = await findInstitutionOrName(deps.db, input.query);
    return found ? [found.code] : "unknown";
  }
  const ids = await institutionsOfContact(deps.db, ctx.userId);
  if (ids.length === 0) return "not_contact";
  return (await listInstitutions(deps.db)).filter((i) => ids.includes(i.id)).map((i) => i.code);
}

/** The codes of the institutions with tasks in the current programme (none without one). */
async function codesWithTasks(deps: CommandDeps): Promise<string[]> {
  const programme = await currentProgramme(deps.db);
  if (!programme) return [];
  return (await listInstitutionsWithTasks(deps.db, programme.id)).map((i) => i.code);
}

/** `/calendar`: cut-offs, reminders, task deadlines and sessions as an .ics file in a DM. */
export const calendarCommand: SlashCommand<CalendarInput> = { name: "/calendar", parse, handle };
