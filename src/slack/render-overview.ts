import type { KnownBlock } from "@slack/types";
import type { Locale } from "../config.ts";
import { programmeSize } from "../domain/programme-size.ts";
import { type StatusRollup, statusRollups } from "../domain/status-rollup.ts";
import {
  type Institution,
  TASK_STATUSES,
  type TaskStatus,
  type TaskSummary,
} from "../domain/types.ts";
import { messages } from "../i18n/index.ts";
import { taskRollupText } from "../i18n/task-rollup.ts";
import { MESSAGE_BLOCKS_MAX, SECTION_TEXT_MAX } from "./block-limits.ts";
import { escapeMrkdwn, splitText, truncateText } from "./fit.ts";
import { statusLabel } from "./format.ts";
import { HEADING_MARK, listStatus } from "./render-task-status.ts";

/** Characters of a title in a list line; the full title is one `/task N` away. */
const LIST_TITLE_MAX = 90;

/** Spaces per level of a sub-task under its listed parent. */
const INDENT = "    ";

/**
 * One line per task, in the given order: status marker, number, shortened title. A sub-task
 * is indented one level deeper than its parent only when that parent is listed before it, so
 * the list reads as a tree: `/task IEM` lists 10.1.1 and 13.4 without 10.1 and 13, and an
 * indent there would hang under an unrelated task. `rollups` (`statusRollups` of the
 * programme's tasks): a heading among them reads "📂 *10.1* title (✅ 2 · 🟡 1)" (see
 * render-task-status.ts); without them every task shows its own status mark.
 */
export function taskLines(
  tasks: TaskSummary[],
  rollups: ReadonlyMap<string, StatusRollup> = new Map(),
): string[] {
  const depth = new Map<string, number>();
  return tasks.map((t) => {
    const parentDepth = t.parent === null ? undefined : depth.get(t.parent);
    const level = parentDepth === undefined ? 0 : parentDepth + 1;
    depth.set(t.number, level);
    const { mark, suffix } = listStatus(t.status, rollups.get(t.number));
    return `${INDENT.repeat(level)}${mark} *${t.number}* ${escapeMrkdwn(truncateText(t.title, LIST_TITLE_MAX))}${suffix}`;
  });
}

/** Blocks of list lines packed into sections of ≤ 3,000 characters, at most `maxBlocks`. */
export function listBlocks(lines: string[], maxBlocks: number): KnownBlock[] {
  const pieces = splitText(lines.join("\n"), SECTION_TEXT_MAX).slice(0, Math.max(1, maxBlocks));
  return pieces.map((text) => ({ type: "section", text: { type: "mrkdwn", text } }));
}

/**
 * `/task` and `/task help`: how to use the command (with `codes`, the institutions that have
 * tasks in this programme, so the examples answer), the programme's counts by status, `extra`
 * blocks (the next session), and the task list (status marker, number, title), within 50
 * blocks whatever the programme's size. The size reads as the README gives it, tasks and
 * sub-tasks apart ("26 uzdevumi un 9 apakšuzdevumi"). A heading (10, 10.1, 13) is counted apart ("📂
 * Virsraksti ar apakšuzdevumiem: 3"), not as "no result indicator", and listed with its
 * sub-tasks' statuses counted; the roll-ups come from `tasks`, no further reads.
 */
export function renderOverview(
  programme: { code: string; title: string },
  tasks: TaskSummary[],
  codes: string[],
  locale: Locale,
  extra: KnownBlock[] = [],
): KnownBlock[] {
  const m = messages(locale);
  const rollups = statusRollups(tasks);
  const counts = new Map<TaskStatus | null, number>();
  let headings = 0;
  for (const t of tasks) {
    if (t.status === null && rollups.has(t.number)) headings++;
    else counts.set(t.status, (counts.get(t.status) ?? 0) + 1);
  }
  // Counted as the README counts the report: 26 tasks and 9 sub-tasks, not 35 "tasks".
  const size = programmeSize(tasks);
  const countLine = [
    ...[...TASK_STATUSES, null]
      .filter((s) => counts.has(s))
      .map((s) => `${statusLabel(s, locale)}: *${counts.get(s)}*`),
    ...(headings > 0 ? [`${HEADING_MARK} ${taskRollupText(locale).headings}: *${headings}*`] : []),
  ].join("   ");
  const head: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: m.overview.title } },
    {
      type: "section",
      text: { type: "mrkdwn", text: m.overview.usage(escapeMrkdwn(codes.join(", "))) },
    },
    { type: "divider" },
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: truncateText(
          `*${escapeMrkdwn(programme.title)}* – ${m.overview.tasks(size.tasks, size.subtasks)}\n${countLine}`,
          SECTION_TEXT_MAX,
        ),
      },
    },
    ...extra,
  ];
  return [...head, ...listBlocks(taskLines(tasks, rollups), MESSAGE_BLOCKS_MAX - head.length)];
}

/**
 * `/task IEM`: the institution's name, how many tasks it is responsible and co-responsible for,
 * and the list. `alsoMeant`: other institutions the question may have meant ("AM" answers with
 * AiM, whose annex code it is, and names ĀM, which it also spells without the macron).
 * `rollups` (`statusRollups` of the programme's tasks, keyed by number): a heading linked to
 * the institution (13 over IEM's 13.4) reads "📂 *13* … (✅ 4)" as in the overview and on the
 * App Home; without them every task shows its own status mark.
 */
export function renderInstitutionTasks(
  institution: Institution,
  tasks: Array<TaskSummary & { role: "responsible" | "co_responsible" }>,
  locale: Locale,
  alsoMeant: ReadonlyArray<Pick<Institution, "code" | "name">> = [],
  rollups: ReadonlyMap<string, StatusRollup> = new Map(),
): KnownBlock[] {
  const m = messages(locale);
  const responsible = tasks.filter((t) => t.role === "responsible").length;
  const alternatives: KnownBlock[] =
    alsoMeant.length === 0
      ? []
      : [
          {
            type: "context",
            elements: [
              {
                type: "mrkdwn",
                text: truncateText(
                  m.institution.alsoMeant(
                    alsoMeant.map((a) => ({ code: a.code, name: escapeMrkdwn(a.name) })),
                  ),
                  SECTION_TEXT_MAX,
                ),
              },
            ],
          },
        ];
  const head: KnownBlock[] = [
    {
      type: "header",
      text: {
        type: "plain_text",
        text: truncateText(m.institution.heading(institution.code, institution.name), 150),
      },
    },
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text:
          tasks.length === 0
            ? m.institution.none
            : m.institution.summary(responsible, tasks.length - responsible),
      },
    },
    ...alternatives,
  ];
  const lines = taskLines(tasks, rollups).map((line, i) =>
    tasks[i]?.role === "co_responsible" ? `${line} _(${m.institution.coMark})_` : line,
  );
  return [...head, ...listBlocks(lines, MESSAGE_BLOCKS_MAX - head.length)];
}

/** A kind answer to a mistake: the message and, where useful, a hint line. */
export function renderNotice(text: string, hint?: string): KnownBlock[] {
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: truncateText(text, SECTION_TEXT_MAX) } },
  ];
  if (hint)
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: truncateText(hint, SECTION_TEXT_MAX) }],
    });
  return blocks;
}
