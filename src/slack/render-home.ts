/**
 * The App Home tab (`views.publish`, type "home", ≤ 100 blocks): the programme at a glance for
 * everyone, the secretary's part (who has not answered, a button for the digest) and, for an
 * institution contact, their institutions' tasks and what is still missing.
 * Source: https://api.slack.com/surfaces/app-home, https://docs.slack.dev/reference/views/home-tab-views
 */
import type { KnownBlock } from "@slack/types";
import type { Locale } from "../config.ts";
import { unansweredTasks } from "../digest/model.ts";
import type { HomeData } from "../home/model.ts";
import { homeText, LANGUAGE_NAMES } from "../i18n/home.ts";
import { taskRollupText } from "../i18n/task-rollup.ts";
import { HOME_BLOCKS_MAX } from "./block-limits.ts";
import { escapeMrkdwn } from "./fit.ts";
import { statusLabel } from "./format.ts";
import { ActionId } from "./ids.ts";
import { contextLine, formatInstant, header, section } from "./render-admin.ts";
import { listBlocks, taskLines } from "./render-overview.ts";
import { HEADING_MARK } from "./render-task-status.ts";

/** A Home view: `{ type: "home", blocks }`. */
export interface HomeView {
  type: "home";
  blocks: KnownBlock[];
}

/**
 * The programme at a glance: its tasks' count, the counts by status and the headings (10, 10.1,
 * 13) counted apart as `/task` counts them ("📂 Virsraksti ar apakšuzdevumiem *3*", never under
 * "no result indicator"), the next session and cut-off.
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
  const s = data.nextSession;
  const c = data.cutoff;
  return [
    header(t.title),
    section(`*${escapeMrkdwn(data.programme.title)}* – ${t.tasks(total)}\n${counts}`),
    section(
      [
        s ? t.nextSession(formatInstant(s.at, zone, locale), escapeMrkdwn(s.title)) : t.noSession,
        c ? t.cutoff(escapeMrkdwn(c.title), formatInstant(c.at, zone, locale)) : t.noCutoff,
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

function secretaryPart(data: HomeData, locale: Locale): KnownBlock[] {
  const t = homeText(locale);
  if (!data.notAnswered) return [];
  // As the digest lists them: the tasks not answered, those replied to only unverified named.
  const list = data.notAnswered
    .map((i) => {
      const note = i.unverified.length > 0 ? `; ${t.unverifiedReplies(i.unverified)}` : "";
      return `${i.code} (${unansweredTasks(i).join(", ")}${note})`;
    })
    .join("; ");
  return [
    { type: "divider" },
    header(t.secretaryHeading),
    section(data.notAnswered.length > 0 ? t.notAnswered(list) : t.allAnswered),
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

function contactPart(data: HomeData, locale: Locale, budget: number): KnownBlock[] {
  const t = homeText(locale);
  const out: KnownBlock[] = [];
  for (const inst of data.mine) {
    const room = budget - out.length - 4;
    if (room < 1) break;
    out.push({ type: "divider" }, header(t.institutionHeading(inst.code, inst.name)));
    if (data.cutoff)
      out.push(
        section(inst.missing.length > 0 ? t.missing(inst.missing.join(", ")) : t.nothingMissing),
      );
    out.push(
      section(t.yourTasks(inst.tasks.length)),
      // A heading among them reads as in `/task`: "📂 *13* … (✅ 4)".
      ...listBlocks(taskLines(inst.tasks, data.rollups), Math.min(room, 3)),
    );
  }
  return out;
}

/** The Home view for the user `data` was read for, within 100 blocks. */
export function renderHome(data: HomeData, locale: Locale, zone: string): HomeView {
  const top = [
    ...glance(data, locale, zone),
    languagePart(data, locale),
    ...secretaryPart(data, locale),
  ];
  const mine = contactPart(data, locale, HOME_BLOCKS_MAX - top.length - 1);
  const blocks = [...top, ...mine];
  if (!data.notAnswered && data.mine.length === 0)
    blocks.push(contextLine(homeText(locale).visitor));
  return { type: "home", blocks: blocks.slice(0, HOME_BLOCKS_MAX) };
}
