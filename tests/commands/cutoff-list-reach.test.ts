/**
 * `/cutoff list` counts the institutions in scope with no Slack channel apart ("…, 2 bez
 * kanāla": their reminders are never posted), and once every institution asked has answered
 * says so ("visas institūcijas ir atbildējušas") instead of a reminder (a finding: the line
 * read as if reminders would reach every institution and still go). The list's data from the
 * real store (SQLite or PostgreSQL), rendered lv and en.
 */
import { afterEach, describe, expect, it } from "vitest";
import { cutoffListData } from "../../commands/cutoff.ts";
import type { CommandDeps } from "../../commands/types.ts";
import type { Db } from "../../db/client.ts";
import { setMapping } from "../../db/contacts.ts";
import { type Cutoff, insertCutoff } from "../../db/cutoffs.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { insertReply } from "../../db/replies.ts";
import { scopeOfCutoff, tasksByInstitution } from "../../db/scope.ts";
import { testConfig } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { renderCutoffList } from "../../src/slack/render-cutoff.ts";
import { fixedClock } from "../../src/time.ts";
import { importedStore } from "../helpers/store.ts";

const NOW = "2027-01-20T10:00:00.000Z";
const ctx = (locale: "lv" | "en") => ({ locale, zone: "Europe/Riga", today: "2027-01-20" });

describe("/cutoff list: institutions without a channel, and all answered", () => {
  let db: Db | undefined;
  afterEach(async () => {
    await db?.destroy();
    db = undefined;
  });

  /** A store with a cut-off on task 5 alone; its deps and the institutions asked (ids). */
  async function world(): Promise<{ deps: CommandDeps; cutoff: Cutoff; asked: number[] }> {
    ({ db } = await importedStore());
    const programme = await currentProgramme(db);
    if (!programme) throw new Error("no programme");
    const cutoff = await insertCutoff(db, {
      programmeId: programme.id,
      at: "2027-02-01T21:59:59.999Z",
      title: "Ziņojums",
      taskNumbers: ["5"],
      createdBy: "U0SEC",
      createdAt: NOW,
    });
    const asked = [...tasksByInstitution(await scopeOfCutoff(db, cutoff)).keys()];
    const deps: CommandDeps = {
      db,
      clock: fixedClock(NOW),
      config: testConfig(),
      logger: createLogger("silent"),
      replan: async () => undefined,
    };
    return { deps, cutoff, asked };
  }

  const text = async (deps: CommandDeps, locale: "lv" | "en") =>
    blocksToText(renderCutoffList(await cutoffListData(deps), ctx(locale), false));

  it("counts the institutions with no channel apart", async () => {
    const { deps, asked } = await world();
    expect(asked.length).toBeGreaterThan(1);
    const [first] = asked;
    await setMapping(deps.db, first ?? 0, "C0ONE", [], NOW);
    const unmapped = asked.length - 1;
    expect(await text(deps, "lv")).toContain(`, ${unmapped} bez kanāla`);
    expect(await text(deps, "en")).toContain(`, ${unmapped} without a channel`);
    for (const id of asked) await setMapping(deps.db, id, `C0I${id}`, [], NOW);
    expect(await text(deps, "lv")).not.toContain("bez kanāla");
  });

  it("says every institution has answered instead of a next reminder", async () => {
    const { deps, cutoff, asked } = await world();
    const task = await deps.db
      .selectFrom("tasks")
      .select("id")
      .where("number", "=", "5")
      .where("programme_id", "=", cutoff.programmeId)
      .executeTakeFirstOrThrow();
    for (const id of asked) await setMapping(deps.db, id, `C0I${id}`, [], NOW);
    const reply = (institutionId: number, n: number) =>
      insertReply(deps.db, {
        cutoffId: cutoff.id,
        institutionId,
        taskId: task.id,
        channelId: `C0I${institutionId}`,
        ts: `1800000000.00000${n}`,
        threadTs: "1800000000.000000",
        userId: "U0CONTACT",
        text: "5: izpildīts",
        files: [],
        statusClaim: null,
        verified: true,
        source: "event",
        receivedAt: NOW,
      });
    // One still owes: no such line.
    const [last, ...rest] = asked;
    for (const [n, id] of rest.entries()) await reply(id, n);
    expect(await text(deps, "lv")).not.toContain("visas institūcijas ir atbildējušas");
    await reply(last ?? 0, 9);
    const lv = await text(deps, "lv");
    expect(lv).toContain("visas institūcijas ir atbildējušas");
    expect(lv).not.toContain("nākamais atgādinājums");
    expect(lv).not.toContain("atgādinājumu vairs nav");
    const en = await text(deps, "en");
    expect(en).toContain("all institutions have answered");
    expect(en).not.toContain("next reminder");
  });
});
