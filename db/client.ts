import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  Migrator,
  PostgresAdapter,
  PostgresDialect,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  type SqliteStatement,
  sql,
} from "kysely";
import pg from "pg";
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
}

/**
 * Opens the store at `databaseUrl`:
 * - `postgres://user@host:5432/name` (or `postgresql://`): PostgreSQL through a `pg` Pool;
 * - otherwise a SQLite file path (its folder is created), `sqlite:path`, or ":memory:".
 * SQLite runs in WAL mode with foreign keys on and a 5 s busy timeout, and every transaction
 * begins IMMEDIATE (takes the write lock at once, waiting out the busy timeout), so a web
 * process and a worker can share one file without SQLITE_BUSY reaching a user: a deferred
 * transaction that reads and then writes cannot wait for a lock, it fails
 * (https://www.sqlite.org/lang_transaction.html, "BEGIN IMMEDIATE"). Prepared statements are
 * kept and reused (Kysely prepares every query anew otherwise; preparing costs more than
 * running the app's small indexed queries).
 */
export function createDb(databaseUrl: string, opts: DbOptions = {}): Db {
  if (dialectOf(databaseUrl) === "postgres") {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: opts.poolSize ?? 10 });
    // An idle connection that breaks (server restart) is dropped by the pool and the next
    // query opens a new one; without a listener the 'error' event would end the process.
    pool.on("error", () => {});
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const path = databaseUrl.replace(/^sqlite:(\/\/)?/, "");
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const database = new SQLite(path);
  database.pragma("journal_mode = WAL");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  database.pragma("synchronous = NORMAL");
  return new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: reusingStatements(database) }),
  });
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
 * Each run is one transaction, so a failed migration changes nothing. Safe when several
 * processes start at once: on PostgreSQL Kysely's Migrator holds an advisory lock while it
 * reads what ran and applies the rest; on SQLite the transaction begins IMMEDIATE (one writer
 * at a time, others wait out the busy timeout and then see the migrations done).
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
}
