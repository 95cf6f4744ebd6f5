/**
 * The app's job queue as a CLI command reaches it: REDIS_URL's Redis or, when REDIS_URL is
 * unset, the private redis-server a running `serve` started under DATA_DIR/redis (found by
 * `findRunningPrivateRedis`), under QUEUE_PREFIX. Used by `withDeps` (cli-deps.ts) to re-plan
 * and to enqueue jobs as `serve` does.
 */
import { join } from "node:path";
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { CommandDeps } from "../../commands/types.ts";
import type { Config } from "../config.ts";

/**
 * Why a CLI re-plan was deferred to the app: `no_app` — REDIS_URL unset and no app running
 * under DATA_DIR; `unreachable` — the Redis found does not answer.
 */
export type Deferral = "no_app" | "unreachable";

/** The queue of one CLI command: see {@link cliQueue}. */
export interface CliQueue {
  /** Connects (once) and yields the queue, or why there is none. */
  open(): Promise<Queue | Deferral>;
  /** Opens the queue and adds a job (`enqueueJob`); throws `NoQueueError` when there is none. */
  enqueue: NonNullable<CommandDeps["enqueue"]>;
  /** Ends the queue and its connection (never throws). */
  close(): Promise<void>;
}

/**
 * The app's job queue as the CLI reaches it, opened on first use and kept for the command:
 * REDIS_URL's Redis, or the private Redis of the app running under DATA_DIR, under
 * QUEUE_PREFIX. `open` connects (once) and yields the queue, or why there is none; `enqueue`
 * opens it and adds a job (`enqueueJob`), or throws `NoQueueError` when there is none; `close`
 * ends both.
 */
export function cliQueue(config: Config): CliQueue {
  let connection: Redis | null = null;
  let result: Promise<Queue | Deferral> | null = null;
  let queue: Queue | null = null;
  // Redis, BullMQ and the jobs load on first use: a command that changes no plan needs none.
  const connect = async (): Promise<Queue | Deferral> => {
    const { findRunningPrivateRedis } = await import("../redis-server.ts");
    const url = config.redisUrl ?? (await findRunningPrivateRedis(join(config.dataDir, "redis")));
    if (!url) return "no_app";
    const [{ Redis }, { Queue }, { QUEUE_NAME }] = await Promise.all([
      import("ioredis"),
      import("bullmq"),
      import("../../jobs/index.ts"),
    ]);
    connection = new Redis(url, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    connection.on("error", () => {});
    // Connect before the queue exists: BullMQ would start connecting a lazy connection itself.
    const reached = await connection.connect().then(
      () => true,
      () => false,
    );
    if (!reached) return "unreachable";
    queue = new Queue(QUEUE_NAME, { connection, prefix: config.queuePrefix });
    return queue;
  };
  return {
    open: () => {
      result ??= connect();
      return result;
    },
    enqueue: async (name, data) => {
      result ??= connect();
      const reached = await result;
      if (typeof reached === "string") {
        const { NoQueueError } = await import("../../jobs/refresh-root.ts");
        throw new NoQueueError(reached);
      }
      const { enqueueJob } = await import("../../jobs/index.ts");
      return enqueueJob(reached, name, data);
    },
    close: async () => {
      await queue?.close().catch(() => {});
      connection?.disconnect();
    },
  };
}
