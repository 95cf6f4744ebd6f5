import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * Fresh PostgreSQL databases for tests: each is created through the administrative database
 * (`TEST_POSTGRES_URL`, default `postgres://postgres@127.0.0.1:5432/test`) and named
 * `k_<run>_<random>`, where `<run>` is this test run's id (set by the global setup), so the
 * run drops exactly the databases it created and never touches another one.
 */

/** URL of the database used to create and drop the test databases. */
export function adminUrl(): string {
  return process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
}

/** This run's id (letters and digits), shared by the global setup and every test process. */
export function runId(): string {
  const id = process.env.KOORDINATORS_TEST_RUN;
  if (id && /^[a-z0-9]{1,16}$/.test(id)) return id;
  const fresh = randomBytes(4).toString("hex");
  process.env.KOORDINATORS_TEST_RUN = fresh;
  return fresh;
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database and returns its URL (same server and user as the admin URL). */
export async function createTestDatabase(): Promise<string> {
  const name = `k_${runId()}_${randomBytes(6).toString("hex")}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops one database this run created (connections to it are closed first). */
export async function dropTestDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  if (!name.startsWith(`k_${runId()}_`)) throw new Error(`not this run's database: ${name}`);
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Drops every database of this run; returns how many. Called by the global teardown. */
export async function dropRunDatabases(): Promise<number> {
  const prefix = `k_${runId()}_`;
  return withAdmin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [prefix],
    );
    for (const { datname } of rows)
      await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    return rows.length;
  });
}

/** True when the admin database answers (the suite stops at once with advice otherwise). */
export async function postgresReachable(): Promise<boolean> {
  return withAdmin(async (c) => {
    await c.query("SELECT 1");
    return true;
  }).catch(() => false);
}
