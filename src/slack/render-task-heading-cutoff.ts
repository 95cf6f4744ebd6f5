import type { KnownBlock } from "@slack/types";
import type { Locale } from "../config.ts";
import { taskCutoffText } from "../i18n/task-cutoff.ts";
import type { HeadingCutoffStatus } from "../reminders/heading-status.ts";
import type { OtherCutoffReplies } from "../reminders/task-status.ts";
import { SECTION_TEXT_MAX } from "./block-limits.ts";
import { escapeMrkdwn, truncateText } from "./fit.ts";
import { formatInstant } from "./format.ts";
import { otherCutoffLines, packLines } from "./render-task-cutoff.ts";

/**
 * A heading's cut-off section (`/task 13`, see heading-status.ts), as a task's cut-off section
 * begins: the cut-off ("*Ziņošanas termiņš #2: …* (…)", "… pagājis: …" once passed); then how
 * many of its sub-tasks in the scope all their institutions have answered ("… 1 no 4"), as the
 * heading's status field counts its sub-tasks; one line per sub-task in the
 * scope ("✅ *13.1* – atbildēja ĀM", "⏳ *13.3* – atbildēja LM; vēl nav atbildējušas IEM, VP");
 * and where each sub-task's replies and reminders are (`/task 13.1`). Sections of ≤ 3,000
 * characters (block ids "task_cutoff", "task_cutoff_2", …, as a task's), the sub-task lines
 * left out beyond them counted in a note. Then, in a section of their own
 * ("task_cutoff_others", so no number of sub-tasks hides them), the heading's own other cut-offs
 * (`others`: one passed that named the heading itself, before it had sub-tasks, with who has not
 * answered it; see `asOtherCutoffs`) as a task's view names them, with `/task N history`
 * (`taskNumber`) when a reply is among them. At most 5 blocks.
 */
export function renderHeadingCutoff(
  status: HeadingCutoffStatus,
  locale: Locale,
  zone: string,
  others: readonly OtherCutoffReplies[] = [],
  taskNumber?: string,
): KnownBlock[] {
  const m = taskCutoffText(locale);
  const { id, passed } = status.cutoff;
  const heading = (passed ? m.headingPassed : m.heading)(
    id,
    escapeMrkdwn(status.cutoff.title),
    formatInstant(status.cutoff.at, zone, locale),
  );
  const named = status.subtasks.filter((s) => s.answered.length + s.waiting.length > 0);
  const done = named.filter((s) => s.waiting.length === 0).length;
  const lines = [heading];
  if (named.length > 0) lines.push(m.subtaskCounts(done, named.length));
  const first = lines.length;
  for (const s of status.subtasks) {
    if (s.answered.length + s.waiting.length === 0) lines.push(m.subtaskNobody(s.number));
    else if (s.waiting.length === 0) lines.push(m.subtaskAnswered(s.number, s.answered));
    else lines.push(m.subtaskWaiting(s.number, s.answered, s.waiting, passed));
  }
  const hint = status.subtasks[0] ? m.subtaskHint(status.subtasks[0].number) : undefined;
  if (hint) lines.push(hint);
  const subtasksEnd = first + status.subtasks.length;
  const note = (from: number) => {
    const left = Math.max(0, subtasksEnd - Math.max(from, first));
    return left > 0 ? m.moreSubtasks(left) : (hint ?? "");
  };
  const section = (block_id: string, text: string): KnownBlock => ({
    type: "section",
    block_id,
    text: { type: "mrkdwn", text: truncateText(text, SECTION_TEXT_MAX) },
  });
  const blocks = packLines(lines, note).map((text, n) =>
    section(n === 0 ? "task_cutoff" : `task_cutoff_${n + 1}`, text),
  );
  const other = otherCutoffLines(others, locale, zone, taskNumber);
  const otherText = [...other.lines, ...(other.hint ? [other.hint] : [])].join("\n");
  if (otherText) blocks.push(section("task_cutoff_others", otherText));
  return blocks;
}
