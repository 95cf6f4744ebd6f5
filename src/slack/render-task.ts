import type { KnownBlock, SectionBlock } from "@slack/types";
import type { DateTime } from "luxon";
import type { Locale } from "../config.ts";
import { replyBody } from "../domain/attribution.ts";
import { type StatusRollup, statusRollups } from "../domain/status-rollup.ts";
import type { TaskDetail } from "../domain/types.ts";
import { messages } from "../i18n/index.ts";
import { taskViewText } from "../i18n/task-view.ts";
import type { HeadingCutoffStatus } from "../reminders/heading-status.ts";
import type { OtherCutoffReplies, TaskCutoffStatus } from "../reminders/task-status.ts";
import {
  BUTTON_TEXT_MAX,
  HEADER_TEXT_MAX,
  SECTION_FIELD_TEXT_MAX,
  SECTION_TEXT_MAX,
} from "./block-limits.ts";
import { escapeMrkdwn, truncateText } from "./fit.ts";
import { deadlineLabel, isOverdue } from "./format.ts";
import { ActionId, taskRef } from "./ids.ts";
import { renderCutoffStatus } from "./render-task-cutoff.ts";
import { renderHeadingCutoff } from "./render-task-heading-cutoff.ts";
import { listStatus, statusOrRollup } from "./render-task-status.ts";

/** What a renderer needs besides the data: language, time zone and "now" (for "overdue"). */
export interface RenderContext {
  locale: Locale;
  zone: string;
  now: DateTime;
}

/** Characters of the progress narrative shown in the answer; the button shows the rest. */
export const PROGRESS_EXCERPT_MAX = 700;

/**
 * The `/task N` answer: header (number and title; the number only when they would not fit, the
 * title then in full right under it, once), fields (deadline with "overdue" where it
 * applies, status — a heading's as its sub-tasks' statuses counted, see render-task-status.ts
 * — responsible and co-responsible institutions, section), result indicator, the start of the
 * progress narrative, the reporting cut-off that holds the task (`cutoff`), or for a heading
 * one that holds tasks under it, rolled up (`headingCutoff`; the heading's own other cut-offs,
 * `headingOthers`, named after it: see `asOtherCutoffs`), sub-tasks of a parent task (a
 * heading among them with its counts), and the "Show full
 * progress" / "Share in channel" buttons. Always within Slack's limits (≤ 50 blocks,
 * sections ≤ 3,000, fields ≤ 2,000, header ≤ 150).
 * Source of the fields: the annex columns of the report (VI. PIELIKUMS).
 */
export function renderTask(
  task: TaskDetail,
  ctx: RenderContext,
  opts: {
    sharedBy?: string;
    cutoff?: TaskCutoffStatus | null;
    headingCutoff?: HeadingCutoffStatus | null;
    headingOthers?: readonly OtherCutoffReplies[];
  } = {},
): KnownBlock[] {
  const m = messages(ctx.locale);
  // A heading (10, 10.1) and its sub-tasks that are headings show their sub-tasks' statuses
  // counted (render-task-status.ts): from the tasks under it, already read with it.
  const rollups = task.children.length > 0 ? statusRollups(task.descendants) : NO_ROLLUPS;
  // A title too long for the header (≤ 150 characters) is shown once, in full, under a header
  // of the number only: not cut there and repeated below.
  const heading = m.task.heading(task.number, task.title);
  const long = heading.length > HEADER_TEXT_MAX;
  const blocks: KnownBlock[] = [
    {
      type: "header",
      text: {
        type: "plain_text",
        text: truncateText(
          long ? taskViewText(ctx.locale).numberHeading(task.number) : heading,
          HEADER_TEXT_MAX,
        ),
      },
    },
  ];
  if (long) blocks.push(section(`*${escapeMrkdwn(task.title)}*`));
  blocks.push({ type: "section", fields: fields(task, ctx, rollups.get(task.number)) });
  // A parent row without its own indicator (10, 10.1) is a heading: its sub-tasks carry them.
  if (task.indicator || task.children.length === 0) {
    blocks.push(
      section(`*${m.task.indicator}*\n${escapeMrkdwn(task.indicator ?? m.task.noIndicator)}`),
    );
  }
  if (task.progress || task.children.length === 0) {
    const excerpt = task.progress
      ? truncateText(escapeMrkdwn(task.progress), PROGRESS_EXCERPT_MAX)
      : m.task.noProgress;
    blocks.push(section(`*${m.task.progress}*\n${excerpt}`));
  }
  if (opts.cutoff)
    blocks.push(
      ...renderCutoffStatus(
        withoutTaskPrefix(opts.cutoff, task),
        ctx.locale,
        ctx.zone,
        task.number,
      ),
    );
  else if (opts.headingCutoff)
    blocks.push(
      ...renderHeadingCutoff(
        opts.headingCutoff,
        ctx.locale,
        ctx.zone,
        opts.headingOthers,
        task.number,
      ),
    );
  if (task.children.length > 0) {
    const lines = task.children.map((c) => {
      const { mark, suffix } = listStatus(c.status, rollups.get(c.number));
      return `${mark} *${c.number}* ${escapeMrkdwn(c.title)}${suffix}`;
    });
    blocks.push(section(`*${m.task.subtasks}*\n${lines.join("\n")}`));
  }
  const context = [m.task.programme(task.programme.code)];
  if (task.parent) context.push(m.task.parentTask(task.parent));
  if (opts.sharedBy) context.push(m.task.sharedBy(opts.sharedBy));
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: context.join(" · ") }] });
  const buttons = actions(task, ctx.locale, !opts.sharedBy);
  if (buttons) blocks.push(buttons);
  return blocks;
}

/**
 * The cut-off status with each latest reply as the annex and the digest show it: "5: text" and
 * "*5*. text" read "text" under task 5, which the answer already names (see `replyBody`).
 */
function withoutTaskPrefix(status: TaskCutoffStatus, task: TaskDetail): TaskCutoffStatus {
  return {
    ...status,
    institutions: status.institutions.map((i) =>
      i.latest ? { ...i, latest: { ...i.latest, text: replyBody(i.latest.text, task.number) } } : i,
    ),
  };
}

const NO_ROLLUPS: ReadonlyMap<string, StatusRollup> = new Map();

function fields(
  task: TaskDetail,
  ctx: RenderContext,
  rollup: StatusRollup | undefined,
): Array<{ type: "mrkdwn"; text: string }> {
  const m = messages(ctx.locale);
  let deadline = deadlineLabel(task.deadline, ctx.locale, ctx.zone);
  if (deadline !== task.deadline.text)
    deadline += ` _(${escapeMrkdwn(printedDeadline(task.deadline.text, ctx.locale))})_`;
  if (isOverdue(task.deadline, task.status, ctx.now, ctx.zone))
    deadline += ` · ⚠️ *${m.task.overdue}*`;
  const responsible = task.institutions.filter((i) => i.role === "responsible");
  const co = task.institutions.filter((i) => i.role === "co_responsible");
  const out = [];
  if (task.deadline.text !== "") out.push(field(m.task.deadline, deadline));
  out.push(field(m.task.status, statusOrRollup(task.status, rollup, ctx.locale)));
  if (responsible.length > 0 || task.children.length === 0) {
    out.push(field(m.role.responsible, names(responsible) || "–"));
  }
  if (co.length > 0) out.push(field(m.role.co_responsible, names(co)));
  const sectionName = m.sections[task.section];
  out.push(field(m.task.section, `${task.section}${sectionName ? ` – ${sectionName}` : ""}`));
  return out;
}

/** The report's year-only deadline: "2010.gads" ("the year 2010"), "2011.gadā" ("in 2011"). */
const YEAR_ONLY = /^(\d{4})\.\s*gad(?:s|ā)$/u;

/**
 * The printed deadline beside the date the app read from it: as printed ("2010.gads"), except
 * that in English a year-only one is the year, "2010" (the Latvian word is the app's label of
 * the year there, not the report's wording to quote). Other texts stay as the report has them.
 */
function printedDeadline(text: string, locale: Locale): string {
  if (locale !== "en") return text;
  return YEAR_ONLY.exec(text)?.[1] ?? text;
}

/** Institutions as "*IEM* – Iekšlietu ministrija", one a line. */
function names(list: TaskDetail["institutions"]): string {
  return list.map((i) => `*${i.code}* – ${escapeMrkdwn(i.name)}`).join("\n");
}

function field(label: string, value: string): { type: "mrkdwn"; text: string } {
  return { type: "mrkdwn", text: truncateText(`*${label}*\n${value}`, SECTION_FIELD_TEXT_MAX) };
}

function section(text: string): SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text: truncateText(text, SECTION_TEXT_MAX) } };
}

function actions(task: TaskDetail, locale: Locale, shareable: boolean): KnownBlock | null {
  const m = messages(locale);
  const value = taskRef(task.programme.code, task.number);
  const elements = [];
  if (task.progress && task.progress.length > PROGRESS_EXCERPT_MAX) {
    elements.push({
      type: "button" as const,
      action_id: ActionId.taskShowProgress,
      text: {
        type: "plain_text" as const,
        text: truncateText(m.task.showProgress, BUTTON_TEXT_MAX),
      },
      value,
    });
  }
  if (shareable)
    elements.push({
      type: "button" as const,
      action_id: ActionId.taskShare,
      text: { type: "plain_text" as const, text: truncateText(m.task.share, BUTTON_TEXT_MAX) },
      value,
    });
  return elements.length > 0 ? { type: "actions", block_id: "task_actions", elements } : null;
}
