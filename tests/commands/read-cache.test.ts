import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readThrough } from "../../commands/read-cache.ts";
import type { Db } from "../../db/client.ts";
import { setSetting } from "../../db/settings.ts";
import { inReadSnapshot } from "../../db/snapshot.ts";
import { fixedClock } from "../../src/time.ts";
import { migratedStore } from "../helpers/store.ts";

let db: Db;
beforeAll(async () => {
  ({ db } = await migratedStore());
});
afterAll(async () => {
  await db.destroy();
});

/** A computation that counts its runs and answers with the run number. */
function counter() {
  let runs = 0;
  return {
    get runs() {
      return runs;
    },
    compute: async () => ++runs,
  };
}

describe("readThrough", () => {
  it("answers a question asked for the first time without keeping it; from the second, reuses", async () => {
    const clock = fixedClock("2026-03-29T00:00:00Z");
    const c = counter();
    expect(await readThrough(db, clock, "first", c.compute)).toBe(1);
    expect(await readThrough(db, clock, "first", c.compute)).toBe(2);
    expect(await readThrough(db, clock, "first", c.compute)).toBe(2);
    expect(c.runs).toBe(2);
  });

  it("shares one computation among concurrent askers, even the first time", async () => {
    const clock = fixedClock("2026-03-29T00:00:00Z");
    let runs = 0;
    // Still running when the other two ask (on PostgreSQL each asker first reads the store's
    // version, a query of its own).
    const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve(++runs), 300));
    const answers = await Promise.all([1, 2, 3].map(() => readThrough(db, clock, "shared", slow)));
    expect(answers).toEqual([1, 1, 1]);
    expect(runs).toBe(1);
  });

  it("computes again after a commit, after at most 5 s of the clock, and when the clock goes back", async () => {
    const clock = fixedClock("2026-03-29T00:00:00Z");
    const c = counter();
    await readThrough(db, clock, "timed", c.compute);
    expect(await readThrough(db, clock, "timed", c.compute)).toBe(2);
    await setSetting(db, "current_programme", "2009-2013", "U0TEST", "2026-03-29T00:00:00Z");
    expect(await readThrough(db, clock, "timed", c.compute)).toBe(3);
    clock.set("2026-03-29T00:00:05Z");
    expect(await readThrough(db, clock, "timed", c.compute)).toBe(4);
    clock.set("2026-03-29T00:00:04Z");
    expect(await readThrough(db, clock, "timed", c.compute)).toBe(5);
  });

  it("is the store's cache also inside a read snapshot", async () => {
    const clock = fixedClock("2026-03-29T00:00:00Z");
    const c = counter();
    await readThrough(db, clock, "snap", c.compute);
    await readThrough(db, clock, "snap", c.compute);
    const inside = await inReadSnapshot(db, (snapshot) =>
      readThrough(snapshot, clock, "snap", c.compute),
    );
    expect(inside).toBe(2);
    expect(c.runs).toBe(2);
  });

  it("keeps no failed computation", async () => {
    const clock = fixedClock("2026-03-29T00:00:00Z");
    let runs = 0;
    const failing = async () => {
      runs++;
      throw new Error("store down");
    };
    for (let i = 0; i < 3; i++)
      await expect(readThrough(db, clock, "fails", failing)).rejects.toThrow("store down");
    expect(runs).toBe(3);
  });
});
