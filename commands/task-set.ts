/**
 * `/task 14 set status partial`, `/task 14 set deadline 2027-06-30`: a secretary changes one
 * task by hand. Parsing is pure; the change is one transaction that updates the task and
 * audits each changed column (entity "task", key "<programme>:<number>", as the importer
 * does), so `/task 14 history` shows it.
 */
import { type AuditEntry, recordAudit } from "../db/audit.ts";
import { currentProgramme, findProgrammeByRef, listProgrammes } from "../db/programmes.ts";
import { loadTasksForImport, type TaskValues, updateTask } from "../db/tasks.ts";
import type { Locale } from "../src/config.ts";
import type { Deadline, TaskStatus } from "../src/domain/types.ts";
import { dateDeadline, readDeadlineInput } from "../src/export/deadline-input.ts";
import { messages } from "../src/i18n/index.ts";
import { taskSetText } from "../src/i18n/task-set.ts";
import { statusOf } from "../src/import/status.ts";
import { maySecretary, notice, replanSafely, secretaryIds } from "./access.ts";
import { readDate, resolveDate } from "./args.ts";
import { headingVerdict } from "./task-set-heading.ts";
import type { CommandContext, CommandDeps, Reply } from "./types.ts";

/**
 * One change to a task. A deadline typed as a day read against today ("vakar", "rīt", "1.02.",
 * as every command's date help lists them) is kept as typed (`relative`) and dated by
 * {@link handleSet} with the clock, Riga's day: `parseSet` stays pure.
 */
export type TaskChange =
  | { field: "status"; status: TaskStatus | null }
  | { field: "deadline"; deadline: Deadline }
  | { field: "deadline"; relative: string };

/**
 * Why the text after "set" could not be read. `invalid_date`: a deadline shaped like a date
 * that names no day ("31.02.2013"); `bad_deadline`: no deadline form at all.
 */
export type SetProblem =
  | "missing_field"
  | "unknown_field"
  | "missing_value"
  | "bad_status"
  | "bad_deadline"
  | "invalid_date";

const STATUS_CODES: Record<string, TaskStatus> = {
  done: "done",
  partial: "partial",
  ongoing: "ongoing",
  not_done: "not_done",
  "not done": "not_done",
  "partly done": "partial",
};

/**
 * Words that clear a status set by hand (`set status none`): the task then has no status of its
 * own, and a heading's roll-up shows again. Latvian "nav" alone (not "nav izpildīts").
 */
const NO_STATUS = new Set(["none", "nav", "-", "–", "bez statusa", "no status"]);

/**
 * Reads the text after "set": a field ("status"/"statuss", "deadline"/"termiņš") and its value
 * (a status code or a Latvian phrase, or `none`/`nav` for none of its own; a deadline as `readDeadlineInput` reads it, or a day
 * read against today: "šodien", "rīt", "vakar", "aizvakar", "1.02."). Pure.
 */
export function parseSet(
  text: string,
): { ok: true; change: TaskChange } | { ok: false; problem: SetProblem; value: string } {
  const [field = "", ...rest] = text.trim().split(/\s+/u);
  const value = rest.join(" ");
  const key = field.toLocaleLowerCase("lv");
  if (key === "") return { ok: false, problem: "missing_field", value: "" };
  const isStatus = key === "status" || key === "statuss";
  if (!isStatus && key !== "deadline" && key !== "termiņš" && key !== "termins")
    return { ok: false, problem: "unknown_field", value: field };
  if (value === "")
    return { ok: false, problem: "missing_value", value: isStatus ? "status" : "deadline" };
  if (isStatus) {
    if (NO_STATUS.has(value.toLocaleLowerCase("lv")))
      return { ok: true, change: { field: "status", status: null } };
    const status = STATUS_CODES[value.toLowerCase()] ?? statusOf(value);
    return status
      ? { ok: true, change: { field: "status", status } }
      : { ok: false, problem: "bad_status", value };
  }
  const deadline = readDeadlineInput(value);
  if (deadline) return { ok: true, change: { field: "deadline", deadline } };
  const date = readDate(value);
  // A past day too ("vakar"), as `set deadline 2020-01-01` is: the report has overdue tasks.
  if (date.ok && date.spec.kind === "relative")
    return { ok: true, change: { field: "deadline", relative: date.spec.text } };
  const problem = !date.ok && date.error === "invalid_date" ? "invalid_date" : "bad_deadline";
  return { ok: false, problem, value };
}

/**
 * The kind reply to a `set` the parser could not read: the usage, or under a day that does not
 * exist the accepted date forms (the words every command uses for it).
 */
export function setMistakeReply(problem: SetProblem, value: string, locale: Locale): Reply {
  const t = taskSetText(locale);
  if (problem === "invalid_date") return notice(t.invalidDate(value), t.dateFormats, false);
  const text = {
    missing_field: t.missingField,
    unknown_field: t.unknownField(value),
    missing_value: t.missingValue(value),
    bad_status: t.badStatus(value),
    bad_deadline: t.badDeadline(value),
  }[problem];
  return notice(text, t.setUsage, false);
}

/**
 * Applies a change to task `number` of the programme `programmeRef` names (default: the
 * current one). Only a secretary (or the CLI) may; others get a kind refusal naming the
 * secretaries. A status for a heading is refused, naming its sub-tasks (see task-set-heading.ts). Re-plans reminders afterwards: a status or deadline decides a cut-off's scope.
 */
export async function handleSet(
  input: { number: string; programme?: string; change: TaskChange },
  deps: CommandDeps,
  ctx: CommandContext,
): Promise<Reply> {
  const t = taskSetText(ctx.locale);
  if (!(await maySecretary(deps, ctx))) {
    const ids = await secretaryIds(deps);
    const named = ids.map((id) => `<@${id}>`).join(", ");
    return notice(t.refusal(named), t.refusalHint(named !== ""), false);
  }
  const programme = input.programme
    ? await findProgrammeByRef(deps.db, input.programme)
    : await currentProgramme(deps.db);
  if (!programme) {
    const codes = (await listProgrammes(deps.db)).map((p) => p.code).join(", ");
    return notice(t.noSuchProgramme(input.programme ?? "", codes), undefined, false);
  }
  const tasks = await loadTasksForImport(deps.db, programme.id);
  const task = tasks.get(input.number);
  if (!task)
    return notice(messages(ctx.locale).errors.taskNotFound(input.number, null), undefined, false);
  const verdict =
    input.change.field === "status"
      ? headingVerdict(input.number, input.change.status, tasks, ctx.locale)
      : null;
  if (verdict && "refuse" in verdict) return notice(verdict.refuse, undefined, false);
  const note = verdict ? ` ${verdict.note}` : "";
  const patch = patchOf(input.change, deps);
  const changed = (Object.keys(patch) as Array<keyof typeof patch>).filter(
    (k) => task.row[k] !== patch[k],
  );
  const field = t.fields[input.change.field];
  const ref = input.programme ? `${programme.code}:${input.number}` : input.number;
  const shown = (row: Partial<TaskValues>) =>
    shownValue(input.change.field, row, t.none, ctx.locale);
  if (changed.length === 0 && patch.status === null)
    return notice(t.noneAlready(input.number) + note, undefined, true);
  if (changed.length === 0)
    return notice(t.unchanged(input.number, field, shown(task.row)), undefined, true);
  await writeChange(
    deps,
    ctx.userId,
    { id: task.id, key: `${programme.code}:${input.number}` },
    {
      before: task.row,
      patch,
      changed,
    },
  );
  await replanSafely(deps);
  const text = t.changed(input.number, field, shown(task.row), shown(patch)) + note;
  return notice(text, t.historyHint(ref), true);
}

/**
 * Updates the task's changed columns and audits each (before → after), in one transaction.
 */
async function writeChange(
  deps: CommandDeps,
  actor: string,
  task: { id: number; key: string },
  change: {
    before: Partial<TaskValues>;
    patch: Partial<TaskValues>;
    changed: Array<keyof TaskValues>;
  },
): Promise<void> {
  const at = deps.clock.now().toUTC().toISO() ?? "";
  const audit: AuditEntry[] = change.changed.map((k) => ({
    at,
    actor,
    entity: "task",
    entityKey: task.key,
    action: "update",
    field: k,
    before: change.before[k],
    after: change.patch[k],
  }));
  await deps.db.transaction().execute(async (trx) => {
    await updateTask(trx, task.id, { ...change.patch, updated_at: at });
    await recordAudit(trx, audit);
  });
}

/** The columns a change sets; a day read against today is dated now, in the app's zone. */
function patchOf(change: TaskChange, deps: CommandDeps): Partial<TaskValues> {
  if (change.field === "status") return { status: change.status };
  const d = "deadline" in change ? change.deadline : dayDeadline(change.relative, deps);
  return { deadline_text: d.text, due_date: d.due, recurrence: d.recurrence };
}

/**
 * The deadline `text` ("vakar", "1.02.") names today in `deps.config.timezone`, written as a
 * typed date is ("29.11.2026."). `parseSet` let it through only if it reads as a day, so the
 * fallback (kept as typed, undated) is not reached in practice.
 */
function dayDeadline(text: string, deps: CommandDeps): Deadline {
  const date = resolveDate({ kind: "relative", text }, deps.config.timezone, deps.clock.now());
  return date ? dateDeadline(date) : { text, due: null, recurrence: null };
}

function shownValue(
  field: TaskChange["field"],
  row: Partial<TaskValues>,
  none: string,
  locale: Locale,
): string {
  if (field === "deadline") return row.deadline_text || none;
  const status = row.status as TaskStatus | null | undefined;
  return status ? messages(locale).status[status] : none;
}
