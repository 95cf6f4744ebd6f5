import type { KnownBlock } from "@slack/types";
import type { Locale } from "../config.ts";
import { replyText } from "../i18n/reply.ts";
import {
  ACTIONS_ELEMENTS_MAX,
  BUTTON_TEXT_MAX,
  MESSAGE_BLOCKS_MAX,
  SECTION_TEXT_MAX,
} from "./block-limits.ts";
import { truncateText } from "./fit.ts";
import { ActionId } from "./ids.ts";
import { excerptSlackText, slackDisplayText } from "./message-text.ts";

/** A message the app sends: Block Kit blocks and the notification fallback text. */
export interface RenderedMessage {
  blocks: KnownBlock[];
  text: string;
}

/** Value of an assign button: "<replyId>:<task number>" (see {@link ActionId.replyAssign}). */
export function assignButtonValue(replyId: number, number: string): string {
  return `${replyId}:${number}`;
}

/** Reads an {@link assignButtonValue}; undefined when the value is not one. */
export function parseAssignValue(value: string): { replyId: number; number: string } | undefined {
  const m = /^(\d+):(\d{1,4}(?:\.\d{1,4}){0,3})$/.exec(value);
  if (!m?.[1] || !m[2]) return undefined;
  return { replyId: Number(m[1]), number: m[2] };
}

/**
 * action_id of the `index`-th assign button: Slack wants action ids unique within a block
 * (https://api.slack.com/reference/block-kit/block-elements#button), so each button gets
 * `reply_assign_<index>`; the listener matches {@link ASSIGN_ACTION_PATTERN}.
 */
export function assignActionId(index: number): string {
  return `${ActionId.replyAssign}_${index}`;
}

/** Matches every action id {@link assignActionId} makes (and the bare `reply_assign`). */
export const ASSIGN_ACTION_PATTERN = new RegExp(`^${ActionId.replyAssign}(?:_\\d+)?$`);

/**
 * One line of a reply (text as Slack sent it) for prompts and confirmations: whitespace folded,
 * cut at `max` characters never inside a code or entity, escaped once (`R&amp;D` shows `R&D`,
 * not `R&amp;D`), broadcasts shown as text ({@link slackDisplayText}).
 */
export function excerpt(text: string, max = 200): string {
  return slackDisplayText(excerptSlackText(text, max));
}

/**
 * A heading a reply names whose sub-tasks the reminder asks about ("13: …" where 13.3 is asked):
 * the heading's number and those sub-tasks, in the report's order.
 */
export interface HeadingNote {
  heading: string;
  subTasks: readonly string[];
}

/** What else the assign prompt says before its question (see {@link renderAssignPrompt}). */
export interface AssignPromptMore {
  /** Headings named whose sub-tasks this reminder asks about: "13 is a heading; 13.3 is here". */
  headings?: readonly HeadingNote[];
  /**
   * Sentences pointing to where a named number is asked instead (another live cut-off's
   * thread, src/replies/asked-elsewhere.ts); said after the numbers, and not counted as
   * saying the reply is kept (so "saved" is said once, by the prompt).
   */
  elsewhere?: string;
  /**
   * True when the reply stays filed under a task (an edit's `kept` says "still attached to task
   * 5"): the notification preview then asks nothing, only the section does, above the buttons.
   */
  filed?: boolean;
}

/**
 * The ephemeral prompt for an unassigned reply: the question (after "task 99 is not in this
 * reminder" / "tasks 2 and 99 are not…" when the reply named `strayNumbers`, tasks outside it,
 * "13 is a heading; this reminder asks about 13.3 — start with "13.3: …" or choose it below"
 * for `more.headings`, "task 150 is not in the programme" for `notInProgramme`, numbers that are
 * no task at all, and `more.elsewhere`; or after "your reply names
 * several tasks, none got it" when it named several, `unfiled`, and `kept`, a sentence such as an
 * edit's "your edited reply stays under task 14"; with neither of the last two, then "the reply
 * is saved but not yet attached to any task"), the reply's excerpt, then one
 * button per task ("14. Title…", value {@link assignButtonValue}), at most 25 per actions
 * block and within the message's 50 blocks (tasks beyond that are left out). What comes before
 * the question is cut so that it and the question fit the section's 3,000 characters (numbers
 * listed: the first 10, then "… (vēl N)"): the question itself is never cut. The notification
 * preview (`text`) says the same, without the question when `more.filed`.
 * Limits: https://api.slack.com/reference/block-kit/blocks#actions
 */
export function renderAssignPrompt(
  reply: { id: number; text: string },
  tasks: ReadonlyArray<{ number: string; title: string }>,
  locale: Locale,
  strayNumbers: readonly string[] = [],
  unfiled: readonly string[] = [],
  kept = "",
  notInProgramme: readonly string[] = [],
  more: AssignPromptMore = {},
): RenderedMessage {
  const m = replyText(locale);
  const stray = [
    strayNumbers.length === 0 ? "" : `${m.notInReminder(strayNumbers)} `,
    ...(more.headings ?? []).map((h) => `${m.headingInReminder(h.heading, h.subTasks, true)} `),
    notInProgramme.length === 0 ? "" : `${m.notInProgramme(notInProgramme)} `,
    more.elsewhere ? `${more.elsewhere} ` : "",
  ].join("");
  const several = unfiled.length > 1 ? `${m.severalTasksUnassigned(unfiled)} ` : "";
  // Say the reply is kept, so it is not sent again (a reply naming no task, or only numbers not
  // in the reminder), unless the lead already says so.
  const saved = several === "" && kept === "" ? `${m.savedUnattached} ` : "";
  const lead = `${stray}${several}${kept ? `${kept} ` : ""}${saved}`;
  // Within the section's limit however many numbers were named (the lists are capped too): the
  // lead is cut, never the question after it.
  const said = truncateText(lead, SECTION_TEXT_MAX - m.assignQuestion.length - 1);
  const question = said === "" ? m.assignQuestion : `${said} ${m.assignQuestion}`;
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: question } }];
  const shown = excerpt(reply.text);
  if (shown !== "")
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: m.yourReply(shown) }] });
  blocks.push(...assignButtons(reply.id, tasks, MESSAGE_BLOCKS_MAX - blocks.length));
  // The preview as the section: the lead already says the reply is kept ("saved" once); a reply
  // an edit leaves under its task is asked nothing there.
  return { blocks, text: more.filed ? truncateText(lead, SECTION_TEXT_MAX) : question };
}

/** What the author of a reply filed under a task is told about it (see {@link renderFiledNote}). */
export interface FiledNote {
  reply: { id: number; text: string };
  /** The task the reply is filed under. */
  taskNumber: string;
  /** Other tasks of the scope the reply names, which did not get it (empty: none). */
  unfiled: readonly string[];
  /** Numbers the reply starts with that are not in this reminder ("2, 99: …" → ["99"]). */
  notInReminder?: readonly string[];
  /** Numbers it names that are no task of the programme at all ("14: …\n150: …" → ["150"]). */
  notInProgramme?: readonly string[];
  /** Headings it names whose sub-tasks this reminder asks about ("5: …; 13: …", 13.3 asked). */
  headings?: readonly HeadingNote[];
  /** True when the reply named no task and was filed under the institution's one open task. */
  inferred: boolean;
  /**
   * With `inferred`: the number the reply starts with but without a colon ("13.3 apmācības":
   * `typed` as written, `number` as read; `bareLeadingNumber`), so the note says that instead of
   * "names no task number". Unset or null: none.
   */
  bareNumber?: { typed: string; number: string } | null;
  /** The institution's tasks in the cut-off (buttons for the others when `inferred`). */
  tasks: ReadonlyArray<{ number: string; title: string }>;
}

/**
 * The ephemeral note for a reply filed under a task the author may not have meant: "names
 * several tasks, filed under 2 only, 14 did not get it, send one per task" (`unfiled`; else,
 * with `notInReminder`, "attached to task 2"), then "task 99 is not in this reminder" (one sentence
 * naming all of `notInReminder`: "2, 99: …"), "13 is a heading; this reminder asks about 13.3"
 * (each of `headings`), "task 150 is not in the programme" (`notInProgramme`,
 * numbers that are no task at all; when the reply named its task itself, after either: "write a
 * separate reply for each task"), and/or
 * "no number, so filed under 14; to change it, choose below or edit the message to start with
 * the number" with a button per other task (`inferred`; when the institution has no other task
 * here: "it is the only one; if the reply is not about it, delete the message, it is withdrawn").
 * Buttons as in {@link renderAssignPrompt}.
 */
export function renderFiledNote(note: FiledNote, locale: Locale): RenderedMessage {
  const m = replyText(locale);
  const others = note.tasks.filter((t) => t.number !== note.taskNumber);
  const stray = note.notInReminder ?? [];
  const unknown = note.notInProgramme ?? [];
  const headings = note.headings ?? [];
  const named = stray.length + unknown.length + headings.length > 0;
  const parts: string[] = [];
  if (note.unfiled.length > 0) parts.push(m.severalTasksFiled(note.taskNumber, note.unfiled));
  else if (named) parts.push(m.assignedTo(note.taskNumber));
  if (stray.length > 0) parts.push(m.notInReminder(stray));
  for (const h of headings) parts.push(m.headingInReminder(h.heading, h.subTasks, false));
  if (unknown.length > 0) parts.push(m.notInProgramme(unknown));
  // The reply named its task and others not in the reminder: one reply per task (README).
  if (named && note.unfiled.length === 0 && !note.inferred) parts.push(m.onePerTask);
  if (note.inferred) {
    parts.push(
      note.bareNumber
        ? m.bareNumberFiled(note.bareNumber.typed, note.bareNumber.number, note.taskNumber)
        : m.filedWithoutNumber(note.taskNumber),
    );
    // How to change it: another task (buttons, or an edit starting with its number), or, with
    // no other task here, take the reply back (a deleted message withdraws it).
    parts.push(others.length > 0 ? m.changeTaskHint(others[0]?.number ?? "") : m.onlyTaskHint);
  }
  const text = truncateText(parts.join(" "), SECTION_TEXT_MAX);
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text } }];
  const shown = excerpt(note.reply.text);
  if (shown !== "")
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: m.yourReply(shown) }] });
  if (note.inferred)
    blocks.push(...assignButtons(note.reply.id, others, MESSAGE_BLOCKS_MAX - blocks.length));
  return { blocks, text };
}

/** Actions blocks of assign buttons, 25 a block, at most `blocksLeft` blocks. */
function assignButtons(
  replyId: number,
  tasks: ReadonlyArray<{ number: string; title: string }>,
  blocksLeft: number,
): KnownBlock[] {
  const listed = tasks.slice(0, Math.max(0, blocksLeft) * ACTIONS_ELEMENTS_MAX);
  const blocks: KnownBlock[] = [];
  for (let start = 0; start < listed.length; start += ACTIONS_ELEMENTS_MAX) {
    blocks.push({
      type: "actions",
      block_id: `reply_assign_${replyId}_${start / ACTIONS_ELEMENTS_MAX}`,
      elements: listed.slice(start, start + ACTIONS_ELEMENTS_MAX).map((task, i) => ({
        type: "button" as const,
        action_id: assignActionId(start + i),
        text: {
          type: "plain_text" as const,
          text: truncateText(`${task.number}. ${task.title}`, BUTTON_TEXT_MAX),
        },
        value: assignButtonValue(replyId, task.number),
      })),
    });
  }
  return blocks;
}

/** A one-section notice (mrkdwn), used for acknowledgements and refusals. */
export function renderNotice(text: string): RenderedMessage {
  const fitted = truncateText(text, SECTION_TEXT_MAX);
  return { blocks: [{ type: "section", text: { type: "mrkdwn", text: fitted } }], text: fitted };
}

/**
 * The ephemeral explanation for a reply from someone who is not a contact of the institution:
 * kept, marked unverified; who the contacts are; the secretary can add them.
 */
export function renderUnverified(
  code: string,
  contactIds: readonly string[],
  locale: Locale,
): RenderedMessage {
  const m = replyText(locale);
  const contacts =
    contactIds.length > 0
      ? m.contactsAre(contactIds.map((u) => `<@${u}>`).join(", "))
      : m.noContacts;
  return renderNotice(m.unverified(code, contacts));
}
