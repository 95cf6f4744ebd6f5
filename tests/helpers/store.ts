import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type Db, migrateToLatest, type StoreDialect } from "../../db/client.ts";
import { BUNDLED_REPORT_PATH } from "../../db/seeds/index.ts";
import type { ImportedReport } from "../../src/domain/types.ts";
import { applyImport } from "../../src/import/apply-import.ts";
import { parseReport } from "../../src/import/parse-report.ts";
import { createTestDatabase } from "./postgres.ts";

/** The bundled report's text, read once per test file. */
export const reportText = readFileSync(BUNDLED_REPORT_PATH, "utf8");

let parsed: ImportedReport | undefined;
/** The bundled report, parsed once per test file. */
export function report(): ImportedReport {
  parsed ??= parseReport(reportText);
  return parsed;
}

const madeDirs: string[] = [];

/**
 * A fresh directory under the OS temp folder (`<tmpdir>/<prefix>XXXXXX`). Recorded, so that
 * {@link removeTempDirs} removes it when the test file ends (tests/helpers/cleanup.ts).
 */
export function tempDir(prefix = "koordinators-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  madeDirs.push(dir);
  return dir;
}

/**
 * Removes every directory {@link tempDir} made in this process so far, with all it holds, and
 * forgets them. Run after everything using them has stopped: vitest runs it from an `afterAll`
 * registered by the setup file tests/helpers/cleanup.ts, which (hooks run as a stack) comes
 * after a test file's own `afterAll`s have stopped its apps, redis-servers and child
 * processes; the benchmarks call it at their end. A directory that cannot be removed is
 * left and named in the returned list (never throws).
 */
export function removeTempDirs(): string[] {
  const left: string[] = [];
  for (const dir of madeDirs.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      left.push(dir);
    }
  }
  return left;
}

/**
 * The store the tests run on: `TEST_DATABASE=postgres` → a fresh PostgreSQL database per
 * store (see ./postgres.ts); anything else → a SQLite file (the default).
 */
export const testDialect: StoreDialect =
  process.env.TEST_DATABASE === "postgres" ? "postgres" : "sqlite";

const databases = new Map<string, Promise<string>>();

/**
 * The store URL for a test's data directory: the SQLite file `<dir>/<file>`, or on PostgreSQL
 * a fresh database — the same one each time for the same `dir` and `file`, so an app
 * restarted on a directory finds its data again.
 */
export function testDatabaseUrl(dir: string, file = "test.db"): Promise<string> {
  if (testDialect === "sqlite") return Promise.resolve(join(dir, file));
  const key = join(dir, file);
  let url = databases.get(key);
  if (!url) {
    url = createTestDatabase();
    databases.set(key, url);
  }
  return url;
}

/** A real, migrated store (SQLite file in a fresh temp directory, or a fresh PostgreSQL database). */
export async function migratedStore(): Promise<{ db: Db; path: string }> {
  const path = await testDatabaseUrl(tempDir());
  const db = createDb(path);
  await migrateToLatest(db);
  return { db, path };
}

/** A migrated store with the bundled report imported. */
export async function importedStore(): Promise<{ db: Db; path: string }> {
  const store = await migratedStore();
  await applyImport(store.db, report(), {
    actor: "test",
    at: "2026-11-29T12:00:00.000Z",
    source: "report.txt",
  });
  return store;
}
