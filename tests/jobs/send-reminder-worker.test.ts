/**
 * send-reminder run by a real BullMQ worker (split from send-reminder.test.ts, whose processor
 * cases run it directly): Slack's 429 is waited out for its Retry-After and the reminder then
 * posts once. The real store (SQLite or PostgreSQL), the emulator and a private Redis.
 */
import { Queue, QueueEvents } from "bullmq";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { listReminders, type Reminder } from "../../db/reminders.ts";
import { QUEUE_NAME } from "../../jobs/index.ts";
import { planCutoff } from "../../src/reminders/plan.ts";
import { fixedClock } from "../../src/time.ts";
import { createWorker } from "../../src/worker.ts";
import { type JobWorld, jobWorld } from "../helpers/jobs.ts";

const clock = fixedClock("2027-01-10T08:00:00Z");
let w: JobWorld;
let cutoffId: number;
let lm: number;

beforeEach(async () => {
  clock.set("2027-01-10T08:00:00Z");
  w = await jobWorld({ clock, config: { secretaryUserIds: ["U0SEC"] } });
  w.emulator.addChannel({ id: "C0LM", name: "lm" });
  for (const id of ["U0ANNA", "U0SEC"])
    w.emulator.addUser({ id, name: id.toLowerCase(), locale: "lv-LV" });
  lm = (await findInstitution(w.db, "LM"))?.id ?? 0;
  const at = clock.now().toISO() ?? "";
  await setMapping(w.db, lm, "C0LM", ["U0ANNA"], at);
  const programme = await currentProgramme(w.db);
  const cutoff = await insertCutoff(w.db, {
    programmeId: programme?.id ?? 0,
    at: "2027-02-01T21:59:59.999Z",
    title: "Informatīvais ziņojums MK",
    taskNumbers: ["1", "5", "14"],
    createdBy: "U0SEC",
    createdAt: at,
  });
  cutoffId = cutoff.id;
  const { reminderOffsets: offsets, reminderTime: time } = w.deps.config;
  await planCutoff(w.db, cutoff, { offsets, time, zone: "Europe/Riga" }, at);
});
afterEach(async () => {
  await w.stop();
});

async function reminder(kind: string): Promise<Reminder> {
  const r = (await listReminders(w.db, cutoffId)).find(
    (x) => x.institutionId === lm && x.kind === kind,
  );
  if (!r) throw new Error(`no ${kind} reminder for LM`);
  return r;
}

const posts = (channel: string) =>
  w.emulator.calls.filter((c) => c.method === "chat.postMessage" && c.args.channel === channel);

describe("send-reminder through a BullMQ worker", () => {
  it("waits out Slack's 429 for Retry-After and then posts once", async () => {
    const r = await reminder("before-P14D");
    const queue = new Queue(QUEUE_NAME, { connection: w.connection, prefix: w.prefix });
    const events = new QueueEvents(QUEUE_NAME, {
      connection: w.connection.duplicate(),
      prefix: w.prefix,
    });
    await events.waitUntilReady();
    const worker = createWorker(w.deps, w.connection.duplicate(), { prefix: w.prefix });
    try {
      w.emulator.failNext("chat.postMessage", { error: "ratelimited", retryAfter: 1 });
      const job = await queue.add(
        "send-reminder",
        { reminderId: r.id, cutoffId, at: r.scheduledAt },
        { jobId: "t429", attempts: 3 },
      );
      const result = await job.waitUntilFinished(events, 10_000);
      expect(result).toBe("sent");
      const attempts = posts("C0LM");
      expect(attempts.map((c) => c.ok)).toEqual([false, true]);
      expect(attempts[0]?.status).toBe(429);
      expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(900);
    } finally {
      await worker.close();
      await events.close();
      await queue.close();
    }
  });
});
