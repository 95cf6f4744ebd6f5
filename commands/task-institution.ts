/**
 * `/task <institution>`: the institution's tasks, found by its code, an alias or its full name,
 * written with quotes of any style (`/task Patvērums „Drošā māja”`, `/task Patvērums "Drošā
 * māja"`, `/task Labklājības ministrija`), wrapped whole in quotes or not (`/task "LM"`, `/task
 * 'LM'`, `/task «Labklājības ministrija»`). One with no tasks in the programme is said so with
 * what `/task` takes instead and where its channel and contacts are, rather than "not
 * understood" (fresh-user finding).
 */
import type { KnownBlock } from "@slack/types";
import type { Db } from "../db/client.ts";
import { findInstitutionOrName, listInstitutionsWithTasks } from "../db/institutions.ts";
import { listTasks, listTasksOfInstitution } from "../db/tasks.ts";
import type { Locale } from "../src/config.ts";
import { unwrapQuotes } from "../src/domain/codes.ts";
import { type StatusRollup, statusRollups } from "../src/domain/status-rollup.ts";
import type { TaskSummary } from "../src/domain/types.ts";
import { messages } from "../src/i18n/index.ts";
import { SECTION_TEXT_MAX } from "../src/slack/block-limits.ts";
import { truncateText } from "../src/slack/fit.ts";
import { renderInstitutionTasks } from "../src/slack/render-overview.ts";
import { alsoMeant } from "./task-suggest.ts";
import type { Reply } from "./types.ts";

/**
 * `/task <query>`'s answer for the institution `query` names (`findInstitutionOrName`, shared
 * with `/calendar`, `/institution` and the CLI) in programme `programmeId`: its heading, its
 * responsible and co-responsible counts and its tasks (numbers and short titles, as many as one
 * message's blocks hold: renderInstitutionTasks); for one without tasks, under
 * "no tasks" a line with what `/task` takes, the institutions that have tasks and
 * `/institution <code>`. Null when `query` names no institution (the caller says it did not
 * understand). Reads only.
 */
export async function institutionReply(
  db: Db,
  programmeId: number,
  query: string,
  locale: Locale,
): Promise<Reply | null> {
  const institution = await findInstitutionOrName(db, query);
  if (!institution) return null;
  const m = messages(locale);
  const tasks = await listTasksOfInstitution(db, programmeId, institution.id);
  const others = await listInstitutionsWithTasks(db, programmeId);
  const blocks: KnownBlock[] = renderInstitutionTasks(
    institution,
    tasks,
    locale,
    alsoMeant(unwrapQuotes(query), institution.id, others),
    await institutionRollups(db, programmeId, tasks),
  );
  if (tasks.length === 0) {
    const codes = others.map((i) => i.code).join(", ");
    const hint = m.institution.noneHint(institution.code, codes);
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: truncateText(hint, SECTION_TEXT_MAX) }],
    });
  }
  return { blocks, text: m.institution.heading(institution.code, institution.name), found: true };
}

/**
 * Roll-ups for `/task <institution>`'s list (`statusRollups` of the programme's tasks, keyed by
 * number), so a heading linked to the institution (13 → IEM) reads as in the overview and on
 * the App Home. Only a task without a status of its own can be a heading (`isHeading`): when
 * the list has none, no read (the usual case: the bundled annex links no heading); else one
 * `listTasks` of the programme, whatever the list's length.
 */
async function institutionRollups(
  db: Db,
  programmeId: number,
  tasks: readonly TaskSummary[],
): Promise<Map<string, StatusRollup>> {
  if (!tasks.some((t) => t.status === null)) return new Map();
  return statusRollups(await listTasks(db, programmeId));
}
