import type SQLite from "better-sqlite3";
import { CompiledQuery } from "kysely";
import { type Db, isPostgres, sqliteDatabaseOf, storeVersion } from "./client.ts";

const BEGIN = CompiledQuery.raw("begin");
const COMMIT = CompiledQuery.raw("commit");

/**
 * Runs `read` with a store handle whose queries share one read transaction, so they see one
 * snapshot and, on SQLite, take the WAL read lock once: outside a transaction every query is
 * its own read transaction, and taking and releasing that lock (system calls on the `-shm`
 * file) costs several times what the small indexed queries of `/task` do (measured: ~13 µs
 * per query for the lock, ~2 µs for the query). SQLite: BEGIN (deferred: no write lock) …
 * COMMIT on its one connection, which is held meanwhile. PostgreSQL, or already inside a
 * transaction: `read(db)` as it is (there a transaction would add two round trips).
 * `read` must only read, and only through the handle it is given (another query on `db`
 * would wait for the held connection).
 */
export async function inReadSnapshot<T>(db: Db, read: (db: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction || isPostgres(db)) return read(db);
  const raw = sqliteDatabaseOf(db);
  if (!raw) {
    return db.connection().execute(async (connection) => {
      stores.set(connection, storeOf(db));
      await connection.executeQuery(BEGIN);
      open.set(connection, {});
      try {
        return await read(connection);
      } finally {
        open.delete(connection);
        await connection.executeQuery(COMMIT);
      }
    });
  }
  const snapshot = snapshots.get(db) ?? (await openSnapshots(db, raw));
  // Holding the driver's one connection (its mutex) keeps every other query and transaction
  // off it meanwhile; BEGIN and COMMIT go straight to SQLite, like the compiled reads.
  return db.getExecutor().provideConnection(async () => {
    snapshot.begin.run();
    open.set(snapshot.handle, {});
    try {
      return await read(snapshot.handle);
    } finally {
      open.delete(snapshot.handle);
      snapshot.commit.run();
    }
  });
}

interface Snapshots {
  /** A handle on the store's one connection; used only while that connection is held. */
  handle: Db;
  begin: SQLite.Statement;
  commit: SQLite.Statement;
}

const snapshots = new WeakMap<Db, Snapshots>();

/**
 * What the store's snapshots share, made once per store: Kysely's connection-bound handle
 * (`db.connection()` builds a new Kysely instance on every call, which cost as much as the
 * queries of a `/task N`) and the prepared BEGIN/COMMIT. The SQLite driver has one connection
 * and hands out the same object every time, so the handle runs on whatever holds it.
 */
async function openSnapshots(db: Db, raw: SQLite.Database): Promise<Snapshots> {
  const handle = await db.connection().execute(async (connection) => connection);
  stores.set(handle, storeOf(db));
  const made = { handle, begin: raw.prepare("begin"), commit: raw.prepare("commit") };
  snapshots.set(db, snapshots.get(db) ?? made);
  return snapshots.get(db) ?? made;
}

const stores = new WeakMap<Db, Db>();

/** The snapshots running now, by the handle their `read` was given. */
const open = new WeakMap<Db, { version?: Promise<string | null> }>();

/**
 * The store's version (see `storeVersion`) for a reader on `handle`. Inside a read snapshot
 * on SQLite it is read once, at the first asking, and kept until the snapshot ends: one
 * `/task N` asks for it twice (its answer, the programme context; see
 * commands/read-cache.ts), and each read is a statement (`PRAGMA data_version`). Read inside
 * the snapshot's transaction, it also takes the WAL read lock the snapshot's queries then
 * use, where read before BEGIN it took and released a lock of its own (~3 µs). It is read
 * before any of the snapshot's data, so those data are never older than it says: an answer
 * kept under it is never older than what a later reader seeing the same version would read.
 * Any other handle (PostgreSQL, outside a snapshot): `storeVersion` every time.
 */
export function snapshotVersion(handle: Db): Promise<string | null> {
  const snapshot = open.get(handle);
  if (!snapshot) return storeVersion(storeOf(handle));
  snapshot.version ??= storeVersion(storeOf(handle));
  return snapshot.version;
}

/**
 * The store a handle reads: for the handle `inReadSnapshot` gives its `read`, the store it was
 * opened on; any other handle is its own store. What per-store caches key on (see
 * commands/read-cache.ts), so a read inside a snapshot finds what reads outside it cached.
 */
export function storeOf(db: Db): Db {
  return stores.get(db) ?? db;
}

/**
 * The SQLite connection a snapshot handle holds (see {@link inReadSnapshot}), on which a read
 * may run synchronously: the snapshot holds the store's one connection through Kysely, so no
 * other query, and no other transaction, can be on it meanwhile. Undefined for any other handle.
 */
export function heldSqliteConnection(db: Db): SQLite.Database | undefined {
  const store = stores.get(db);
  return store && sqliteDatabaseOf(store);
}
