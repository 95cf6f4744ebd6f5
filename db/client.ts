import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect } from "kysely";
import { migrationProvider } from "./migrations/index.ts";
import type { Database } from "./schema.ts";

/** The store handle every repository function takes. */
export type Db = Kysely<Database>;

/**
 * Opens the store at `databaseUrl`: a SQLite file path (its folder is created) or ":memory:".
 * SQLite runs in WAL mode with foreign keys on and a 5 s busy timeout, so a web process and a
 * worker can share one file without SQLITE_BUSY reaching a user.
 */
export function createDb(databaseUrl: string): Db {
  const path = databaseUrl.replace(/^sqlite:(\/\/)?/, "");
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const database = new SQLite(path);
  database.pragma("journal_mode = WAL");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  database.pragma("synchronous = NORMAL");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}

/**
 * Brings the schema to the latest migration. Each migration runs in a transaction; a failed
 * one changes nothing.
 * @throws Error naming the failed migration and its cause.
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error) {
    const name = failed ? ` ${failed.migrationName}` : "";
    throw new Error(
      `Migration${name} failed: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
