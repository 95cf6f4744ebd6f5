/**
 * The "asked elsewhere" pointer (src/replies/asked-elsewhere.ts askedElsewhere) points only to
 * cut-offs of the reply's own programme (a reviewer's finding: after a programme switch, an old
 * programme's cut-off still within the grace days asking about its own "14" was pointed to from
 * a reply in the new programme's thread). Against the real store (SQLite or PostgreSQL).
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { setSetting } from "../../db/settings.ts";
import { insertThread } from "../../db/threads.ts";
import { askedElsewhere } from "../../src/replies/asked-elsewhere.ts";
import { fixedClock } from "../../src/time.ts";
import { importedStore } from "../helpers/store.ts";

const NOW = "2027-01-20T10:00:00.000Z";
const SECRETARY = "U0SEC";

describe("askedElsewhere across programmes", () => {
  let db: Db | undefined;
  afterEach(async () => {
    await db?.destroy();
    db = undefined;
  });

  /** A cut-off of `programmeId` at `at` asking `tasks`, with LM's reminder thread started. */
  async function cutoffWithThread(
    store: Db,
    programmeId: number,
    at: string,
    tasks: string[],
    threadTs: string,
  ): Promise<number> {
    const lm = await findInstitution(store, "LM");
    if (!lm) throw new Error("no LM");
    const cutoff = await insertCutoff(store, {
      programmeId,
      at,
      title: "Termiņš",
      taskNumbers: tasks,
      createdBy: SECRETARY,
      createdAt: NOW,
    });
    await insertThread(store, {
      cutoffId: cutoff.id,
      institutionId: lm.id,
      channelId: "C0LM",
      threadTs,
      at: NOW,
    });
    return cutoff.id;
  }

  it("points to another cut-off of the same programme asking the number", async () => {
    ({ db } = await importedStore());
    const programme = await currentProgramme(db);
    const lm = await findInstitution(db, "LM");
    if (!programme || !lm) throw new Error("no programme or LM");
    const one = await cutoffWithThread(db, programme.id, "2027-01-18T21:59:59.999Z", ["5"], "1.1");
    const two = await cutoffWithThread(db, programme.id, "2027-03-01T21:59:59.999Z", ["14"], "2.2");
    const found = await askedElsewhere({ db, clock: fixedClock(NOW) }, lm.id, one, ["14"]);
    expect(found.map((a) => [a.number, a.cutoffId])).toEqual([["14", two]]);
  });

  it("does not point to an old programme's cut-off within the grace days", async () => {
    ({ db } = await importedStore());
    const old = await currentProgramme(db);
    const lm = await findInstitution(db, "LM");
    if (!old || !lm) throw new Error("no programme or LM");
    // The old programme's cut-off passed two days ago, asking LM about its own 14.
    await cutoffWithThread(db, old.id, "2027-01-18T21:59:59.999Z", ["14"], "1.1");
    const row = await db
      .insertInto("programmes")
      .values({ code: "2014-2020", title: "Otrā programma", source: null, created_at: NOW })
      .returning("id")
      .executeTakeFirstOrThrow();
    await setSetting(db, "current_programme", "2014-2020", SECRETARY, NOW);
    const current = await cutoffWithThread(db, row.id, "2027-03-01T21:59:59.999Z", [], "2.2");
    const found = await askedElsewhere({ db, clock: fixedClock(NOW) }, lm.id, current, ["14"]);
    expect(found).toEqual([]);
  });
});
