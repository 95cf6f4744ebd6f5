import type { Redis } from "ioredis";

/**
 * Paces posts per Slack channel across every worker process: Slack allows about one message
 * per second per channel (https://api.slack.com/methods/chat.postMessage#rate_limiting).
 */
export interface ChannelGate {
  /**
   * 0 when the caller may post to `channelId` now (the slot is taken), else ms to wait.
   * With `holder` (a job id) a refused caller is given the channel's next free slot: it comes
   * back after the wait and is let through at once, instead of racing everyone again.
   */
  tryAcquire(channelId: string, holder?: string): Promise<number>;
  /**
   * Tells the gate a post to `channelId` just finished (or failed): the next one is let through
   * no earlier than an interval after this moment. Slack counts a message when it arrives,
   * which is after the gate let it through by however long the job took in between.
   */
  posted?(channelId: string): Promise<void>;
}

/**
 * KEYS: the channel's next free slot, the channel's last finished post, the holder's slot
 * ("" without a holder); all Redis-time ms. ARGV: interval, slack (ms early still let through).
 * Returns the ms to wait; 0 = go now (the slot is taken). Redis' own clock, so workers on
 * several machines agree.
 */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local slack = tonumber(ARGV[2])
local earliest = tonumber(redis.call('GET', KEYS[2]) or '0') + interval
if KEYS[3] ~= '' then
  local held = redis.call('GET', KEYS[3])
  if held then
    local wait = math.max(tonumber(held), earliest) - now
    if wait > slack then return wait end
    redis.call('DEL', KEYS[3])
    return 0
  end
end
local slot = math.max(now, earliest, tonumber(redis.call('GET', KEYS[1]) or '0'))
if slot - now > slack and KEYS[3] == '' then return slot - now end
redis.call('SET', KEYS[1], slot + interval, 'PX', slot + interval - now + interval)
if slot - now <= slack then return 0 end
redis.call('SET', KEYS[3], slot, 'PX', slot - now + 600000)
return slot - now`;

const POSTED = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('SET', KEYS[1], now, 'PX', tonumber(ARGV[1]) * 2)`;

/**
 * A {@link ChannelGate} on Redis that hands out slots `intervalMs` apart per channel (Slack's
 * one message per second), each also at least `intervalMs` after the channel's last post
 * finished, so no two posts reach Slack less than a second apart.
 */
export function redisChannelGate(redis: Redis, prefix: string, intervalMs = 1_000): ChannelGate {
  return {
    async tryAcquire(channelId, holder) {
      const key = `${prefix}:gate:${channelId}`;
      const held = holder ? `${key}:held:${holder}` : "";
      const wait = Number(await redis.eval(RESERVE, 3, key, `${key}:posted`, held, intervalMs, 2));
      return Math.max(wait, 0);
    },
    async posted(channelId) {
      await redis.eval(POSTED, 1, `${prefix}:gate:${channelId}:posted`, intervalMs);
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
