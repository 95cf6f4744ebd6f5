import { RedisNotInstalledError, redisServerAvailable } from "../../src/redis-server.ts";

/**
 * Vitest global setup: the integration suites start their own private redis-server on free
 * ports (never the machine's shared Redis), so the binary must be installed. Fail at once,
 * with the install command, rather than in forty tests.
 */
export default function setup(): void {
  if (!redisServerAvailable()) throw new RedisNotInstalledError();
}
