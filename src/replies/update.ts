import type { Db } from "../../db/client.ts";
import type { InstitutionMapping } from "../../db/contacts.ts";
import { type Cutoff, findCutoff } from "../../db/cutoffs.ts";
import { insertReply, type Reply } from "../../db/replies.ts";
import type { InstitutionTask } from "../../db/scope.ts";
import { findThread, type ReminderThread } from "../../db/threads.ts";
import { isContactOf } from "../auth.ts";
import { STATUS_CLAIMS, type StatusClaim } from "../i18n/reply.ts";
import { institutionProgress } from "../reminders/compose.ts";
import { PRIVATE_METADATA_MAX } from "../slack/block-limits.ts";
import { escapeSlackText } from "../slack/message-text.ts";
import { UPDATE_TEXT_MAX, UpdateField } from "../slack/render-update-modal.ts";
import type { Clock } from "../time.ts";

/** Which task of which institution for which cut-off an update is about. */
export interface UpdateRef {
  cutoffId: number;
  institutionId: number;
  number: string;
}

const REF = /^(\d+):(\d+):(\d{1,4}(?:\.\d{1,4}){0,3})$/;

/** Reads a "Submit update" button value "<cutoffId>:<institutionId>:<number>"; undefined if not one. */
export function parseUpdateButton(value: string): UpdateRef | undefined {
  const m = REF.exec(value);
  if (!m?.[1] || !m[2] || !m[3]) return undefined;
  return { cutoffId: Number(m[1]), institutionId: Number(m[2]), number: m[3] };
}

/** The modal's private_metadata: JSON {cutoffId, institutionId, number}, well under 3000 chars. */
export function updateMetadata(ref: UpdateRef): string {
  const json = JSON.stringify(ref);
  if (json.length > PRIVATE_METADATA_MAX) throw new Error("private_metadata too long");
  return json;
}

/** Reads {@link updateMetadata}; undefined when it is not one (a forged or stale view). */
export function parseUpdateMetadata(json: string): UpdateRef | undefined {
  try {
    const v = JSON.parse(json) as Partial<UpdateRef>;
    if (typeof v.cutoffId !== "number" || typeof v.institutionId !== "number") return undefined;
    if (typeof v.number !== "string") return undefined;
    return parseUpdateButton(`${v.cutoffId}:${v.institutionId}:${v.number}`);
  } catch {
    return undefined;
  }
}

/** What an update needs from the store: the cut-off, the institution, its task, its thread. */
export interface UpdateTarget {
  ref: UpdateRef;
  cutoff: Cutoff;
  mapping: InstitutionMapping;
  task: InstitutionTask;
  /** The institution's reminder thread for the cut-off, if one was started. */
  thread: ReminderThread | undefined;
}

/** Loads an update's target; undefined when the cut-off was removed or the task left its scope. */
export async function loadUpdateTarget(db: Db, ref: UpdateRef): Promise<UpdateTarget | undefined> {
  const cutoff = await findCutoff(db, ref.cutoffId);
  if (!cutoff) return undefined;
  const progress = await institutionProgress(db, cutoff, ref.institutionId).catch(() => undefined);
  const task = progress?.tasks.find((t) => t.number === ref.number);
  if (!progress || !task) return undefined;
  const thread = await findThread(db, cutoff.id, ref.institutionId);
  return { ref, cutoff, mapping: progress.mapping, task, thread };
}

/** The modal's submitted state: `values[block_id][action_id]` (only the fields read here). */
export type FormValues = Record<
  string,
  Record<string, { value?: string | null; selected_option?: { value?: string } | null }>
>;

/** A valid submission: a status claim or null, and the text (trimmed, may be empty with a status). */
export interface UpdateForm {
  status: StatusClaim | null;
  text: string;
}

/** Why a submission is refused, per input block (the `response_action: "errors"` keys). */
export type FormError = "text_or_status" | "too_long";

/**
 * Validates a submission: text ≤ {@link UPDATE_TEXT_MAX}; some text is required unless a status
 * is chosen (a status alone — "done", "no change" — is a complete answer). Pure.
 */
export function readUpdateForm(
  values: FormValues,
): { ok: true; form: UpdateForm } | { ok: false; errors: Record<string, FormError> } {
  const raw = values[UpdateField.status.block]?.[UpdateField.status.action]?.selected_option?.value;
  const status = STATUS_CLAIMS.find((s) => s === raw) ?? null;
  const text = (values[UpdateField.text.block]?.[UpdateField.text.action]?.value ?? "").trim();
  if (text.length > UPDATE_TEXT_MAX)
    return { ok: false, errors: { [UpdateField.text.block]: "too_long" } };
  if (text === "" && status === null)
    return { ok: false, errors: { [UpdateField.text.block]: "text_or_status" } };
  return { ok: true, form: { status, text } };
}

/**
 * Stores a modal submission as the institution's reply to the task: unique by ("modal", view
 * id), so a double submission is stored once; verified when the sender is a contact;
 * `thread_ts` the institution's thread root (if any); received now. The text is stored as Slack
 * sends a typed message's text — `&`, `<`, `>` escaped as `&amp;`, `&lt;`, `&gt;` and nothing
 * else (https://api.slack.com/reference/surfaces/formatting#escaping) — whereas a
 * plain_text_input's value arrives unescaped: so every stored reply has the one form
 * src/slack/message-text.ts reads, a typed "&amp;" stays literal and a typed "<https://…|x>"
 * never becomes a link. Migration 2026_12_03_090000_escape_modal_reply_text did the same to
 * modal replies stored before.
 */
export async function storeUpdate(
  deps: { db: Db; clock: Clock },
  target: UpdateTarget,
  input: { userId: string; viewId: string; form: UpdateForm },
): Promise<{ reply: Reply; created: boolean }> {
  const verified = await isContactOf(deps.db, input.userId, target.ref.institutionId);
  return insertReply(deps.db, {
    cutoffId: target.cutoff.id,
    institutionId: target.ref.institutionId,
    taskId: target.task.taskId,
    channelId: "modal",
    ts: input.viewId,
    threadTs: target.thread?.threadTs ?? null,
    userId: input.userId,
    text: escapeSlackText(input.form.text),
    files: [],
    statusClaim: input.form.status,
    verified,
    source: "modal",
    receivedAt: deps.clock.now().toISO() ?? "",
  });
}
