/**
 * Scale-out on PostgreSQL: two `serve --no-worker` processes (as behind a load balancer) and
 * two `worker` processes, started at once on one fresh PostgreSQL database (so they also
 * migrate and import the bundled report at the same time), one Redis and the emulator.
 * Cut-offs are added through either web process; every reminder is posted exactly once.
 * Replies arrive through both, some delivered to both at once (Slack retrying against another
 * instance): every reply is stored exactly once and acknowledged once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../db/client.ts";
import { setMapping } from "../../db/contacts.ts";
import { listCutoffs } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { listReplies } from "../../db/replies.ts";
import { findThread } from "../../db/threads.ts";
import { createSlackClient, type SlackClient } from "../../src/emulator/client.ts";
import { type Emulator, startEmulator } from "../../src/emulator/server.ts";
import { freePort, type PrivateRedis, startPrivateRedis } from "../../src/redis-server.ts";
import { createTestDatabase } from "../helpers/postgres.ts";
import { tempDir } from "../helpers/store.ts";
import { type CliChild, healthy, MAPPED, SECRET, spawnCli, until } from "./support.ts";

let emulator: Emulator;
let redis: PrivateRedis;
let db: Db;
let url: string;
const children: CliChild[] = [];
const web: SlackClient[] = [];

beforeAll(async () => {
  url = await createTestDatabase();
  emulator = await startEmulator();
  redis = await startPrivateRedis({ dir: tempDir(), persist: false });
  for (const m of MAPPED) {
    emulator.addChannel({ id: m.channel, name: m.code.toLowerCase() });
    emulator.addUser({ id: m.user, name: m.user.toLowerCase(), locale: "lv-LV" });
  }
  emulator.addUser({ id: "U0FSEC", name: "sekretars", locale: "lv-LV" });
  const env = (extra: Record<string, string> = {}) => ({
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    SLACK_BOT_TOKEN: emulator.botToken,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: emulator.apiUrl,
    DATABASE_URL: url,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: "scaleout",
    DATA_DIR: tempDir(),
    JOB_LOCK_MS: "2000",
    LOG_LEVEL: "warn",
    SECRETARY_USER_IDS: "U0FSEC",
    ...extra,
  });
  const ports = [await freePort(), await freePort()];
  // All four at once on an empty database: migrations and the first import race too.
  for (const port of ports)
    children.push(spawnCli(["serve", "--no-worker"], env({ PORT: String(port) })));
  for (let i = 0; i < 2; i++) children.push(spawnCli(["worker"], env()));
  for (const port of ports) {
    await healthy(`http://127.0.0.1:${port}`, 60_000);
    web.push(
      createSlackClient({ appUrl: `http://127.0.0.1:${port}`, signingSecret: SECRET, emulator }),
    );
  }
  db = createDb(url);
  const at = new Date().toISOString();
  for (const m of MAPPED) {
    const inst = await findInstitution(db, m.code);
    await setMapping(db, inst?.id ?? 0, m.channel, [m.user], at);
  }
}, 90_000);
afterAll(async () => {
  for (const c of children) c.child.kill("SIGTERM");
  await Promise.all(children.map((c) => c.exited));
  await db?.destroy();
  await redis?.stop();
  await emulator?.stop();
});

function postsPerReminder(): Map<number, number> {
  const out = new Map<number, number>();
  for (const c of emulator.calls) {
    if (c.method !== "chat.postMessage" || !c.ok) continue;
    const id = (c.args.metadata as { event_payload?: { reminder_id?: number } } | undefined)
      ?.event_payload?.reminder_id;
    if (id !== undefined) out.set(id, (out.get(id) ?? 0) + 1);
  }
  return out;
}

describe("two web and two worker processes on PostgreSQL", () => {
  it("started together, they migrated and imported once", async () => {
    for (const c of children) expect(c.child.exitCode).toBeNull();
    const programmes = await db.selectFrom("programmes").select("code").execute();
    expect(programmes).toHaveLength(1);
  });

  it("post every reminder exactly once, whichever process planned it", async () => {
    const day = new Date(Date.now() + 10 * 24 * 3600_000).toISOString().slice(0, 10);
    for (const [i, client] of web.entries()) {
      // Two cut-offs, each added through another web process, at their own times (one at the
      // exact time of another live cut-off is refused).
      const text = `add ${day} 1${i}:00 --tasks 1,5,14 Ziņojums ${i + 1}`;
      const res = await client.command("/cutoff", text, {
        userId: "U0FSEC",
      });
      expect(res.status).toBe(200);
    }
    await until(async () => {
      const posts = postsPerReminder();
      return posts.size >= 6;
    }, 60_000);
    const counts = [...postsPerReminder().values()];
    expect(counts).toEqual([1, 1, 1, 1, 1, 1]);
  }, 90_000);

  it("store every reply exactly once, though delivered to both web processes", async () => {
    const cutoff = (await listCutoffs(db))[0];
    const sent: string[] = [];
    for (const m of MAPPED) {
      const inst = await findInstitution(db, m.code);
      const thread = await findThread(db, cutoff?.id ?? 0, inst?.id ?? 0);
      for (let i = 0; i < 6; i++) {
        const text = `${i % 2 ? "5" : "14"}: ${m.code} atbilde ${i}`;
        const ts = emulator.postAsUser({
          channelId: m.channel,
          userId: m.user,
          threadTs: thread?.threadTs,
          text,
        });
        const event = {
          type: "message",
          channel: m.channel,
          user: m.user,
          text,
          ts,
          event_ts: ts,
          thread_ts: thread?.threadTs,
          channel_type: "channel",
        };
        const eventId = `EvSCALE${m.code}${i}`;
        // Every other reply goes to both at the same moment; the rest to one or the other.
        const targets = i % 2 === 0 ? web : [web[i % 4 === 1 ? 0 : 1]];
        const answers = await Promise.all(
          targets.map((client) => client?.event(event, { eventId })),
        );
        for (const a of answers) expect(a?.status).toBe(200);
        sent.push(ts);
      }
    }
    // Events are acknowledged before they are handled (Bolt answers Slack first).
    const stored = async () =>
      (await listReplies(db, cutoff?.id ?? 0)).filter((r) => sent.includes(r.ts));
    await until(async () => (await stored()).length >= sent.length);
    expect((await stored()).map((r) => r.ts).sort()).toEqual([...sent].sort());
    await until(async () =>
      sent.every((ts) =>
        emulator.calls.some((c) => c.method === "reactions.add" && c.args.timestamp === ts),
      ),
    );
    const reactions = sent.map(
      (ts) =>
        emulator.calls.filter(
          (c) => c.method === "reactions.add" && c.ok && c.args.timestamp === ts,
        ).length,
    );
    expect(reactions.every((n) => n === 1)).toBe(true);
    process.stdout.write(
      `scale-out (2 serve + 2 worker, PostgreSQL): 6 reminders posted once each; ${sent.length} replies (${sent.length / 2} delivered to both) stored and acknowledged once each\n`,
    );
  }, 60_000);
});
