/**
 * The store as a CLI command opens it: as the app does (`createDb`), but on SQLite a command
 * waits up to {@link CLI_BUSY_TIMEOUT_MS} for another process's write lock instead of the
 * app's 5 s. An operator at a terminal can wait; failing because the app (or a second command)
 * was migrating, importing or writing a fresh file at the same moment would not help them.
 */
import { createDb, type Db } from "../../db/client.ts";

/** How long (ms) a CLI command waits for SQLite's write lock before it fails with SQLITE_BUSY. */
export const CLI_BUSY_TIMEOUT_MS = 30_000;

/** Opens `databaseUrl` for a CLI command (see the file's comment); PostgreSQL as `createDb`. */
export function openCliStore(databaseUrl: string): Db {
  return createDb(databaseUrl, { busyTimeoutMs: CLI_BUSY_TIMEOUT_MS });
}
