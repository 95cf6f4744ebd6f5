import { type Job, UnrecoverableError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import { isJobName, processors, QUEUE_NAME } from "../jobs/index.ts";
import type { JobDeps } from "../jobs/types.ts";

/**
 * The one place that creates BullMQ Workers: a worker on the app's queue that dispatches each
 * job through the typed registry in `jobs/index.ts`. `connection` must have
 * `maxRetriesPerRequest: null` (BullMQ's requirement for blocking commands).
 * Unknown job names fail permanently; everything else is retried per the job's options.
 */
export function createWorker(
  deps: JobDeps,
  connection: Redis,
  opts: {
    prefix: string;
    concurrency?: number;
    lockDurationMs?: number;
    stalledIntervalMs?: number;
  },
): Worker {
  const worker = new Worker(
    QUEUE_NAME,
    async (job: Job, token?: string) => {
      if (!isJobName(job.name)) throw new UnrecoverableError(`unknown job ${job.name}`);
      const process = processors[job.name] as (
        data: unknown,
        d: JobDeps,
        ctx: { job: Job; token: string | undefined },
      ) => Promise<unknown>;
      return process(job.data, deps, { job, token });
    },
    {
      connection,
      prefix: opts.prefix,
      concurrency: opts.concurrency ?? 4,
      autorun: true,
      // A worker that dies mid-job leaves it "active" until its lock expires; then another
      // worker takes it again (the processor looks in Slack before re-posting). BullMQ defaults: 30 s.
      lockDuration: opts.lockDurationMs ?? 30_000,
      stalledInterval: opts.stalledIntervalMs ?? 30_000,
    },
  );
  worker.on("failed", (job, error) => {
    deps.logger.warn(
      { job: job?.name, id: job?.id, attempts: job?.attemptsMade, err: error.message },
      "job failed",
    );
  });
  worker.on("error", (error) => deps.logger.error({ err: error.message }, "worker error"));
  return worker;
}
