/**
 * Migrations when several processes start at once, on both stores: four `migrate` processes
 * on one fresh database each finish without error and every migration runs exactly once
 * (PostgreSQL: Kysely's advisory lock; SQLite: the migration transaction begins IMMEDIATE).
 * A failing migration changes nothing (transactional DDL on both).
 */
import { type Kysely, type Migration, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { type Db, dialectOf, migrateToLatest } from "../../db/client.ts";
import { migrations } from "../../db/migrations/index.ts";
import { MIGRATION_STORES, migrateAtOnce, storeOpener } from "./support.ts";

const open = storeOpener();

async function tableNames(db: Db): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables.map((t) => t.name).sort();
}

async function applied(db: Db): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
    db,
  );
  return rows.rows.map((r) => r.name);
}

describe.each(MIGRATION_STORES)("migrations on %s", (_name, fresh) => {
  it("four processes migrating one fresh store at once: each migration runs once, none fails", async () => {
    const url = await fresh();
    const runs = migrateAtOnce(url);
    const codes = await Promise.all(runs.map((r) => r.exited));
    expect(codes).toEqual([0, 0, 0, 0]);
    const names = Object.keys(migrations).sort();
    const reported = runs
      // `migrate` says it in DEFAULT_LOCALE, Latvian here: "Piemērotās migrācijas (N): a, b".
      .map((r) => /Piemērotās migrācijas \(\d+\): (.*)/.exec(r.output())?.[1] ?? "")
      .flatMap((line) => line.split(", ").filter(Boolean));
    // Every migration was applied by exactly one of the four; the others found it done.
    expect(reported.sort()).toEqual(names);
    const db = open(url);
    expect(await applied(db)).toEqual(names);
    expect(dialectOf(url)).toBe(_name === "SQLite" ? "sqlite" : "postgres");
  }, 60_000);

  it("a failing migration changes nothing", async () => {
    const db = open(await fresh());
    await migrateToLatest(db);
    const tablesBefore = await tableNames(db);
    const appliedBefore = await applied(db);
    const broken: Migration = {
      async up(k: Kysely<unknown>) {
        await k.schema.createTable("broken_probe").addColumn("id", "integer").execute();
        await k.schema.alterTable("tasks").addColumn("broken_probe", "text").execute();
        throw new Error("this migration fails on purpose");
      },
    };
    const provider = {
      getMigrations: async () => ({ ...migrations, "2999_01_01_000000_broken": broken }),
    };
    await expect(migrateToLatest(db, provider)).rejects.toThrow(
      /Migration 2999_01_01_000000_broken failed: this migration fails on purpose/,
    );
    expect(await tableNames(db)).toEqual(tablesBefore);
    expect(await applied(db)).toEqual(appliedBefore);
    const columns = (await db.introspection.getTables()).find((t) => t.name === "tasks")?.columns;
    expect(columns?.map((c) => c.name)).not.toContain("broken_probe");
  });
});
