/**
 * Redis stopped while the app is in use (FAULT_REDIS_OUTAGE_MS, default 30 s): `/task` keeps
 * answering from the store, every thread reply is stored, a cut-off added meanwhile is saved;
 * when Redis is back (same data, as after a restart) reminders resume, the new cut-off's
 * included. The app's queue connection fails fast (enableOfflineQueue: false), so nothing
 * waits on Redis: every command is answered in the acknowledgement itself.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCutoffs } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { listReplies } from "../../db/replies.ts";
import { findThread } from "../../db/threads.ts";
import { createSlackClient, type SlackClient } from "../../src/emulator/client.ts";
import { type Running, start } from "../../src/main.ts";
import { type PrivateRedis, startPrivateRedis } from "../../src/redis-server.ts";
import { watchLogs } from "../helpers/log-watch.ts";
import { countOutcome, type FaultWorld, faultWorld, MAPPED, SECRET, until } from "./support.ts";

const OUTAGE_MS = Number(process.env.FAULT_REDIS_OUTAGE_MS ?? 30_000);

let w: FaultWorld;
let app: Running;
let slack: SlackClient;
let revived: PrivateRedis | undefined;
const logs = watchLogs("info");

beforeAll(async () => {
  w = await faultWorld({ persistRedis: true });
  app = await start(w.config, { logger: logs.logger, skipSeed: true });
  slack = createSlackClient({ appUrl: app.url, signingSecret: SECRET, emulator: w.emulator });
});
afterAll(async () => {
  await app?.stop();
  await revived?.stop();
  await w?.stop();
});

const text = (body: unknown) =>
  typeof body === "object" && body !== null ? String((body as { text?: unknown }).text ?? "") : "";

describe(`Redis stopped for ${OUTAGE_MS / 1000} s`, () => {
  it(
    "answers /task from the store, stores every reply, and resumes reminders after",
    async () => {
      const first = await w.addCutoff(10 * 24 * 3600_000);
      await app.replan(first);
      const lm = await findInstitution(w.db, "LM");
      await until(async () => (await findThread(w.db, first, lm?.id ?? 0)) !== undefined);
      const thread = await findThread(w.db, first, lm?.id ?? 0);
      const contact = MAPPED[0];

      await w.redis.stop();
      const end = Date.now() + OUTAGE_MS;
      const sent: string[] = [];
      let answered = 0;
      let added = "";
      while (Date.now() < end) {
        const task = await slack.command("/task", "14", { userId: contact.user });
        expect(task.status).toBe(200);
        expect(text(task.body)).toContain("14");
        answered++;
        const reply = await slack.userMessage(
          {
            channelId: contact.channel,
            userId: contact.user,
            threadTs: thread?.threadTs,
            text: `14: paveikts solis ${sent.length + 1}`,
          },
          {},
        );
        expect(reply.status).toBe(200);
        sent.push(reply.ts);
        if (!added) {
          const cutoff = await slack.command(
            "/cutoff",
            `add ${inTenDays()} --tasks 1,5,14 Ziņojums pēc pārtraukuma`,
            {
              userId: "U0FSEC",
            },
          );
          expect(cutoff.status).toBe(200);
          added = text(cutoff.body);
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(added).toContain("Ziņojums pēc pārtraukuma");

      // Every reply was stored during the outage, once.
      const stored = async () =>
        (await listReplies(w.db, first)).filter((r) => sent.includes(r.ts));
      await until(async () => (await stored()).length >= sent.length);
      expect((await stored()).map((r) => r.ts).sort()).toEqual([...sent].sort());

      revived = await startPrivateRedis({
        dir: `${w.dir}/redis`,
        port: w.redis.port,
        persist: true,
      });
      await logs.waitFor(
        (l) => l.msg === "Redis is back: reminder plan rebuilt from the store",
        30_000,
      );
      const during = (await listCutoffs(w.db)).find((c) => c.title === "Ziņojums pēc pārtraukuma");
      expect(during).toBeDefined();
      // Reminders resume: the cut-off added during the outage gets its three reminders.
      const id = during?.id ?? 0;
      await until(async () => {
        const o = await countOutcome(w, id);
        return o.expected === 3 && o.losses === 0;
      }, 30_000);
      const outcome = await countOutcome(w, id);
      expect(outcome).toEqual({ expected: 3, duplicates: 0, losses: 0 });
      process.stdout.write(
        `Redis outage ${OUTAGE_MS / 1000} s: ${answered} /task answered, ${sent.length} replies stored, reminders resumed (${outcome.expected} sent, ${outcome.duplicates} duplicates)\n`,
      );
    },
    OUTAGE_MS + 120_000,
  );
});

function inTenDays(): string {
  return new Date(Date.now() + 10 * 24 * 3600_000).toISOString().slice(0, 10);
}
