import { DateTime } from "luxon";
import type { Db } from "../db/client.ts";
import { listInstitutionsWithTasks } from "../db/institutions.ts";
import { findProgrammeByRef, listProgrammes } from "../db/programmes.ts";
import { inReadSnapshot } from "../db/snapshot.ts";
import { findTaskDetail, listTaskNumbers, listTasks } from "../db/tasks.ts";
import type { Locale } from "../src/config.ts";
import { asciiDigits, decimalComma, typedTail } from "../src/domain/ascii-digits.ts";
import { isHeading } from "../src/domain/status-rollup.ts";
import { historyText } from "../src/i18n/history.ts";
import { messages } from "../src/i18n/index.ts";
import { taskSetText } from "../src/i18n/task-set.ts";
import { headingCutoffStatus } from "../src/reminders/heading-status.ts";
import { asOtherCutoffs, shownBefore, taskCutoffStatus } from "../src/reminders/task-status.ts";
import { truncateText } from "../src/slack/fit.ts";
import { echoTypedText } from "../src/slack/message-text.ts";
import { renderNotice, renderOverview } from "../src/slack/render-overview.ts";
import { type RenderContext, renderTask } from "../src/slack/render-task.ts";
import type { Clock } from "../src/time.ts";
import { cleanCommandText } from "./args.ts";
import { programmeContext } from "./programme-context.ts";
import { readThrough } from "./read-cache.ts";
import {
  HISTORY_PAGE_MAX,
  type HistoryInput,
  handleHistory,
  nextSessionBlocks,
  parseHistory,
  parseHistoryPageMistake,
} from "./task-history.ts";
import { institutionReply } from "./task-institution.ts";
import {
  handleSet,
  parseSet,
  type SetProblem,
  setMistakeReply,
  type TaskChange,
} from "./task-set.ts";
import { nearestCodes, nearestNumber, numberOutline } from "./task-suggest.ts";
import type { CommandContext, CommandDeps, Reply, SlashCommand } from "./types.ts";

/** Longest `/task` argument taken at face value; longer text gets a kind refusal. */
export const TASK_ARG_MAX = 100;

/** What `/task <text>` asks for. */
export type TaskInput =
  | { kind: "help" }
  | { kind: "task"; number: string; programme?: string; comma?: true }
  | { kind: "set"; number: string; programme?: string; change: TaskChange }
  | { kind: "institution"; query: string }
  | { kind: "invalid"; reason: "too_long"; length: number }
  | { kind: "invalid"; reason: "not_understood"; text: string }
  | { kind: "invalid"; reason: "bad_set"; problem: SetProblem; text: string }
  | { kind: "invalid"; reason: "bad_page"; number: string; page: string }
  | HistoryInput;

// Any length of digits: "99999999999999999999" is a task number the programme lacks (answered
// with the numbers it has), not text the app failed to understand. TASK_ARG_MAX bounds it.
const TASK_NUMBER = /^(?:#|nr\.?\s*|uzd\.?\s*)?(\d+(?:\.\d+)*)[.,]?$/iu;
/** A bare task number, nothing around it: what `TASK_NUMBER` reads as the number itself. */
const PLAIN_NUMBER = /^\d+(?:\.\d+)*$/;
/**
 * An institution's code, alias or name as typed: starts with a letter or a quotation mark, then
 * letters, digits, spaces, ".", "-", "&" and quotes of any style, double or single ("VP GKrPP",
 * "Patvērums „Drošā māja”", `Patvērums "Drošā māja"`, "Labklājības ministrija", `'LM'`,
 * "«Labklājības ministrija»"); TASK_ARG_MAX bounds its length. A pair wrapping it whole is
 * dropped when the lookup needs (db/institutions.ts findInstitutionOrName).
 */
const INSTITUTION = /^[\p{L}„“”‟"«»‚‘’‛'‹›][\p{L}\p{N}.\-& „“”‟"«»‚‘’‛'‹›]*$/u;
const HELP = new Set(["", "help", "palīdzība", "palidziba", "?", "-h", "--help"]);
/** "2014:3": task 3 of the programme whose code is (or starts with) "2014". */
const PROGRAMME_REF = /^(\d{4}(?:-\d{4})?):\s*(\S.*)$/u;
/** "14 set status partial": a change; the rest goes to `parseSet`. */
const SET = /^(\S+)\s+set(?:\s+(.*))?$/iu;

/**
 * Reads the text after `/task`. Pure; never throws.
 * "14", "14.", "14," (a trailing comma read as the full stop is), " 14 ", "#14", "10.1.2" → a
 * task (digits of any length: "99999999999999999999" is a number the programme lacks, answered
 * as such); "2014:3" → task 3 of programme 2014-…;
 * "14 set status partial" / "14 set deadline 2027-06-30" → a change (see `parseSet`);
 * "14 history", "14 history 2" → the task's history; "14 history abc" → a page mistake;
 * "" / "help" → help; letters ("IEM", "iem", "VP GKrPP", "Patvērums „Drošā māja”", quotes of any
 * style, a full name) → an institution (see `INSTITUTION`); anything else → a
 * typed mistake (echoed as typed). Digits of any script read as ASCII ones (`asciiDigits`):
 * "١٤", "۱۴", "१४" → task 14; a decimal comma as a full stop (`decimalComma`): "13,3" → 13.3,
 * marked `comma` (when 13.3 is no task, the answer suggests 13 and 3 if both are tasks).
 */
export function parse(text: string): TaskInput {
  // The usual question, "14" or "10.1.2": a task, as the rules below read it, without trying
  // each of them first (0.5 µs → 0.06 µs a number, measured).
  if (text.length <= TASK_ARG_MAX && PLAIN_NUMBER.test(text))
    return { kind: "task", number: text.replace(/^0+(?=\d)/, "") };
  const typed = cleanCommandText(text).replace(/\s+/g, " ").trim();
  if (typed.length > TASK_ARG_MAX)
    return { kind: "invalid", reason: "too_long", length: typed.length };
  // Digits of any script are read as ASCII ones: "١٤" or "۱۴" (an Arabic keyboard) is task 14.
  // A decimal comma as a full stop: "13,3" (as Latvian writes a decimal) is task 13.3.
  const arg = asciiDigits(decimalComma(typed));
  if (HELP.has(arg.toLowerCase())) return { kind: "help" };
  const history = parseHistory(arg);
  if (history) return history;
  const badPage = parseHistoryPageMistake(arg);
  // Every mistake is echoed as typed: the page as its digits were ("٣x"), read from `typed`.
  if (badPage)
    return {
      ...badPage,
      kind: "invalid",
      reason: "bad_page",
      page: typedTail(typed, arg, badPage.page),
    };
  const ref = PROGRAMME_REF.exec(arg);
  const programme = ref?.[1] ? { programme: ref[1] } : {};
  const body = ref?.[2] ?? arg;
  const set = SET.exec(body);
  const number = taskNumber(set ? (set[1] ?? "") : body);
  if (set && number) {
    const read = parseSet(set[2] ?? "");
    if (!read.ok) {
      const text = setEcho(read.problem, read.value, set[2] ?? "", typed, arg);
      return { kind: "invalid", reason: "bad_set", problem: read.problem, text };
    }
    return { kind: "set", number, ...programme, change: read.change };
  }
  // "5,14": read as 5.14; `comma` lets the answer, when 5.14 is no task, suggest 5 and 14.
  const comma = decimalComma(typed) !== typed ? { comma: true as const } : {};
  if (number && !set) return { kind: "task", number, ...programme, ...comma };
  if (ref) return { kind: "invalid", reason: "not_understood", text: typed };
  if (INSTITUTION.test(arg)) return { kind: "institution", query: arg };
  return { kind: "invalid", reason: "not_understood", text: typed };
}

/**
 * What a `set` mistake echoes, as typed: `value` is what `parseSet` read from `setText` (the
 * read text's end after "set", with ASCII digits); `typed` and `read` the whole argument as
 * typed and as read (`read` = asciiDigits(`typed`)). An unknown field is that end's first word as
 * typed, a bad value (a tail of the read text) the same tail of the typed one; a missing field or
 * value echoes what `parseSet` names ("", "status", "deadline").
 */
function setEcho(
  problem: SetProblem,
  value: string,
  setText: string,
  typed: string,
  read: string,
): string {
  if (problem === "missing_field" || problem === "missing_value") return value;
  if (problem === "unknown_field")
    return typedTail(typed, read, setText.trim()).split(" ")[0] ?? "";
  return typedTail(typed, read, value);
}

function taskNumber(text: string): string | null {
  const number = TASK_NUMBER.exec(text)?.[1];
  return number ? number.replace(/^0+(?=\d)/, "") : null;
}

/** What `handle` needs: the store, the clock, the time zone. */
export interface TaskDeps {
  db: Db;
  clock: Clock;
  zone: string;
}

export type { Reply };

/**
 * Who asks for a change (`set`), with the command deps it needs; absent where tasks are only
 * read (the CLI's `task`), and then a change is refused.
 */
export interface TaskActor {
  deps: CommandDeps;
  ctx: CommandContext;
}

/**
 * Answers a parsed `/task` input from the store, in `locale`. Reads only, except a `set` by a
 * secretary (`actor`); throws only on store failure.
 */
export async function handle(
  input: TaskInput,
  deps: TaskDeps,
  locale: Locale,
  actor?: TaskActor,
): Promise<Reply> {
  const m = messages(locale);
  if (input.kind === "history") return handleHistory(input, deps, locale);
  if (input.kind === "invalid" && input.reason === "bad_set")
    return setMistakeReply(input.problem, input.text, locale);
  if (input.kind === "invalid" && input.reason === "bad_page") {
    const page = echoTypedText(input.page, 20);
    return notice(
      historyText(locale).badPage(page, input.number, HISTORY_PAGE_MAX),
      undefined,
      false,
    );
  }
  if (input.kind === "set") {
    const t = taskSetText(locale);
    return actor
      ? handleSet(input, actor.deps, actor.ctx)
      : notice(t.refusal(""), t.refusalHint(false), false);
  }
  if (input.kind === "invalid" && input.reason === "too_long")
    return notice(m.errors.tooLong(input.length, TASK_ARG_MAX), undefined, false);
  const context = await programmeContext(deps.db, deps.clock);
  const programme =
    input.kind === "task" && input.programme
      ? await findProgrammeByRef(deps.db, input.programme)
      : context.programme;
  if (!programme && input.kind === "task" && input.programme) {
    const codes = (await listProgrammes(deps.db)).map((p) => p.code).join(", ");
    return notice(taskSetText(locale).noSuchProgramme(input.programme, codes), undefined, false);
  }
  if (!programme && input.kind === "invalid")
    return notice(m.errors.notUnderstood(shownText(input.text)), undefined, false);
  if (!programme) return notice(m.overview.noProgramme, undefined, false);
  if (input.kind === "invalid") return notUnderstood(deps.db, programme.id, input.text, locale);
  const ctx: RenderContext = { locale, zone: deps.zone, now: nowOf(deps.clock) };

  if (input.kind === "help") {
    const tasks = await listTasks(deps.db, programme.id);
    const codes = (await listInstitutionsWithTasks(deps.db, programme.id)).map((i) => i.code);
    return {
      blocks: renderOverview(
        programme,
        tasks,
        codes,
        locale,
        await nextSessionBlocks(deps, locale),
      ),
      text: m.overview.title,
      found: true,
    };
  }
  if (input.kind === "task") {
    const task = await findTaskDetail(deps.db, programme.id, input.number);
    if (task) {
      const own = await taskCutoffStatus(
        deps.db,
        task,
        context.cutoffs,
        context.plannedReminders,
        ctx.now,
        context.unreachable,
      );
      // A heading is in no scope itself (no institutions): its sub-tasks' cut-off, rolled up.
      // Only a passed cut-off that named it before it had sub-tasks holds it: the first of the
      // two in the order `/task` looks at cut-offs leads, as for a task; that one then follows.
      const heading = isHeading(task, task.descendants.length > 0);
      const rolled =
        own === null || heading
          ? await headingCutoffStatus(deps.db, task, context.cutoffs, ctx.now)
          : null;
      const rollUpLeads =
        rolled !== null &&
        (own === null || shownBefore(context.cutoffs, rolled.cutoff.id, own.cutoff.id));
      const cutoff = rollUpLeads ? null : own;
      const headingCutoff = rollUpLeads ? rolled : null;
      const headingOthers = rollUpLeads && own ? asOtherCutoffs(own) : [];
      return {
        blocks: renderTask(task, ctx, { cutoff, headingCutoff, headingOthers }),
        text: m.task.fallback(task.number, task.title),
        found: true,
      };
    }
    const numbers = await listTaskNumbers(deps.db, programme.id);
    const pair = input.comma ? commaPair(input.number, numbers) : null;
    return notice(
      pair
        ? m.errors.taskNotFoundPair(input.number, pair[0], pair[1])
        : m.errors.taskNotFound(
            truncateText(input.number, SHOWN_NUMBER_MAX),
            nearestNumber(input.number, numbers),
          ),
      m.errors.numbersExist(numberOutline(numbers)),
      false,
    );
  }
  const shown = await institutionReply(deps.db, programme.id, input.query, locale);
  return shown ?? notUnderstood(deps.db, programme.id, input.query, locale);
}

/**
 * The two tasks "N,M" may have meant when N.M (`number`, as the comma was read) is none of
 * `numbers` (the programme's): N and M when both are tasks, as a reply's "5,14: …" is read as the
 * list of 5 and 14 (src/domain/decimal-tasks.ts); else null ("13,3" where 13.3 is a task never
 * gets here). Pure.
 */
function commaPair(number: string, numbers: readonly string[]): [string, string] | null {
  const parts = number.split(".").map((p) => p.replace(/^0+(?=\d)/, ""));
  const [first, second] = parts;
  if (parts.length !== 2 || first === undefined || second === undefined) return null;
  return numbers.includes(first) && numbers.includes(second) ? [first, second] : null;
}

/**
 * The answer to text `/task` cannot read ("abc", "🦀", "2014:x"): what it did not understand,
 * how to ask, a guessed code when one is a typo away, and the codes that exist. Only
 * institutions with tasks in this programme: the report's list of abbreviations also names
 * bodies (ANO, GRETA, …) that `/task CODE` would have nothing to show for.
 */
async function notUnderstood(
  db: Db,
  programmeId: number,
  text: string,
  locale: Locale,
): Promise<Reply> {
  const m = messages(locale);
  const codes = (await listInstitutionsWithTasks(db, programmeId)).map((i) => i.code);
  const guesses = nearestCodes(text, codes);
  return notice(
    m.errors.notUnderstood(shownText(text)),
    `${guesses.length > 0 ? `${m.errors.didYouMean(guesses)} ` : ""}${m.errors.knownInstitutions(codes.join(", "))}`,
    false,
  );
}

/**
 * `clock.now()`, built from epoch ms where the clock gives them (the wall clock): the same
 * UTC instant at half the cost (`DateTime.utc()` reads its arguments and fills its fields:
 * ~10 µs of a `/task N` in serve's CPU profile). An answer reads only its instant.
 */
function nowOf(clock: Clock): DateTime {
  return clock.nowMs ? DateTime.fromMillis(clock.nowMs(), { zone: "utc" }) : clock.now();
}

/** Characters of text not understood that the answer repeats; a longer one ends with "…". */
const SHOWN_TEXT_MAX = 40;

function shownText(text: string): string {
  return echoTypedText(text, SHOWN_TEXT_MAX);
}

function notice(text: string, hint: string | undefined, found: boolean): Reply {
  return { blocks: renderNotice(text, hint), text: text.replace(/\*/g, ""), found };
}

/** Characters of an unknown task number repeated in the answer; a longer one ends with "…". */
const SHOWN_NUMBER_MAX = 20;

/** `/task`: a task, an institution's tasks, or help. Read-only; anyone may use it. */
export const taskCommand: SlashCommand<TaskInput> = {
  name: "/task",
  parse,
  handle: (input, deps, ctx) => {
    if (input.kind === "set")
      return handle(input, taskDeps(deps.db, deps), ctx.locale, { deps, ctx });
    // Everything else only reads, in one read transaction (see snapshot.ts): one snapshot, and
    // no query of another request between its reads. Reads depend only on the question, the
    // language, the store and the time: reused while those stay the same (see read-cache.ts;
    // the store's version is read inside the snapshot, once). Mistakes are not reused.
    return inReadSnapshot(deps.db, (db) =>
      READ_KINDS.has(input.kind)
        ? readThrough(db, deps.clock, `${ctx.locale} ${JSON.stringify(input)}`, () =>
            handle(input, taskDeps(db, deps), ctx.locale),
          )
        : handle(input, taskDeps(db, deps), ctx.locale),
    );
  },
};

/**
 * What `handle` reads from, on `db` (the store or a read snapshot of it). A function of the
 * module, not a closure made per request: tsx names every such closure as it is made.
 */
function taskDeps(db: Db, deps: CommandDeps): TaskDeps {
  return { db, clock: deps.clock, zone: deps.config.timezone };
}

const READ_KINDS = new Set<TaskInput["kind"]>(["task", "help", "institution", "history"]);
