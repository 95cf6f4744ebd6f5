/**
 * `/task 14 history` (also "vēsture"), `/task 14 history 2` for a page: the task's timeline,
 * newest first, paged. Read-only; anyone may look, like `/task 14`.
 */

import type { KnownBlock } from "@slack/types";
import { findTaskId } from "../db/activity.ts";
import type { Db } from "../db/client.ts";
import { findInstitution } from "../db/institutions.ts";
import { currentProgramme, findProgrammeByCode } from "../db/programmes.ts";
import { nextSession } from "../db/sessions.ts";
import { findTaskDetail } from "../db/tasks.ts";
import type { Locale } from "../src/config.ts";
import { taskTimeline } from "../src/history/timeline.ts";
import { digestText } from "../src/i18n/digest.ts";
import { historyText } from "../src/i18n/history.ts";
import { messages } from "../src/i18n/index.ts";
import { escapeMrkdwn } from "../src/slack/fit.ts";
import { contextLine, formatInstant } from "../src/slack/render-admin.ts";
import { renderHistory } from "../src/slack/render-history.ts";
import { renderNotice } from "../src/slack/render-overview.ts";
import type { Clock } from "../src/time.ts";
import type { Reply } from "./types.ts";

/** The history form of `/task` text: a task reference and the page (1 = newest). */
export interface HistoryInput {
  kind: "history";
  number: string;
  page: number;
}

const HISTORY =
  /^(?:#|nr\.?\s*|uzd\.?\s*)?(\d{1,4}(?:\.\d{1,4}){0,3})\.?\s+(?:history|vēsture|vesture)(?:\s+(\d{1,3}))?$/iu;

/** The largest page number `/task N history P` reads (three digits). */
export const HISTORY_PAGE_MAX = 999;

/**
 * Reads "14 history", "10.1.2 vēsture 2"; null for any other text, a page 0 ("14 history 0",
 * which {@link parseHistoryPageMistake} refuses like "abc") included. Pure.
 */
export function parseHistory(text: string): HistoryInput | null {
  const m = HISTORY.exec(text.replace(/\s+/g, " ").trim());
  if (!m?.[1]) return null;
  const page = Number(m[2] ?? 1);
  if (page < 1) return null;
  return { kind: "history", number: m[1].replace(/^0+(?=\d)/, ""), page };
}

/** A history request whose page is not a number from 1 to {@link HISTORY_PAGE_MAX}. */
export interface HistoryPageMistake {
  /** The task reference, normalised as {@link parseHistory} does. */
  number: string;
  /** What stood where the page number belongs ("abc", "-1"). */
  page: string;
}

const HISTORY_BAD_PAGE =
  /^(?:#|nr\.?\s*|uzd\.?\s*)?(\d{1,4}(?:\.\d{1,4}){0,3})\.?\s+(?:history|vēsture|vesture)\s+(\S.*)$/iu;

/**
 * Reads "14 history abc", "14 vēsture -1", "14 history 0": a history request with something
 * other than a page number from 1 to {@link HISTORY_PAGE_MAX} after it; null for any other text, a well-formed history request included. Pure.
 */
export function parseHistoryPageMistake(text: string): HistoryPageMistake | null {
  const arg = text.replace(/\s+/g, " ").trim();
  if (parseHistory(arg)) return null;
  const m = HISTORY_BAD_PAGE.exec(arg);
  if (!m?.[1] || !m[2]) return null;
  return { number: m[1].replace(/^0+(?=\d)/, ""), page: m[2] };
}

/**
 * Page `input.page` of the task's timeline in the current programme (or `programmeCode`).
 * Throws only on store failure.
 */
export async function handleHistory(
  input: HistoryInput,
  deps: { db: Db; zone: string },
  locale: Locale,
  programmeCode?: string,
): Promise<Reply> {
  const m = messages(locale);
  const programme = programmeCode
    ? await findProgrammeByCode(deps.db, programmeCode)
    : await currentProgramme(deps.db);
  if (!programme)
    return {
      blocks: renderNotice(m.overview.noProgramme),
      text: m.overview.noProgramme,
      found: false,
    };
  const task = await findTaskDetail(deps.db, programme.id, input.number);
  const taskId = task ? await findTaskId(deps.db, programme.id, input.number) : undefined;
  if (!task || taskId === undefined) {
    const text = m.errors.taskNotFound(input.number, null);
    return { blocks: renderNotice(text), text: text.replace(/\*/g, ""), found: false };
  }
  const institutionIds: number[] = [];
  for (const i of task.institutions) {
    const found = await findInstitution(deps.db, i.code);
    if (found) institutionIds.push(found.id);
  }
  const entries = await taskTimeline(deps.db, {
    programmeId: programme.id,
    programmeCode: programme.code,
    number: task.number,
    taskId,
    institutionIds,
  });
  return {
    blocks: renderHistory(task.number, entries, input.page, locale, deps.zone),
    text: historyText(locale).fallback(task.number),
    found: true,
  };
}

/** The `/task` overview's line about the next working-group session (none: no block). */
export async function nextSessionBlocks(
  deps: { db: Db; clock: Clock; zone: string },
  locale: Locale,
): Promise<KnownBlock[]> {
  const session = await nextSession(deps.db, deps.clock.now().toUTC().toISO() ?? "");
  if (!session) return [];
  const when = formatInstant(session.at, deps.zone, locale);
  return [contextLine(digestText(locale).nextSession(when, escapeMrkdwn(session.title)))];
}
