import type SQLite from "better-sqlite3";
import type { Compilable, CompiledQuery } from "kysely";
import type { Db } from "./client.ts";
import { heldSqliteConnection } from "./snapshot.ts";

/** Stands in for the `index`-th argument while a query is compiled. */
class Slot {
  constructor(readonly index: number) {}
}

interface Template {
  compiled: CompiledQuery;
  /** For each SQL parameter: the argument it takes (a slot's index), or -1 for a constant. */
  sources: number[];
  /** The query prepared on each SQLite connection it ran on directly, with its row maker. */
  statements: WeakMap<SQLite.Database, Prepared>;
}

/** A statement that returns rows as arrays, and the function that turns one into an object. */
interface Prepared {
  statement: SQLite.Statement;
  row: (values: unknown[]) => unknown;
}

/**
 * A query built and compiled once per store, then run with new arguments: for the hot read
 * path (`/task N`), where Kysely's building and compiling of a small query costs more than
 * SQLite running it (Kysely compiles the builder on every call). `build` must use each
 * argument only as a value Kysely binds as a parameter (`where(col, "=", arg)`), never as
 * SQL text or a list (`in`), whose length would change the SQL; the SQL is the same for
 * every call, on the store and in its transactions.
 * @returns a function giving the rows.
 * @throws Error at the first call when an argument does not end up as a bound parameter.
 */
export function compiled<A extends unknown[], R>(
  build: (db: Db, ...args: A) => Compilable<R>,
): (db: Db, ...args: A) => Promise<R[]> {
  // Keyed by the store's dialect adapter, which a store shares with its transactions and
  // connection-bound handles (`inReadSnapshot`): the SQL is the same for all of them.
  const templates = new WeakMap<object, Template>();
  return async (db, ...args) => {
    const executor = db.getExecutor();
    // A plugin may rewrite queries: then compile every time, as Kysely would.
    const key = executor.plugins.length === 0 ? executor.adapter : undefined;
    let template = key && templates.get(key);
    if (!template) {
      template = compile(db, build, args.length);
      if (key) templates.set(key, template);
    }
    const { compiled: query, sources } = template;
    const parameters = sources.map((s, i) => (s < 0 ? query.parameters[i] : args[s]));
    // In a read snapshot on SQLite, straight to the prepared statement: what Kysely's driver
    // would run, without its connection and result plumbing (~4 µs a query, as much as the
    // query itself).
    const connection = key && heldSqliteConnection(db);
    if (connection) {
      let prepared = template.statements.get(connection);
      if (!prepared) {
        prepared = prepare(connection, query.sql);
        template.statements.set(connection, prepared);
      }
      const rows = objectList<R & object>();
      for (const values of prepared.statement.all(parameters) as unknown[][])
        rows.push(prepared.row(values) as R & object);
      return rows;
    }
    const result = await db.executeQuery<R>({ ...query, parameters });
    return result.rows;
  };
}

function compile<A extends unknown[], R>(
  db: Db,
  build: (db: Db, ...args: A) => Compilable<R>,
  arity: number,
): Template {
  const slots = Array.from({ length: arity }, (_, i) => new Slot(i));
  const query = build(db, ...(slots as unknown as A)).compile();
  const sources = query.parameters.map((p) => (p instanceof Slot ? p.index : -1));
  for (const slot of slots) {
    if (!sources.includes(slot.index))
      throw new Error(`compiled query: argument ${slot.index} is not a bound parameter`);
  }
  return { compiled: query, sources, statements: new WeakMap() };
}

/**
 * Prepares `sql` to return each row as an array, with a maker of the object better-sqlite3
 * would have built: the same keys in the same order (a later column of the same name wins, as
 * there). Building every row with one object literal gives all of them one shape, where
 * better-sqlite3 sets each column by name (measured: 14–18 µs against 8.5 µs for a row of 22
 * text columns).
 */
function prepare(connection: SQLite.Database, sql: string): Prepared {
  const statement = connection.prepare(sql);
  const names = statement.columns().map((c) => c.name);
  // A literal's `__proto__` would set the prototype, not a key: leave such rows to SQLite.
  if (names.includes("__proto__")) return { statement, row: (values) => values };
  statement.raw(true);
  const keys = names.map((name) => JSON.stringify(name));
  const body = `return {${keys.map((k, i) => `${k}: v[${i}]`).join(", ")}};`;
  return { statement, row: new Function("v", body) as Prepared["row"] };
}

/**
 * A new empty array that V8 keeps as one of objects, packed, even while it is empty; fill it
 * with `push`. An empty array literal (or what `filter` and `map` return for none) is one of
 * small integers to V8, and `map` in optimised code returns a holey one: each a different hidden
 * class from a packed array of objects. Code optimised on the lists it saw first (a task with
 * no sub-tasks; a heading, with no institutions; rows before `map` was optimised) was thrown
 * away the first time another kind came, and compiled again, at every site reading them
 * (`/task N` with no answer reused: 22–28 deoptimisations in its first 10,000 answers, each
 * function compiled again for ~50–110 ms of CPU on the bench's machine). Rows of compiled
 * queries and `findTaskDetail`'s lists are made with it.
 */
export function objectList<T extends object>(): T[] {
  const list: Array<T | null> = [null];
  list.pop();
  return list as T[];
}
