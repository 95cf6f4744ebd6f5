/**
 * The active cut-off (`activeCutoff`: the next not passed, else the last passed within the grace
 * days) is the current programme's: after a programme switch, a cut-off of the old programme still
 * ahead is not it (a finding: the digest, the App Home and the reply pointers were then about a
 * cut-off of a programme nobody reads). Against the real store (SQLite or PostgreSQL).
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { activeCutoff, insertCutoff } from "../../db/cutoffs.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { setSetting } from "../../db/settings.ts";
import { importedStore } from "../helpers/store.ts";

const NOW = "2027-01-20T10:00:00.000Z";
const GRACE = "2026-12-21T10:00:00.000Z";
const SECRETARY = "U0SEC";

describe("activeCutoff after a programme switch", () => {
  let db: Db | undefined;
  afterEach(async () => {
    await db?.destroy();
    db = undefined;
  });

  /** A store whose imported programme has cut-offs at `oldAt`; returns the old programme's id. */
  async function store(oldAt: string[]): Promise<{ db: Db; oldId: number }> {
    ({ db } = await importedStore());
    const old = await currentProgramme(db);
    if (!old) throw new Error("no programme");
    for (const at of oldAt) {
      await insertCutoff(db, {
        programmeId: old.id,
        at,
        title: "Vecās programmas termiņš",
        taskNumbers: null,
        createdBy: SECRETARY,
        createdAt: NOW,
      });
    }
    return { db, oldId: old.id };
  }

  /** Adds programme 2014-2020 and makes it the current one; returns its id. */
  async function switchProgramme(db: Db): Promise<number> {
    const row = await db
      .insertInto("programmes")
      .values({ code: "2014-2020", title: "Otrā programma", source: null, created_at: NOW })
      .returning("id")
      .executeTakeFirstOrThrow();
    await setSetting(db, "current_programme", "2014-2020", SECRETARY, NOW);
    return row.id;
  }

  it("is the new programme's next one, not the old one's coming first", async () => {
    const s = await store(["2027-02-01T21:59:59.999Z"]);
    const newId = await switchProgramme(s.db);
    const next = await insertCutoff(s.db, {
      programmeId: newId,
      at: "2027-03-01T21:59:59.999Z",
      title: "Jaunās programmas termiņš",
      taskNumbers: null,
      createdBy: SECRETARY,
      createdAt: NOW,
    });
    expect((await activeCutoff(s.db, NOW, GRACE))?.id).toBe(next.id);
  });

  it("is the new programme's just passed one, not the old one's ahead", async () => {
    const s = await store(["2027-02-01T21:59:59.999Z"]);
    const newId = await switchProgramme(s.db);
    const passed = await insertCutoff(s.db, {
      programmeId: newId,
      at: "2027-01-10T21:59:59.999Z",
      title: "Jaunās programmas termiņš",
      taskNumbers: null,
      createdBy: SECRETARY,
      createdAt: NOW,
    });
    expect((await activeCutoff(s.db, NOW, GRACE))?.id).toBe(passed.id);
  });

  it("is none when only the old programme has cut-offs", async () => {
    const s = await store(["2027-02-01T21:59:59.999Z", "2027-01-10T21:59:59.999Z"]);
    await switchProgramme(s.db);
    expect(await activeCutoff(s.db, NOW, GRACE)).toBeUndefined();
  });

  it("is the current programme's when nothing switched", async () => {
    const s = await store(["2027-02-01T21:59:59.999Z"]);
    expect((await activeCutoff(s.db, NOW, GRACE))?.programmeId).toBe(s.oldId);
  });
});
