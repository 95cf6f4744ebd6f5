import type { Redis } from "ioredis";

/**
 * Paces posts per Slack channel across every worker process: Slack allows about one message
 * per second per channel (https://api.slack.com/methods/chat.postMessage#rate_limiting).
 */
export interface ChannelGate {
  /** 0 when the caller may post to `channelId` now (the slot is taken), else ms to wait. */
  tryAcquire(channelId: string): Promise<number>;
}

/** A {@link ChannelGate} on Redis: one key per channel, set with NX and a TTL of `intervalMs`. */
export function redisChannelGate(redis: Redis, prefix: string, intervalMs = 1_000): ChannelGate {
  return {
    async tryAcquire(channelId) {
      const key = `${prefix}:gate:${channelId}`;
      const ok = await redis.set(key, "1", "PX", intervalMs, "NX");
      if (ok === "OK") return 0;
      const ttl = await redis.pttl(key);
      return ttl > 0 ? ttl : 1;
    },
  };
}

/**
 * A {@link ChannelGate} for one process that waits instead of refusing: used by the
 * `remind --now` CLI, which sends in the foreground, one message after another.
 */
export function waitingChannelGate(intervalMs = 1_000): ChannelGate {
  const last = new Map<string, number>();
  return {
    async tryAcquire(channelId) {
      const wait = (last.get(channelId) ?? 0) + intervalMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      last.set(channelId, Date.now());
      return 0;
    },
  };
}
