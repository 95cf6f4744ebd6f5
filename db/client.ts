import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  Kysely,
  type MigrationProvider,
  Migrator,
  PostgresAdapter,
  PostgresDialect,
  SqliteAdapter,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  type SqliteStatement,
  sql,
} from "kysely";
import type pg from "pg";
import { migrationProvider } from "./migrations/index.ts";
import type { Database } from "./schema.ts";

/** The store handle every repository function takes. */
export type Db = Kysely<Database>;

/** Which database a `DATABASE_URL` names. */
export type StoreDialect = "sqlite" | "postgres";

/** "postgres" for `postgres://…` and `postgresql://…` URLs; "sqlite" for anything else (a path). */
export function dialectOf(databaseUrl: string): StoreDialect {
  return /^postgres(ql)?:\/\//i.test(databaseUrl) ? "postgres" : "sqlite";
}

/** Options of {@link createDb}. */
export interface DbOptions {
  /** PostgreSQL: most connections the pool opens (default 10). Ignored for SQLite. */
  poolSize?: number;
  /**
   * SQLite: how long (ms) a statement waits for another process's write lock before it fails
   * with SQLITE_BUSY (default {@link DEFAULT_BUSY_TIMEOUT_MS}). Ignored for PostgreSQL.
   */
  busyTimeoutMs?: number;
}

/**
 * The app's SQLite busy timeout (ms): a request that waits longer would miss Slack's 3-second
 * acknowledgement anyway (https://api.slack.com/interactivity/handling#acknowledgment_response).
 */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * The SQLite file a non-PostgreSQL `DATABASE_URL` names: `sqlite:path` and `sqlite://path`
 * lose their prefix; a `file:` URL (SQLite's own URI form, https://www.sqlite.org/uri.html)
 * is read as a file URL (`file:///tmp/a.db` → `/tmp/a.db`, `file:data/a.db` → `data/a.db`)
 * instead of becoming a folder named "file:"; anything else is the path itself.
 * @throws Error when a `file:` URL carries a query (`?mode=ro`) or an authority other than
 *   localhost (SQLite's URI parameters are not supported, and the store would silently ignore
 *   them), or a `%` that starts no escape (`file:data/50%.db`), or for another scheme
 *   (`mysql://…` would otherwise become a folder "mysql:"); the configuration refuses these.
 */
export function sqlitePath(databaseUrl: string): string {
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(databaseUrl)?.[1]?.toLowerCase();
  if (scheme && scheme !== "sqlite" && scheme !== "file")
    throw new Error(`DATABASE_URL: ${scheme}: is no store; give a SQLite file path or postgres://`);
  if (!databaseUrl.startsWith("file:")) return databaseUrl.replace(/^sqlite:(\/\/)?/, "");
  if (/[?#]/.test(databaseUrl))
    throw new Error(
      `DATABASE_URL ${databaseUrl}: SQLite URI parameters (?…) are not supported; give the file path`,
    );
  const url = databaseUrl.startsWith("file://") ? new URL(databaseUrl) : null;
  if (url && url.host !== "" && url.host !== "localhost")
    throw new Error(`DATABASE_URL ${databaseUrl}: a file URL names no host; give the file path`);
  try {
    return url ? fileURLToPath(`file://${url.pathname}`) : decodeURIComponent(databaseUrl.slice(5));
  } catch {
    throw new Error(`DATABASE_URL ${databaseUrl}: a % must start an escape such as %20`);
  }
}

/**
 * Opens the store at `databaseUrl`:
 * - `postgres://user@host:5432/name` (or `postgresql://`): PostgreSQL through a `pg` Pool;
 * - otherwise a SQLite file path (its folder is created), `sqlite:path`, a `file:` URL
 *   (`file:///abs/path.db`, `file:rel/path.db`; see {@link sqlitePath}), or ":memory:".
 * SQLite runs in WAL mode with foreign keys on and a busy timeout (`opts.busyTimeoutMs`, 5 s by default), and every transaction
 * begins IMMEDIATE (takes the write lock at once, waiting out the busy timeout), so a web
 * process and a worker can share one file without SQLITE_BUSY reaching a user: a deferred
 * transaction that reads and then writes cannot wait for a lock, it fails
 * (https://www.sqlite.org/lang_transaction.html, "BEGIN IMMEDIATE"). Prepared statements are
 * kept and reused (Kysely prepares every query anew otherwise; preparing costs more than
 * running the app's small indexed queries).
 */
export function createDb(databaseUrl: string, opts: DbOptions = {}): Db {
  if (dialectOf(databaseUrl) === "postgres") {
    const { Pool } = loadPg();
    const pool = new Pool({ connectionString: databaseUrl, max: opts.poolSize ?? 10 });
    // An idle connection that breaks (server restart) is dropped by the pool and the next
    // query opens a new one; without a listener the 'error' event would end the process.
    pool.on("error", () => {});
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const path = sqlitePath(databaseUrl);
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  // The timeout is set on opening, so switching a new file to WAL waits for the lock too.
  const database = new SQLite(path, { timeout: opts.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS });
  database.pragma("journal_mode = WAL");
  database.pragma("foreign_keys = ON");
  database.pragma("synchronous = NORMAL");
  const db = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: reusingStatements(database) }),
  });
  // Two statements prepared once: the table-valued `pragma_data_version` would prepare its
  // PRAGMA again on every call (a quarter of the cost of a `/task` answer's store reads).
  const ownChanges = database.prepare("select total_changes()").pluck();
  const dataVersion = database.prepare("PRAGMA data_version").pluck();
  sqliteVersions.set(db, () => `${ownChanges.get()}:${dataVersion.get()}`);
  sqliteDatabases.set(db, database);
  return db;
}

/**
 * The `pg` driver, loaded on the first PostgreSQL store: a process on SQLite (the default)
 * never holds it (~0.5 MB of live heap in `serve` beside its other modules, measured with
 * `--expose-gc`).
 */
function loadPg(): typeof pg {
  return createRequire(import.meta.url)("pg") as typeof pg;
}

const sqliteVersions = new WeakMap<Db, () => string>();
const sqliteDatabases = new WeakMap<Db, SQLite.Database>();

/**
 * The SQLite connection under a store opened by {@link createDb}; undefined for PostgreSQL or
 * any other handle. Only for a caller that holds that connection through Kysely (see
 * `inReadSnapshot`), so nothing else runs on it meanwhile.
 */
export function sqliteDatabaseOf(db: Db): SQLite.Database | undefined {
  return sqliteDatabases.get(db);
}

/**
 * A token that changes whenever data this store can read may have changed: a commit by any
 * process, or a write by this one. Equal tokens mean nothing committed in between, so an
 * answer computed after reading a token may be reused while the token stays the same.
 * - SQLite: this connection's `total_changes()` and `PRAGMA data_version` (which moves when
 *   another connection commits; https://www.sqlite.org/pragma.html#pragma_data_version).
 * - PostgreSQL: `pg_current_snapshot()`, which moves when any transaction that wrote
 *   completes (its xid leaves the running set or raises xmax). The write-ahead log position
 *   would not do: it moves before a commit becomes visible.
 * Null when unknown (then nothing should be reused). Costs one tiny query.
 */
export async function storeVersion(db: Db): Promise<string | null> {
  const sqlite = sqliteVersions.get(db);
  if (sqlite) return sqlite();
  if (!isPostgres(db)) return null;
  const row = await sql<{ v: string }>`select pg_current_snapshot()::text as v`
    .execute(db)
    .catch(() => null);
  return row?.rows[0]?.v ?? null;
}

/** True when `db` talks to PostgreSQL. */
export function isPostgres<D>(db: Kysely<D>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Inside a transaction: waits until no other transaction holding the lock `name` is running,
 * so two processes doing the same write (two `serve` processes importing the bundled report
 * into an empty store) take turns instead of one failing on a unique key. PostgreSQL: a
 * transaction-level advisory lock (`pg_advisory_xact_lock`, released at commit or rollback).
 * SQLite: nothing to do, its transactions begin IMMEDIATE and so already take turns.
 */
export async function lockForWrite(trx: Kysely<Database>, name: string): Promise<void> {
  if (!isPostgres(trx)) return;
  await sql`select pg_advisory_xact_lock(hashtext(${name}))`.execute(trx);
}

/**
 * Brings the schema to the latest migration and returns the names applied by this call.
 * Each run is one transaction, so a failed migration changes nothing (both databases have
 * transactional DDL; Kysely assumes SQLite has not, so our SQLite dialect says it has). Safe
 * when several processes start at once: on PostgreSQL Kysely's Migrator holds an advisory lock
 * while it reads what ran and applies the rest; on SQLite the transaction begins IMMEDIATE, so
 * one migrator at a time reads and applies, the others wait (busy timeout) and find it done.
 * `provider` defaults to the app's migrations (tests pass others).
 * @throws MigrationError naming the failed migration and its cause.
 */
export async function migrateToLatest(
  db: Db,
  provider: MigrationProvider = migrationProvider,
): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error) throw new MigrationError(failed?.migrationName ?? null, error);
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/**
 * A migration that failed (nothing of that run is kept). The message is English for logs
 * ("Migration <name> failed: <cause>"); the CLI says it in the console's language from
 * `migration` and `detail`.
 */
export class MigrationError extends Error {
  /** The failed migration's name, or null when the migrator failed before any (its own table). */
  readonly migration: string | null;
  /** The cause's own message, as the database worded it. */
  readonly detail: string;
  constructor(migration: string | null, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`Migration${migration ? ` ${migration}` : ""} failed: ${detail}`, { cause });
    this.name = "MigrationError";
    this.migration = migration;
    this.detail = detail;
  }
}

/** Most prepared statements kept per connection (queries with `in (…)` lists vary in text). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The database as Kysely's SQLite driver sees it, with prepared statements cached by SQL text.
 * Safe because the driver runs one query at a time on its one connection, and SQLite
 * re-prepares a cached statement by itself after a schema change.
 */
function reusingStatements(database: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(text) {
      const hit = cache.get(text);
      if (hit) return hit;
      const statement = database.prepare(text);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
      cache.set(text, statement);
      return statement;
    },
  };
}

/** Kysely's SQLite driver with `begin immediate` instead of `begin` (see {@link createDb}). */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/**
 * SQLite runs CREATE/ALTER/DROP inside transactions (https://www.sqlite.org/lang_transaction.html);
 * Kysely's adapter says otherwise and then migrates without a transaction, so a failed
 * migration would leave half its changes and two migrators could both apply one migration.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}
