/**
 * The App Home tab (`views.publish`, type "home", ≤ 100 blocks): the programme at a glance for
 * everyone, the secretary's part (who has not answered, a button for the digest) and, for an
 * institution contact, their institutions' tasks and what is still missing.
 * Source: https://api.slack.com/surfaces/app-home, https://docs.slack.dev/reference/views/home-tab-views
 */
import type { KnownBlock } from "@slack/types";
import type { Locale } from "../config.ts";
import { historyTasksOnce } from "../digest/other-cutoffs.ts";
import { type HomeOtherCutoff, lateEntries } from "../digest/other-late.ts";
import type { HomeData, HomeInstitution, HomeThread } from "../home/model.ts";
import { digestText } from "../i18n/digest.ts";
import { homeText, LANGUAGE_NAMES } from "../i18n/home.ts";
import { taskCutoffText } from "../i18n/task-cutoff.ts";
import { taskRollupText } from "../i18n/task-rollup.ts";
import { HOME_BLOCKS_MAX, SECTION_TEXT_MAX } from "./block-limits.ts";
import { escapeMrkdwn } from "./fit.ts";
import { formatInstantDay, statusLabel } from "./format.ts";
import { ActionId } from "./ids.ts";
import { contextLine, formatInstant, header, packParagraphs, section } from "./render-admin.ts";
import { noThreadLines } from "./render-home-delivery.ts";
import { fitEntries, fitNumbers } from "./render-home-fit.ts";
import { listBlocks, taskLines } from "./render-overview.ts";
import { updateButtonValue } from "./render-reminder.ts";
import { messageLink } from "./render-task-cutoff.ts";
import { HEADING_MARK } from "./render-task-status.ts";
import { submitUpdateActionId } from "./submit-update-action.ts";

/** A Home view: `{ type: "home", blocks }`. */
export interface HomeView {
  type: "home";
  blocks: KnownBlock[];
}

/**
 * The programme at a glance: its size as `/task help` says it ("26 uzdevumi un 9
 * apakšuzdevumi", `HomeData.size`), the counts by status and the headings (10, 10.1,
 * 13) counted apart as `/task` counts them ("📂 Virsraksti ar apakšuzdevumiem *3*", never under
 * "no result indicator"), the next session and cut-off (named by its number and said to have
 * passed once it has: "⏰ Ziņošanas termiņš #1 pagājis: *Pirmais* – …").
 */
function glance(data: HomeData, locale: Locale, zone: string): KnownBlock[] {
  const t = homeText(locale);
  if (!data.programme) return [header(t.title), section(t.noProgramme)];
  const total = Object.values(data.counts).reduce((a, b) => a + b, data.headings);
  const counts = [
    ...(Object.keys(data.counts) as Array<keyof HomeData["counts"]>)
      .filter((k) => data.counts[k] > 0)
      .map((k) => `${statusLabel(k === "none" ? null : k, locale)} *${data.counts[k]}*`),
    ...(data.headings > 0
      ? [`${HEADING_MARK} ${taskRollupText(locale).headings} *${data.headings}*`]
      : []),
  ].join(" · ");
  const size = data.size ?? { tasks: total, subtasks: 0 };
  const s = data.nextSession;
  const c = data.cutoff;
  return [
    header(t.title),
    section(
      `*${escapeMrkdwn(data.programme.title)}* – ${t.tasks(size.tasks, size.subtasks)}\n${counts}`,
    ),
    section(
      [
        s ? t.nextSession(formatInstant(s.at, zone, locale), escapeMrkdwn(s.title)) : t.noSession,
        c
          ? t.cutoff(escapeMrkdwn(c.title), formatInstant(c.at, zone, locale), c.id, c.passed)
          : t.noCutoff,
      ].join("\n"),
    ),
  ];
}

/** The value of the language choice's "default" option: no choice stored (`SLACK_LOCALE` and `DEFAULT_LOCALE` decide). */
export const FOLLOW_SLACK = "slack";

/**
 * The language choice: a select of Latviešu, English and "default (no choice)", the
 * stored choice preselected. Its action is {@link ActionId.homeLanguage}.
 */
function languagePart(data: HomeData, locale: Locale): KnownBlock {
  const t = homeText(locale);
  const option = (text: string, value: string) => ({
    text: { type: "plain_text" as const, text },
    value,
  });
  const options = [
    option(LANGUAGE_NAMES.lv, "lv"),
    option(LANGUAGE_NAMES.en, "en"),
    option(t.languageSlack, FOLLOW_SLACK),
  ];
  const chosen = options.find((o) => o.value === (data.language ?? FOLLOW_SLACK));
  return {
    type: "section",
    text: { type: "mrkdwn", text: t.language },
    accessory: {
      type: "static_select",
      action_id: ActionId.homeLanguage,
      options,
      ...(chosen ? { initial_option: chosen } : {}),
    },
  };
}

/**
 * The secretary's part: who has not answered the current cut-off, in the digest's words and
 * entries ("*Vēl nav atbildējušas uz #2:* IEM (5; nepārbaudīta atbilde: 5); LM (14)"), the other
 * live cut-offs' replies named with theirs (the digest's "↩️ Atbildes saņemtas arī uz ziņošanas
 * termiņu #1 …" line), who has not answered each other cut-off that has passed ("*Vēl nav
 * atbildējušas uz #3 (pagājis 01.12.2026.):* IEM (5); …", a line each), and the digest button.
 * Lines are never cut: each names every institution, its numbers counted when they do not fit
 * ({@link fitEntries}), and they are packed whole into sections; lines past the Home's room are
 * counted ("… un vēl 2.").
 */
function secretaryPart(data: HomeData, locale: Locale, zone: string): KnownBlock[] {
  const t = homeText(locale);
  const d = digestText(locale);
  if (!data.notAnswered) return [];
  const others = otherCutoffLines(data.otherCutoffs ?? [], locale, zone);
  const id = data.cutoff?.id ?? null;
  const lines = [
    data.notAnswered.length > 0
      ? fitEntries(data.notAnswered, locale, (list) => d.notAnswered(list, id))
      : t.allAnswered,
    ...others,
    // One line each, never cut: each institution named, its numbers counted when they do not fit.
    ...(data.otherNotAnswered ?? []).map((c) =>
      fitEntries(c.institutions, locale, (list) =>
        d.notAnsweredPassed(list, c.id, formatInstantDay(c.at, zone, locale)),
      ),
    ),
  ];
  return [
    { type: "divider" },
    header(t.secretaryHeading),
    // Whole lines packed into sections (≤ 3,000 characters); those that do not fit counted.
    ...packParagraphs(lines, SECRETARY_BLOCKS_MAX, t.moreLines, "\n"),
    {
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: ActionId.digestRequest,
          style: "primary",
          text: { type: "plain_text", text: t.digestButton },
          value: "digest",
        },
      ],
    },
    contextLine(t.digestHint),
  ];
}

/** Most blocks the secretary's lines take (their sections and a "… un vēl 2." line). */
const SECRETARY_BLOCKS_MAX = 12;

/**
 * One line per other live cut-off with replies, in the digest's words ({@link digestText}'s
 * `otherCutoff`): "↩️ Atbildes saņemtas arī uz ziņošanas termiņu #1 „Pirmais” (01.12.2026.):
 * LM (14). Uzdevuma atbildes ar to ziņošanas termiņiem – `/task 14 history`." — each task's
 * hint on the first line naming it ({@link historyTasksOnce}). Tasks whose reply came after that
 * cut-off's time (`late`, `/task`'s rule) are an entry of their own marked as `/task` and the
 * digest mark a late reply: "LM (14); LM (18) _(pēc ziņošanas termiņa)_"; tasks answered in time
 * whose reply shown came after it (`supplemented`) are one marked " _(papildināts pēc ziņošanas
 * termiņa)_" (`lateMark`, src/domain/late-reply.ts). Never cut: when the
 * line would not fit a section, the institutions that do not fit are counted ("… un vēl 3
 * institūcijas"), whole institutions left out from the end.
 */
function otherCutoffLines(
  others: readonly HomeOtherCutoff[],
  locale: Locale,
  zone: string,
): string[] {
  const d = digestText(locale);
  const more = homeText(locale).moreInstitutions;
  const shown = others.filter((c) => c.institutions.length > 0);
  // Each task's `/task N history` once, on the first line naming it, as the digest says it.
  const hinted = historyTasksOnce(shown);
  return shown.map((c, k) => {
    const supplemented = taskCutoffText(locale).supplemented;
    const byInstitution = c.institutions.map((i) => lateEntries(i, d.late, supplemented));
    const line = (count: number) => {
      const entries = byInstitution.slice(0, count).flat();
      const left = byInstitution.length - count;
      if (left > 0) entries.push(more(left));
      return d.otherCutoff(
        c.id,
        escapeMrkdwn(c.title),
        formatInstantDay(c.at, zone, locale),
        entries,
        hinted[k] ?? [],
      );
    };
    let count = byInstitution.length;
    while (count > 1 && line(count).length > SECTION_TEXT_MAX) count--;
    return line(count);
  });
}

/**
 * Per institution the user is a contact of: what is still missing for the current cut-off, named
 * by its number ("*Vēl gaidām jūsu atbildi uz #2 par:* 14"), and for each other cut-off passed
 * within the grace days that it still owes — or the current one once passed — that a reply is
 * late but still welcome, and where it goes ("⌛ *Vēl gaidām jūsu atbildi uz #1 (pagājis
 * 01.02.2027.) par:* 5 – termiņš ir nokavēts, taču atbilde joprojām noderēs: atbildiet #1
 * atgādinājuma pavedienā (atvērt).", the thread linked when there is one: a reply counts for
 * the cut-off whose thread it came from), its replies to another live cut-off named with that
 * one (as the secretary's part, only its own entry), and its tasks. The lines are packed whole
 * into sections of ≤ 3,000 characters (`packParagraphs`), so a long list of one never cuts
 * another away; each list of numbers is shortened to fit its line ({@link fitNumbers}). A
 * cut-off whose reminder could not be posted (no thread) says so, who was told and the fix, and
 * its "Submit update" buttons follow the lines ({@link submitButtons}). Within `budget` blocks:
 * an institution whose part does not fit whole is left out with those after it, and `leftOut`
 * counts them (the caller says so).
 */
function contactPart(
  data: HomeData,
  locale: Locale,
  zone: string,
  budget: number,
): { blocks: KnownBlock[]; leftOut: number } {
  const t = homeText(locale);
  const out: KnownBlock[] = [];
  let shown = 0;
  for (const inst of data.mine) {
    const room = budget - out.length;
    const buttons = submitButtons(data, inst, locale);
    // Divider, header, "Jūsu uzdevumi" and at least one block of tasks besides the lines.
    const lines = packParagraphs(
      contactLines(data, inst, locale, zone),
      Math.max(2, room - 4 - buttons.length),
      t.moreLines,
      "\n",
    );
    const listRoom = room - 3 - lines.length - buttons.length;
    // An institution is shown whole or not at all; only the first may have lines left out
    // (counted: "… un vēl 2."), when even it alone does not fit.
    const cut = lines.at(-1)?.type === "context";
    if (listRoom < 1 || (cut && out.length > 0)) break;
    out.push(
      { type: "divider" },
      header(t.institutionHeading(inst.code, inst.name)),
      ...lines,
      ...buttons,
      section(t.yourTasks(inst.tasks.length)),
      // A heading among them reads as in `/task`: "📂 *13* … (✅ 4)".
      ...listBlocks(taskLines(inst.tasks, data.rollups), Math.min(listRoom, 3)),
    );
    shown++;
  }
  return { blocks: out, leftOut: data.mine.length - shown };
}

/** Most buttons in one actions block (https://docs.slack.dev/reference/block-kit/blocks/actions-block). */
const ACTIONS_ELEMENTS_MAX = 25;

/**
 * The cut-offs institution `inst` still owes with no reminder thread to answer in (its reminder
 * could not be posted, or none has gone out yet: no dead end), current one first: per cut-off an actions block of the reminder's
 * own "Submit update" buttons ({@link ActionId.reminderSubmitUpdate}'s modal, value
 * {@link updateButtonValue}), one per task missing, as many as a block holds (25). None without
 * the institution's id or the cut-off's (literals built before they were kept).
 */
function submitButtons(data: HomeData, inst: HomeInstitution, locale: Locale): KnownBlock[] {
  const t = homeText(locale);
  const institutionId = inst.id;
  if (institutionId === undefined) return [];
  const c = data.cutoff;
  const owed = [
    ...(c?.id !== undefined && !inst.thread && inst.missing.length > 0
      ? [{ id: c.id, tasks: inst.missing }]
      : []),
    ...(inst.missingPassed ?? []).filter((p) => !p.thread),
  ];
  return owed.map(({ id, tasks }) => ({
    type: "actions",
    elements: tasks.slice(0, ACTIONS_ELEMENTS_MAX).map((number, index) => ({
      type: "button",
      action_id: submitUpdateActionId(index),
      text: { type: "plain_text", text: t.submitButton(number, id) },
      value: updateButtonValue(id, institutionId, number),
    })),
  }));
}

/**
 * {@link contactPart}'s lines for institution `inst`: the current cut-off's (missing, late or
 * all in; none when it asks the institution nothing), each other passed cut-off's it still
 * owes (⌛), then its replies to other live ones.
 */
function contactLines(
  data: HomeData,
  inst: HomeInstitution,
  locale: Locale,
  zone: string,
): string[] {
  const t = homeText(locale);
  const own = (data.otherCutoffs ?? []).map((c) => ({
    ...c,
    institutions: c.institutions.filter((i) => i.code === inst.code),
  }));
  const code = escapeMrkdwn(inst.code);
  // No thread to answer in: said why (its reminder could not be posted, or none went out yet),
  // against the channel's state now (render-home-delivery.ts), with the buttons below as the way
  // on ({@link submitButtons}: only with the institution's id).
  const buttons = inst.id !== undefined;
  // A secretary (`notAnswered` is set for them alone) is told the channel is theirs to set.
  const secretary = data.notAnswered !== null;
  const undelivered = (id: number | undefined, why: string | undefined, thread?: HomeThread) =>
    id === undefined || thread
      ? []
      : noThreadLines(id, code, why, inst.channel, buttons, locale, secretary);
  const late = (
    numbers: readonly string[],
    c: { id: number; at: string; thread?: HomeThread; undelivered?: string },
  ) => [
    fitNumbers(numbers, t.moreNumbers, (list) =>
      !c.thread && (c.undelivered !== undefined || buttons)
        ? t.missingLateNoThread(list, c.id, formatInstantDay(c.at, zone, locale))
        : t.missingLate(
            list,
            c.id,
            formatInstantDay(c.at, zone, locale),
            c.thread && messageLink(c.thread.channelId, c.thread.ts),
          ),
    ),
    ...undelivered(c.id, c.undelivered, c.thread),
  ];
  const c = data.cutoff;
  const link = inst.thread && messageLink(inst.thread.channelId, inst.thread.ts);
  // A cut-off that asks the institution nothing: nothing said ("all submitted" would mislead).
  const current =
    !c || inst.asked === false
      ? []
      : inst.missing.length === 0
        ? [t.nothingMissing(c.id)]
        : c.passed && c.id !== undefined
          ? late(inst.missing, {
              id: c.id,
              at: c.at,
              ...(inst.thread && { thread: inst.thread }),
              ...(inst.undelivered !== undefined && { undelivered: inst.undelivered }),
            })
          : [
              fitNumbers(inst.missing, t.moreNumbers, (list) => t.missing(list, c.id, link)),
              ...undelivered(c.id, inst.undelivered, inst.thread),
            ];
  // Another cut-off just passed that the institution still owes: late, but still welcome.
  const passed = (inst.missingPassed ?? []).flatMap((p) => late(p.tasks, p));
  return [...current, ...passed, ...otherCutoffLines(own, locale, zone)];
}

/** The Home view for the user `data` was read for, within 100 blocks. */
export function renderHome(data: HomeData, locale: Locale, zone: string): HomeView {
  const top = [
    ...glance(data, locale, zone),
    languagePart(data, locale),
    ...secretaryPart(data, locale, zone),
  ];
  const mine = contactPart(data, locale, zone, HOME_BLOCKS_MAX - top.length - 1);
  const blocks = [...top, ...mine.blocks];
  // The block kept free above: the visitor's hint, or how many institutions did not fit.
  if (mine.leftOut > 0)
    blocks.push(contextLine(homeText(locale).institutionsLeftOut(mine.leftOut)));
  else if (!data.notAnswered && data.mine.length === 0)
    blocks.push(contextLine(homeText(locale).visitor));
  return { type: "home", blocks: blocks.slice(0, HOME_BLOCKS_MAX) };
}
