import { RedisNotInstalledError, redisServerAvailable } from "../../src/redis-server.ts";
import { adminUrl, dropRunDatabases, postgresReachable, runId } from "./postgres.ts";
import { testDialect } from "./store.ts";

/**
 * Vitest global setup: the integration suites start their own private redis-server on free
 * ports (never the machine's shared Redis), so the binary must be installed. Fail at once,
 * with the install command, rather than in forty tests. With `TEST_DATABASE=postgres` the
 * server must answer too. The run's id (inherited by every test process) names the databases
 * the tests create, and the returned teardown drops exactly those.
 */
export default async function setup(): Promise<() => Promise<void>> {
  if (!redisServerAvailable()) throw new RedisNotInstalledError();
  runId();
  if (testDialect === "postgres" && !(await postgresReachable()))
    throw new Error(
      `TEST_DATABASE=postgres, but PostgreSQL does not answer at ${adminUrl()} (set TEST_POSTGRES_URL, or start it: pg_ctlcluster <version> main start).`,
    );
  // Some suites use PostgreSQL whatever TEST_DATABASE says (scale-out, migrations): drop this
  // run's databases in every case; without PostgreSQL there is nothing to drop.
  return async () => {
    await dropRunDatabases().catch(() => 0);
  };
}
