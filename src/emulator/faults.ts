/**
 * Failures the tests ask for: one-shot injected failures per method, and Slack's per-channel
 * posting limit. Source: https://api.slack.com/docs/rate-limits (chat.postMessage: about one
 * message per second per channel, answered with HTTP 429 and `Retry-After` in seconds).
 */
import type { FailureSpec, RateLimitSpec } from "./types.ts";

/** Length of the rate-limit window, in milliseconds. */
const WINDOW_MS = 1000;

/** Injected failures and the rate limiter of one emulator. */
export class Faults {
  private readonly failures = new Map<string, FailureSpec[]>();
  private readonly windows = new Map<string, number[]>();
  private limit: RateLimitSpec | null = null;
  private readonly delays = new Map<string, number[]>();

  /** Makes the next call of `method` answer only after `ms` milliseconds (a slow Slack). */
  slowNext(method: string, ms: number): void {
    const queue = this.delays.get(method) ?? [];
    queue.push(ms);
    this.delays.set(method, queue);
  }

  /** Takes the next queued delay for `method` in ms, or 0. */
  takeDelay(method: string): number {
    return this.delays.get(method)?.shift() ?? 0;
  }

  /** Queues a failure for the next call of `method` (several queue up in order). */
  failNext(method: string, spec: FailureSpec): void {
    const queue = this.failures.get(method) ?? [];
    queue.push(spec);
    this.failures.set(method, queue);
  }

  /** Takes the next queued failure for `method`, if any. */
  takeFailure(method: string): FailureSpec | undefined {
    return this.failures.get(method)?.shift();
  }

  /** Turns the per-channel limit on (or off with `null`); forgets earlier calls. */
  setRateLimit(spec: RateLimitSpec | null): void {
    this.limit = spec;
    this.windows.clear();
  }

  /**
   * Admits a call or says how long to wait. Admitted calls count towards the window.
   * @param now epoch milliseconds.
   * @returns `undefined` when admitted, else the Retry-After in whole seconds (≥ 1).
   */
  admit(method: string, channel: string | undefined, now: number): number | undefined {
    if (!this.limit || this.limit.method !== method || channel === undefined) return undefined;
    const key = `${method}:${channel}`;
    const recent = (this.windows.get(key) ?? []).filter((at) => at > now - WINDOW_MS);
    if (recent.length >= this.limit.perChannelPerSecond) {
      const oldest = recent[0] ?? now;
      return Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000));
    }
    recent.push(now);
    this.windows.set(key, recent);
    return undefined;
  }

  /** Forgets queued failures and switches the limit off. */
  clear(): void {
    this.failures.clear();
    this.delays.clear();
    this.setRateLimit(null);
  }
}
