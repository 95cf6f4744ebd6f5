/**
 * What the `/task` endpoint benches (task-endpoint.ts, in `npm run bench`, and task-serve.ts)
 * start alike: the Slack emulator with the bench's users, a private Redis, the bare-Bolt floor
 * (bench/floor-app.ts) and `serve` on a store, each server its own process on a free port.
 */
import { type Emulator, startEmulator } from "../src/emulator/server.ts";
import { freePort, type PrivateRedis, startPrivateRedis } from "../src/redis-server.ts";
import { tempDir } from "../tests/helpers/store.ts";
import { flagsFrom, type ServedProcess, spawnServer } from "./processes.ts";

/** The signing secret the servers check and the load generator signs with. */
export const SECRET = "bench-signing-secret";
/** The users who ask, known to the emulator; odd ones in English, even ones in Latvian. */
export const USERS = ["U0BENCH1", "U0BENCH2", "U0BENCH3", "U0BENCH4", "U0BENCH5"];

/** The emulator, Redis and the env both servers read. */
export interface TaskBench {
  emulator: Emulator;
  redis: PrivateRedis;
  /** SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_API_URL (the emulator's) and LOG_LEVEL=warn. */
  env: Record<string, string>;
}

/**
 * Starts the emulator with {@link USERS} and a private Redis (in a temp dir, not persisted).
 * The caller stops both.
 */
export async function startTaskBench(): Promise<TaskBench> {
  const emulator = await startEmulator();
  for (const [i, id] of USERS.entries())
    emulator.addUser({ id, name: id.toLowerCase(), locale: i % 2 ? "en-US" : "lv-LV" });
  const redis = await startPrivateRedis({ dir: tempDir(), persist: false });
  const env = {
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: emulator.botToken,
    SLACK_API_URL: emulator.apiUrl,
    LOG_LEVEL: "warn",
  };
  return { emulator, redis, env };
}

/**
 * Spawns the bare-Bolt floor (bench/floor-app.ts) on a free port; resolves once it answers.
 * @throws Error as `spawnServer` does.
 */
export async function spawnFloor(bench: TaskBench): Promise<ServedProcess> {
  const port = await freePort();
  return spawnServer(
    "bench/floor-app.ts",
    [],
    { ...bench.env, PORT: String(port) },
    `http://127.0.0.1:${port}`,
  );
}

/**
 * Spawns `serve` (src/cli.ts) on the store at `databaseUrl` and the bench's Redis, on a free
 * port with its own queue prefix and data dir; resolves once /healthz answers. Node flags for
 * the app alone from `BENCH_APP_NODE_FLAGS` (the floor keeps its own).
 * @throws Error as `spawnServer` does.
 */
export async function spawnApp(bench: TaskBench, databaseUrl: string): Promise<ServedProcess> {
  const port = await freePort();
  return spawnServer(
    "src/cli.ts",
    ["serve"],
    {
      ...bench.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      REDIS_URL: bench.redis.url,
      QUEUE_PREFIX: `bench${port}`,
      DATA_DIR: tempDir(),
    },
    `http://127.0.0.1:${port}`,
    { readyPath: "/healthz", nodeFlags: flagsFrom("BENCH_APP_NODE_FLAGS") },
  );
}
