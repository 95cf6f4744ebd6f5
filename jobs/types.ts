import type { Job } from "bullmq";
import type { Db } from "../db/client.ts";
import type { Config } from "../src/config.ts";
import type { Logger } from "../src/logger.ts";
import type { ChannelGate } from "../src/reminders/channel-gate.ts";
import type { SlackWeb } from "../src/slack/web.ts";
import type { Clock } from "../src/time.ts";
import type { EnqueueRoot } from "./refresh-root.ts";

/** What every job processor may use. Built once in `main.ts`/`worker.ts`. */
export interface JobDeps {
  db: Db;
  config: Config;
  clock: Clock;
  logger: Logger;
  /** Web API client for background work (429s surface as errors; see `createJobWebClient`). */
  slack: SlackWeb;
  /** Per-channel pacing shared by all workers. */
  gate: ChannelGate;
  /**
   * Adds a refresh-root job to the app's queue (`enqueueJob`), for a job that asks for one (the
   * collection, after storing replies). Absent without a queue (a processor run directly, the
   * CLI): the caller then does the work itself.
   */
  enqueue?: EnqueueRoot;
}

/** The BullMQ job being processed and its lock token (to move it back to delayed). */
export interface JobContext {
  job: Job;
  token: string | undefined;
}
