/**
 * Migration 2026_12_05_090000_expand_cutoff_headings on the test store (SQLite, or PostgreSQL
 * with TEST_DATABASE=postgres): a live cut-off still ahead whose stored scope names a heading
 * (the report's 13 over 13.1–13.4, as stored before `/cutoff add` expanded headings) gets the
 * heading's sub-tasks, audited; a passed one, a removed one, the default scope and a list
 * without a heading are left exactly as they are; down restores what it changed. The instant
 * "ahead" is judged at: the wall clock when the migrator runs it (cut-offs far on either side
 * of it here), a given one through `widenCutoffsAheadOf` (exactly at it is not ahead). A
 * cut-off removed or moved to before that instant between the migration's read and its write
 * (as a `/cutoff` change committed meanwhile on PostgreSQL) is left as it is; down restores only
 * what still holds the migration's list, and keeps the audit entry of one changed since.
 */
import type { CompiledQuery, Kysely, QueryExecutor } from "kysely";
import { describe, expect, it } from "vitest";
import { auditFor } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import { insertCutoff, moveCutoff, removeCutoff } from "../../db/cutoffs.ts";
import {
  ACTOR,
  widenCutoffsAheadOf,
} from "../../db/migrations/2026_12_05_090000_expand_cutoff_headings.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { migrationSuite } from "./support.ts";

const NAME = "2026_12_05_090000_expand_cutoff_headings";
const PREVIOUS = "2026_12_04_120000_create_channel_checks";

const { store, migrate } = migrationSuite(NAME, PREVIOUS);

/** Adds a cut-off of the current programme at `at` naming `tasks`; returns its id. */
async function cutoffAt(db: Db, at: string, tasks: string[] | null): Promise<number> {
  const programme = await currentProgramme(db);
  const c = await insertCutoff(db, {
    programmeId: programme?.id ?? 0,
    at,
    title: `Termiņš ${at}`,
    taskNumbers: tasks,
    createdBy: "U0SEC",
    createdAt: "2019-01-01T12:00:00.000Z",
  });
  return c.id;
}

/** Every cut-off's stored `task_numbers` (JSON text or null), by id. */
async function scopes(db: Db): Promise<Record<number, string | null>> {
  const rows = await db.selectFrom("cutoffs").select(["id", "task_numbers"]).execute();
  return Object.fromEntries(rows.map((r) => [r.id, r.task_numbers]));
}

const SUB_TASKS = ["13.1", "13.2", "13.3", "13.4"];

/**
 * `db` as `widenCutoffsAheadOf` runs its SQL on, with `meanwhile` run once right after the
 * migration's read of the cut-offs returns (its connection released): what another process's
 * change committed between that read and the migration's write does.
 */
function withChangeAfterRead(db: Db, meanwhile: () => Promise<void>): Kysely<unknown> {
  const real = db.getExecutor();
  let done = false;
  const executor = new Proxy(real, {
    get(target, prop) {
      if (prop === "executeQuery")
        return async (query: CompiledQuery) => {
          const result = await target.executeQuery(query);
          if (!done && /^\s*select id, programme_id, task_numbers from cutoffs/u.test(query.sql)) {
            done = true;
            await meanwhile();
          }
          return result;
        };
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  }) as QueryExecutor;
  return { getExecutor: () => executor } as unknown as Kysely<unknown>;
}

describe(`migration ${NAME}`, () => {
  it("widens a cut-off still ahead that names a heading; passed, removed and others untouched", async () => {
    const db = await store();
    await migrate("down");
    const ahead = await cutoffAt(db, "2099-04-15T20:59:00.000Z", ["13", "5", "999"]);
    const passed = await cutoffAt(db, "2020-02-01T21:59:59.999Z", ["13"]);
    const removed = await cutoffAt(db, "2099-05-01T20:59:00.000Z", ["13"]);
    await db
      .updateTable("cutoffs")
      .set({ removed_at: "2020-01-01T00:00:00.000Z" })
      .where("id", "=", removed)
      .execute();
    const wholeScope = await cutoffAt(db, "2099-06-01T20:59:00.000Z", null);
    const noHeading = await cutoffAt(db, "2099-07-01T20:59:00.000Z", ["14", "13.2"]);
    const before = await scopes(db);

    await migrate("latest");
    const after = await scopes(db);
    // The heading's sub-tasks in the report's order; a number the programme lacks kept last.
    expect(JSON.parse(after[ahead] ?? "null")).toEqual(["5", ...SUB_TASKS, "999"]);
    for (const id of [passed, removed, wholeScope, noHeading]) expect(after[id]).toBe(before[id]);
    const audit = await auditFor(db, "cutoff", String(ahead));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: ACTOR, action: "update", field: "task_numbers" });
    expect(JSON.parse(audit[0]?.before ?? "null")).toEqual(["13", "5", "999"]);
    expect(JSON.parse(audit[0]?.after ?? "null")).toEqual(["5", ...SUB_TASKS, "999"]);
    for (const id of [passed, removed, wholeScope, noHeading])
      expect(await auditFor(db, "cutoff", String(id))).toEqual([]);

    await migrate("down");
    expect(await scopes(db)).toEqual(before);
    expect(await auditFor(db, "cutoff", String(ahead))).toEqual([]);
    await migrate("latest");
    expect(await scopes(db)).toEqual(after);
  });

  it("judges 'ahead' at the instant given: a cut-off exactly at it has passed", async () => {
    const db = await store();
    const now = "2027-02-01T21:59:59.999Z";
    const atNow = await cutoffAt(db, now, ["13"]);
    const justAfter = await cutoffAt(db, "2027-02-01T22:00:00.000Z", ["10", "13.1"]);
    const justBefore = await cutoffAt(db, "2027-02-01T21:59:59.998Z", ["13"]);
    const widened = await widenCutoffsAheadOf(db as unknown as Kysely<unknown>, now);
    expect(widened).toEqual([justAfter]);
    const after = await scopes(db);
    expect(after[atNow]).toBe('["13"]');
    expect(after[justBefore]).toBe('["13"]');
    // A nested heading expands all its levels (10 → 10.1.1–10.1.3, 10.2), as /cutoff add does.
    expect(JSON.parse(after[justAfter] ?? "null")).toEqual([
      "10.1.1",
      "10.1.2",
      "10.1.3",
      "10.2",
      "13.1",
    ]);
    // Run again: nothing is left to widen, nothing is written twice.
    expect(await widenCutoffsAheadOf(db as unknown as Kysely<unknown>, now)).toEqual([]);
    expect(await auditFor(db, "cutoff", String(justAfter))).toHaveLength(1);
  });

  it("leaves a cut-off removed or moved before `now` between its read and its write", async () => {
    const db = await store();
    const now = "2027-02-01T21:59:59.999Z";
    const removed = await cutoffAt(db, "2027-03-01T21:59:59.999Z", ["13"]);
    const moved = await cutoffAt(db, "2027-04-01T21:59:59.999Z", ["13"]);
    const kept = await cutoffAt(db, "2027-05-01T21:59:59.999Z", ["13"]);
    const before = await scopes(db);
    const racing = withChangeAfterRead(db, async () => {
      expect(await removeCutoff(db, removed, now)).toBe(true);
      expect(await moveCutoff(db, moved, "2027-01-15T21:59:59.999Z")).toBe(true);
    });
    // Read as live and ahead, both; written only while still so: the third alone.
    expect(await widenCutoffsAheadOf(racing, now)).toEqual([kept]);
    const after = await scopes(db);
    expect(after[removed]).toBe(before[removed]);
    expect(after[moved]).toBe(before[moved]);
    expect(JSON.parse(after[kept] ?? "null")).toEqual(SUB_TASKS);
    for (const id of [removed, moved]) expect(await auditFor(db, "cutoff", String(id))).toEqual([]);
  });

  it("down keeps a cut-off re-scoped since, and the audit entry its history starts from", async () => {
    const db = await store();
    await migrate("down");
    const changed = await cutoffAt(db, "2099-04-15T20:59:00.000Z", ["13"]);
    const untouched = await cutoffAt(db, "2099-05-15T20:59:00.000Z", ["13"]);
    await migrate("latest");
    // A `/cutoff` change after the migration: 13.2 only.
    await db
      .updateTable("cutoffs")
      .set({ task_numbers: JSON.stringify(["13.2"]) })
      .where("id", "=", changed)
      .execute();
    await migrate("down");
    const after = await scopes(db);
    expect(after[changed]).toBe('["13.2"]');
    expect(after[untouched]).toBe('["13"]');
    const kept = await auditFor(db, "cutoff", String(changed));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ actor: ACTOR, field: "task_numbers" });
    expect(JSON.parse(kept[0]?.after ?? "null")).toEqual(SUB_TASKS);
    expect(await auditFor(db, "cutoff", String(untouched))).toEqual([]);
  });
});
