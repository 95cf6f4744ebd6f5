/**
 * The load generator: signed `/task` requests, as Slack sends them, at a fixed concurrency
 * (closed loop: each of `concurrency` clients sends its next request when the previous one
 * is answered). Latency is measured from before signing to the parsed answer.
 */
import { createSlackClient } from "../src/emulator/client.ts";
import type { Emulator } from "../src/emulator/server.ts";

/** One measured run. Latencies in ms; `rps` = answered requests per second of wall time. */
export interface LoadResult {
  concurrency: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Answers that were not HTTP 200 or carried no text (a failure the user would see). */
  errors: number;
  /** Every request's latency in ms, ascending (to pool rounds: see {@link percentile}). */
  latencies: number[];
}

/** The `q`-quantile (0–1) of ascending `sorted` latencies, nearest rank below; 0 when empty. */
export function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** What to send where. `text()` gives each request's argument ("14", "IEM", …). */
export interface LoadSpec {
  appUrl: string;
  signingSecret: string;
  emulator: Emulator;
  concurrency: number;
  requests: number;
  text: () => string;
  /** Users to act as, in turn (each is asked for its locale once by the app). */
  users?: readonly string[];
}

/** Runs `spec.requests` `/task` commands at `spec.concurrency`. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const client = createSlackClient({
    appUrl: spec.appUrl,
    signingSecret: spec.signingSecret,
    emulator: spec.emulator,
  });
  const users = spec.users ?? [undefined];
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: spec.concurrency }, async () => {
      while (next < spec.requests) {
        const userId = users[next % users.length];
        next++;
        const t0 = performance.now();
        const res = await client.command("/task", spec.text(), { userId });
        latencies.push(performance.now() - t0);
        const body = res.body as { text?: unknown } | string;
        if (res.status !== 200 || typeof body !== "object" || typeof body.text !== "string")
          errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    concurrency: spec.concurrency,
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    errors,
    latencies,
  };
}
