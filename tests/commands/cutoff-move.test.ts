/**
 * `/cutoff move` after reminders went out: the new time is planned afresh (the offsets still
 * ahead of it), the rows sent for the old time stay as history marked so, and the answer says
 * how many reminders are now planned — or that none could be. Both directions and the Riga
 * DST changes (last Sunday of March and of October).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { handle, parse } from "../../commands/cutoff.ts";
import { handle as handleTask, parse as parseTask } from "../../commands/task.ts";
import { setMapping } from "../../db/contacts.ts";
import { listCutoffs } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { listReminders, markSent } from "../../db/reminders.ts";
import type { Config } from "../../src/config.ts";
import { parseOffsets } from "../../src/domain/reminder-plan.ts";
import {
  type AdminWorld,
  adminWorld,
  as,
  delayedJobIds,
  type RedisBox,
  SECRETARY,
  shown,
  startRedis,
} from "./admin-support.ts";

let box: RedisBox;
let w: AdminWorld | undefined;
beforeAll(async () => {
  box = await startRedis();
});
afterAll(async () => {
  await box?.stop();
});
afterEach(async () => {
  await w?.stop();
  w = undefined;
});

async function world(now: string, offsets: string): Promise<AdminWorld> {
  const parsed = parseOffsets(offsets);
  if (!parsed.ok) throw new Error(parsed.error);
  const config: Partial<Config> = { reminderOffsets: parsed.offsets };
  w = await adminWorld(box, { now, config });
  return w;
}

/** Gives LM (task 14's) a channel: a move names a first reminder only of such, as add does. */
async function mapLm(): Promise<void> {
  const lm = await findInstitution(current().db, "LM");
  await setMapping(current().db, lm?.id ?? 0, "C0LM", [], "2026-11-29T12:00:00Z");
}

function current(): AdminWorld {
  if (!w) throw new Error("no world");
  return w;
}

const run = async (text: string, locale: "lv" | "en" = "lv") =>
  shown(await handle(parse(text), current().deps, as(SECRETARY, locale)));

async function onlyCutoffId(): Promise<number> {
  const [cutoff] = await listCutoffs(current().db);
  if (!cutoff) throw new Error("no cut-off");
  return cutoff.id;
}

/** Marks the cut-off's due reminders sent, as the sender would have at `now`. */
async function sendDue(id: number, now: string): Promise<number> {
  current().clock.set(now);
  let sent = 0;
  for (const r of await listReminders(current().db, id)) {
    if (r.state !== "planned" || r.scheduledAt > now) continue;
    await markSent(current().db, r.id, { channelId: "C0LM", messageTs: `1.${r.id}`, at: now });
    sent++;
  }
  return sent;
}

describe("/cutoff move after reminders were sent (test mode, REMINDER_OFFSETS=PT60S,PT30S)", () => {
  beforeEach(async () => {
    await world("2026-11-29T12:00:00Z", "PT60S,PT30S");
  });

  it("plans the new time afresh; the old time's sent rows stay as its history", async () => {
    await run("add 2026-11-29 14:29 --tasks 14 Pārbaude");
    const id = await onlyCutoffId();
    const institutions = new Set(
      (await listReminders(current().db, id)).map((r) => r.institutionId),
    ).size;
    expect(institutions).toBeGreaterThan(0);
    expect(await sendDue(id, "2026-11-29T12:30:00Z")).toBe(institutions * 3);
    expect(await run("list")).toContain("termiņš pagājis");

    // Only a date: the cut-off keeps its time of day, 14:29.
    const moved = await run(`move ${id} 2027-01-01`);
    expect(moved).toContain("svētd. 29.11.2026. 14:29 → *piektd. 01.01.2027. 14:29*");
    // LM has no channel: none is named as the first (the warning below says why).
    expect(moved).toContain(
      `Jaunajam laikam plānoti ${institutions * 3} atgādinājumi, bet neviens netiks nosūtīts`,
    );
    expect(moved).not.toContain("pārplānoti");

    const rows = await listReminders(current().db, id);
    const fresh = rows.filter((r) => r.cutoffAt === "2027-01-01T12:29:00.000Z");
    expect(fresh.map((r) => r.state)).toEqual(Array(institutions * 3).fill("planned"));
    const old = rows.filter((r) => r.cutoffAt === "2026-11-29T12:29:00.000Z");
    expect(old.map((r) => r.state)).toEqual(Array(institutions * 3).fill("sent"));
    const jobs = await delayedJobIds(current().queue);
    for (const r of fresh.filter((r) => r.kind !== "overdue"))
      expect(jobs.some((j) => j.includes(String(r.id)))).toBe(true);

    expect(await run("list")).not.toContain("nākamais atgādinājums");
    await mapLm();
    const list = await run("list");
    expect(list).toContain("nākamais atgādinājums: piektd. 01.01.2027. 14:28");
    expect(list).not.toContain("atgādinājumu vairs nav");
    await setMapping(
      current().db,
      (await findInstitution(current().db, "LM"))?.id ?? 0,
      null,
      [],
      "2026-11-29T12:00:00Z",
    );
    const plan = await run(`plan ${id}`);
    // The summary counts every row listed: the old time's sent ones as history, apart.
    const n = institutions * 3;
    expect(plan).toContain(
      `· ${n} atgādinājumi un ${n} atgādinājumi iepriekšējam termiņa laikam (vēsture)`,
    );
    expect(plan).toContain(
      "svētd. 29.11.2026. 14:28 – 1 minūte pirms termiņa – nosūtīts svētd. 29.11.2026. 14:30 (iepriekšējam termiņa laikam svētd. 29.11.2026. 14:29)",
    );
    expect(plan).toContain(
      "piektd. 01.01.2027. 14:28 – 1 minūte pirms termiņa – netiks nosūtīts – nav kanāla",
    );
    expect(plan).not.toMatch(/01\.01\.2027\. 14:28 – 1 minūte pirms termiņa – nosūtīts/);
    const en = await run(`plan ${id}`, "en");
    expect(en).toContain("(for the cut-off's earlier time Sun 29 Nov 2026 14:29)");
    expect(en).toContain(
      `· ${n} reminders and ${n} reminders for the cut-off's earlier time (history)`,
    );

    // LM given the channel `sendDue` posts to: it is reminded, so /task names the new reminder
    // (an institution without a channel is not reminded: tests/integration/task-reminder-truth).
    const lm = await findInstitution(current().db, "LM");
    await setMapping(current().db, lm?.id ?? 0, "C0LM", [], "2026-11-29T12:30:00Z");
    const task = await handleTask(
      parseTask("14"),
      { db: current().db, clock: current().clock, zone: "Europe/Riga" },
      "lv",
    );
    const taskText = JSON.stringify(task.blocks);
    expect(taskText).toContain("Nākamais atgādinājums");
    expect(taskText).not.toContain("Atgādinājumi vairs nav plānoti");

    // A later re-plan (a restart) changes nothing.
    await current().deps.replan(id);
    expect(await listReminders(current().db, id)).toEqual(rows);
  });

  it("moving earlier keeps only the offsets still ahead; none left is said so", async () => {
    await run("add 2026-11-29 15:00 --tasks 14 Pārbaude");
    const id = await onlyCutoffId();
    current().clock.set("2026-11-29T12:20:00Z");
    await mapLm();
    // 14:21 Riga: its 60 s reminder (14:20) has passed, the 30 s one (14:20:30) has not.
    const earlier = await run(`move ${id} 2026-11-29 14:21`);
    expect(earlier).toMatch(
      /Jaunajam laikam plānoti \d+ atgādināj\S+, pirmais svētd\. 29\.11\.2026\. 14:20\./,
    );
    const rows = await listReminders(current().db, id);
    const sixty = rows.filter((r) => r.kind === "before-PT1M");
    expect(sixty.map((r) => [r.state, r.detail])).toEqual(
      sixty.map(() => ["skipped", "passed_when_moved"]),
    );
    expect(await run(`plan ${id}`)).toContain(
      "1 minūte pirms termiņa – izlaists: tā laiks jau bija pagājis, kad termiņu pārcēla",
    );
    // A cut-off is set to the minute (seconds are refused): at 14:21:45, 14:22's reminders
    // (14:21 and 14:21:30) have both passed.
    current().clock.set("2026-11-29T12:21:45Z");
    const none = await run(`move ${id} 2026-11-29 14:22`, "en");
    expect(none).toContain(
      "No reminder can be planned before the new time: all their times have passed. Reminder after the cut-off: Sun 29 Nov 2026 14:22.",
    );
  });
});

describe("/cutoff move whose new time an institution's reminder has already passed", () => {
  /** Adds an institution not yet in task 14's scope to it; mapped to a channel when `channel`. */
  async function joinTask14(channel: string | null): Promise<number> {
    const db = current().db;
    const task = await db
      .selectFrom("tasks")
      .select("id")
      .where("number", "=", "14")
      .executeTakeFirstOrThrow();
    const scoped = db.selectFrom("task_institutions").select("institution_id");
    const joining = await db
      .selectFrom("institutions")
      .select("id")
      .where("id", "not in", scoped.where("task_id", "=", task.id))
      .orderBy("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("task_institutions")
      .values({
        task_id: task.id,
        institution_id: joining.id,
        role: "co_responsible",
        position: 99,
      })
      .execute();
    if (channel) await setMapping(db, joining.id, channel, [], "2026-11-29T12:00:00Z");
    return joining.id;
  }

  beforeEach(async () => {
    await world("2026-11-29T12:00:00Z", "PT60S,PT30S");
    await run("add 2026-11-29 15:00 --tasks 14 Pārbaude");
  });

  const caughtUp = {
    lv: /Jaunajam laikam plānoti \d+ atgādinājumi\. Pirmais tiks nosūtīts tūlīt, jo tā laiks \(svētd\. 29\.11\.2026\. 14:20 – 1 minūte pirms termiņa\) jau pagājis\. Nākamais atgādinājums: svētd\. 29\.11\.2026\. 14:20\./,
    en: /\d+ reminders planned for the new time\. The first goes out now, as its time \(Sun 29 Nov 2026 14:20 – 1 minute before\) has already passed\. Next reminder: Sun 29 Nov 2026 14:20\./,
  };
  for (const locale of ["lv", "en"] as const) {
    it(`${locale}: the caught-up reminder goes out now, its time said as past (a fresh user's finding)`, async () => {
      const id = await onlyCutoffId();
      await joinTask14("C0JOIN001");
      // 14:20:15 Riga: the new time's 60 s reminder (14:20) has passed, the 30 s one has not.
      current().clock.set("2026-11-29T12:20:15Z");
      const moved = await run(`move ${id} 2026-11-29 14:21`, locale);
      expect(moved).toMatch(caughtUp[locale]);
      expect(moved).not.toMatch(/pirmais svētd\. 29\.11\.2026\. 14:20\.|the first Sun/);
    });
  }

  it("promises nothing at once when the institution catching up has no channel", async () => {
    const id = await onlyCutoffId();
    await joinTask14(null);
    await mapLm();
    current().clock.set("2026-11-29T12:20:15Z");
    const lv = await run(`move ${id} 2026-11-29 14:21`);
    expect(lv).not.toContain("tūlīt");
    // The first still ahead is the 30 s one (14:20:30; times are shown to the minute).
    expect(lv).toMatch(
      /Jaunajam laikam plānoti \d+ atgādinājumi, pirmais svētd\. 29\.11\.2026\. 14:20\./,
    );
  });
});

describe("/cutoff move across Riga's DST changes (REMINDER_OFFSETS=14,7,1, 09:00)", () => {
  it("spring forward (28 March 2027): every reminder at 09:00 Riga time", async () => {
    await world("2027-03-01T10:00:00Z", "14,7,1");
    await run("add 2027-03-20 --tasks 14 Pārbaude");
    const id = await onlyCutoffId();
    await mapLm();
    const moved = await run(`move ${id} 2027-03-29 12:00`);
    expect(moved).toContain("pirmais pirmd. 15.03.2027. 09:00.");
    const rows = await listReminders(current().db, id);
    const times = [...new Set(rows.map((r) => `${r.kind} ${r.scheduledAt}`))].sort();
    expect(times).toEqual([
      "before-P14D 2027-03-15T07:00:00.000Z",
      // Friday 26 March 2027 is Good Friday (a public holiday): the day before it.
      "before-P1D 2027-03-25T07:00:00.000Z",
      "before-P7D 2027-03-22T07:00:00.000Z",
      "overdue 2027-03-30T06:00:00.000Z",
    ]);
  });

  it("fall back (31 October 2027): every reminder at 09:00 Riga time", async () => {
    await world("2027-10-01T10:00:00Z", "14,7,1");
    await run("add 2027-10-20 --tasks 14 Pārbaude");
    const id = await onlyCutoffId();
    await run(`move ${id} 2027-11-01 10:00`);
    const rows = await listReminders(current().db, id);
    const times = [...new Set(rows.map((r) => `${r.kind} ${r.scheduledAt}`))].sort();
    expect(times).toEqual([
      "before-P14D 2027-10-18T06:00:00.000Z",
      "before-P1D 2027-10-29T06:00:00.000Z",
      "before-P7D 2027-10-25T06:00:00.000Z",
      "overdue 2027-11-02T07:00:00.000Z",
    ]);
    expect(await run(`plan ${id}`)).toContain(
      "otrd. 02.11.2027. 09:00 – pēc termiņa – netiks nosūtīts – nav kanāla",
    );
  });
});

describe("an institution that joins a moved cut-off's scope (REMINDER_OFFSETS=PT60S,PT30S)", () => {
  it("gets the normal catch-up: its latest missed reminder, as on a cut-off never moved", async () => {
    await world("2026-11-29T12:00:00Z", "PT60S,PT30S");
    await run("add 2026-11-29 14:19 --tasks 14 Pārbaude");
    const id = await onlyCutoffId();
    // Both reminders of the old time go out (14:18, 14:18:30); its rows stay as history.
    expect(await sendDue(id, "2026-11-29T12:18:45Z")).toBeGreaterThan(0);
    current().clock.set("2026-11-29T12:20:00Z");
    await run(`move ${id} 2026-11-29 14:21`);
    const before = await listReminders(current().db, id);
    const scoped = new Set(before.map((r) => r.institutionId));

    // 14:20:45 Riga: both of the new time's offsets (14:20, 14:20:30) have passed.
    current().clock.set("2026-11-29T12:20:45Z");
    const task = await current()
      .db.selectFrom("tasks")
      .select("id")
      .where("number", "=", "14")
      .executeTakeFirstOrThrow();
    const joining = await current()
      .db.selectFrom("institutions")
      .select("id")
      .where("id", "not in", [...scoped])
      .orderBy("id")
      .executeTakeFirstOrThrow();
    await current()
      .db.insertInto("task_institutions")
      .values({
        task_id: task.id,
        institution_id: joining.id,
        role: "co_responsible",
        position: 99,
      })
      .execute();
    await current().deps.replan(id);

    const rows = await listReminders(current().db, id);
    const states = (institutionId: number) =>
      rows
        .filter(
          (r) => r.institutionId === institutionId && r.cutoffAt === "2026-11-29T12:21:00.000Z",
        )
        .map((r) => `${r.kind} ${r.state} ${r.detail ?? ""}`.trim())
        .sort();
    expect(states(joining.id)).toEqual([
      "before-PT1M skipped superseded",
      "before-PT30S planned",
      "overdue planned",
    ]);
    // Those in scope when it moved keep theirs: the 60 s one passed then and stays unsent.
    const [old] = scoped;
    expect(states(old ?? 0)).toEqual([
      "before-PT1M skipped passed_when_moved",
      "before-PT30S planned",
      "overdue planned",
    ]);
  });
});
