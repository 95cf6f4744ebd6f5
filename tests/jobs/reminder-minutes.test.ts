/**
 * The reminder message writes its cut-off's time to the minute, as `/cutoff list` and `plan`
 * do: in test mode (REMINDER_OFFSETS=PT20S,PT10S) and for a cut-off set to a second too. Real
 * store, emulator and private Redis.
 */
import type { Job } from "bullmq";
import { afterEach, describe, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { process as sendReminder } from "../../jobs/send-reminder.ts";
import type { JobContext } from "../../jobs/types.ts";
import { parseOffsets } from "../../src/domain/reminder-plan.ts";
import { planCutoff } from "../../src/reminders/plan.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { fixedClock } from "../../src/time.ts";
import { type JobWorld, jobWorld } from "../helpers/jobs.ts";

const NOW = "2027-02-01T09:00:00.000Z";
const noJob = { job: {} as Job, token: undefined } satisfies JobContext;
let w: JobWorld | undefined;
afterEach(async () => {
  await w?.stop();
  w = undefined;
});

/** A world with `offsets`, LM mapped to #lm, a cut-off at `cutoffAt` on task 5, planned. */
async function world(offsets: string, cutoffAt: string, now = NOW) {
  const parsed = parseOffsets(offsets);
  if (!parsed.ok) throw new Error(parsed.error);
  const clock = fixedClock(now);
  w = await jobWorld({ clock, config: { reminderOffsets: parsed.offsets } });
  w.emulator.addChannel({ id: "C0LM", name: "lm" });
  w.emulator.addUser({ id: "U0ANNA", name: "anna", locale: "lv-LV" });
  const lm = await findInstitution(w.db, "LM");
  await setMapping(w.db, lm?.id ?? 0, "C0LM", ["U0ANNA"], NOW);
  const programme = await currentProgramme(w.db);
  const cutoff = await insertCutoff(w.db, {
    programmeId: programme?.id ?? 0,
    at: cutoffAt,
    title: "Pārbaude",
    taskNumbers: ["5"],
    createdBy: "U0SEC",
    createdAt: NOW,
  });
  const settings = {
    offsets: parsed.offsets,
    time: w.deps.config.reminderTime,
    zone: "Europe/Riga",
  };
  const rows = await planCutoff(w.db, cutoff, settings, now);
  return { world: w, cutoffId: cutoff.id, rows: rows.filter((r) => r.institutionId === lm?.id) };
}

/** Sends LM's first planned reminder and returns the posted message as text (and its fallback). */
async function firstMessage(offsets: string, cutoffAt: string, now = NOW) {
  const { world: x, cutoffId, rows } = await world(offsets, cutoffAt, now);
  const [first] = rows;
  if (!first) throw new Error("nothing planned");
  const data = { reminderId: first.id, cutoffId, at: first.scheduledAt };
  expect(await sendReminder(data, x.deps, noJob)).toBe("sent");
  const call = x.emulator.calls.find((c) => c.method === "chat.postMessage");
  const blocks = call?.args.blocks as Parameters<typeof blocksToText>[0];
  return { text: blocksToText(blocks), fallback: String(call?.args.text), at: first.scheduledAt };
}

describe("the reminder message's cut-off time", () => {
  it("is to the minute in test mode (20 s and 10 s before)", async () => {
    const m = await firstMessage("PT20S,PT10S", "2027-02-01T10:00:00.000Z");
    expect(m.at).toBe("2027-02-01T09:59:40.000Z");
    expect(m.text).toContain("līdz *pirmd. 01.02.2027. 12:00*");
    expect(m.text).not.toMatch(/\d\d:\d\d:\d\d/u);
    expect(m.fallback).toContain("12:00");
  });

  it("is to the minute when a missed reminder is caught up (the app was down at its time)", async () => {
    // Both reminders passed: the older is superseded, the latest goes out now, late.
    const m = await firstMessage("PT20S,PT10S", "2027-02-01T10:00:00.000Z", "2027-02-01T09:59:55Z");
    expect(m.at).toBe("2027-02-01T09:59:50.000Z");
    expect(m.text).toContain("līdz *pirmd. 01.02.2027. 12:00*");
  });

  it("is to the minute for a cut-off set to a second", async () => {
    const m = await firstMessage("PT1H", "2027-02-01T10:00:30.000Z");
    expect(m.at).toBe("2027-02-01T09:00:30.000Z");
    expect(m.text).toContain("līdz *pirmd. 01.02.2027. 12:00*");
    expect(m.text).not.toMatch(/\d\d:\d\d:\d\d/u);
  });

  it("keeps minutes for a plan in whole minutes", async () => {
    const m = await firstMessage("PT1H", "2027-02-01T10:00:00.000Z");
    expect(m.text).toContain("līdz *pirmd. 01.02.2027. 12:00*");
    expect(m.text).not.toMatch(/\d\d:\d\d:\d\d/u);
  });
});
