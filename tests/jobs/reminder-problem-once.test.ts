/**
 * The secretaries hear of a reminder that could not be delivered once per institution, cut-off
 * and problem — also when the same reminder is tried again (`remind --now` after a failure, as
 * the CLI runs it: src/reminders/send-now.ts over the job processor and the emulator) and fails
 * the same way. The row stays failed with its problem; a problem back after a delivery that
 * worked is told again; each secretary in their language.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { lastFailedDelivery, listReminders } from "../../db/reminders.ts";
import { setPreferredLocale } from "../../db/user-settings.ts";
import { parseOffsets } from "../../src/domain/reminder-plan.ts";
import { reminderText } from "../../src/i18n/reminder.ts";
import { waitingChannelGate } from "../../src/reminders/channel-gate.ts";
import { sendNow } from "../../src/reminders/send-now.ts";
import { fixedClock } from "../../src/time.ts";
import { type JobWorld, jobWorld } from "../helpers/jobs.ts";

const clock = fixedClock("2027-01-10T08:00:00Z");
let w: JobWorld;
let cutoffId: number;
let lm: number;
const TITLE = "Pārbaude";

beforeEach(async () => {
  clock.set("2027-01-10T08:00:00Z");
  const offsets = parseOffsets("P1D");
  if (!offsets.ok) throw new Error(offsets.error);
  w = await jobWorld({
    clock,
    config: { secretaryUserIds: ["U0SEC", "U0SECEN"], reminderOffsets: offsets.offsets },
  });
  w.deps = { ...w.deps, gate: waitingChannelGate(50) };
  w.emulator.addChannel({ id: "C0LM", name: "lm" });
  w.emulator.addUser({ id: "U0SEC", name: "sec", locale: "lv-LV" });
  w.emulator.addUser({ id: "U0SECEN", name: "secen", locale: "en-US" });
  await setPreferredLocale(w.db, "U0SECEN", "en", "2027-01-10T08:00:00Z");
  lm = (await findInstitution(w.db, "LM"))?.id ?? 0;
  await setMapping(w.db, lm, "C0GONE", [], "2027-01-10T08:00:00Z");
  const programme = await currentProgramme(w.db);
  // Task 5 only: LM, IEM, IZM; one reminder a day before (so a retry is of the same row).
  cutoffId = (
    await insertCutoff(w.db, {
      programmeId: programme?.id ?? 0,
      at: "2027-01-10T20:00:00.000Z",
      title: TITLE,
      taskNumbers: ["5"],
      createdBy: "cli",
      createdAt: "2027-01-10T08:00:00Z",
    })
  ).id;
});
afterEach(async () => w.stop());

/** Direct messages about LM's problem, per secretary's DM channel text. */
function problemDms(problem: string): string[] {
  const texts = [reminderText("lv"), reminderText("en")].map((t) =>
    t.problem("LM", problem, cutoffId, TITLE),
  );
  return w.emulator.calls
    .filter((c) => c.method === "chat.postMessage" && texts.includes(String(c.args.text ?? "")))
    .map((c) => String(c.args.text));
}

const lmResult = async () =>
  (await sendNow(w.deps, cutoffId)).results.find((r) => r.institution === "LM")?.result;

describe("a reminder tried again that fails again", () => {
  it("does not tell the secretaries the same problem twice; the row stays failed with it", async () => {
    expect(await lmResult()).toBe("channel_not_found");
    expect(problemDms("channel_not_found").sort()).toEqual(
      [
        reminderText("en").problem("LM", "channel_not_found", cutoffId, TITLE),
        reminderText("lv").problem("LM", "channel_not_found", cutoffId, TITLE),
      ].sort(),
    );
    const [row] = (await listReminders(w.db, cutoffId)).filter(
      (r) => r.institutionId === lm && r.kind !== "overdue",
    );
    clock.set("2027-01-10T09:00:00Z");
    expect(await lmResult()).toBe("channel_not_found");
    clock.set("2027-01-10T10:00:00Z");
    expect(await lmResult()).toBe("channel_not_found");
    expect(problemDms("channel_not_found")).toHaveLength(2); // one per secretary, as before
    // The same row was tried each time, and shows its last problem as before.
    const after = (await listReminders(w.db, cutoffId)).find((r) => r.id === row?.id);
    expect(after).toMatchObject({ state: "failed", detail: "channel_not_found" });
    expect(await lastFailedDelivery(w.db, lm)).toMatchObject({ id: row?.id });

    // Another problem is news: told once.
    await setMapping(w.db, lm, null, [], "2027-01-10T10:00:00Z");
    expect(await lmResult()).toBe("no_mapping");
    expect(await lmResult()).toBe("no_mapping");
    expect(problemDms("no_mapping")).toHaveLength(2);
  });

  it("tells it again when it is back after a reminder that went out", async () => {
    expect(await lmResult()).toBe("channel_not_found");
    expect(problemDms("channel_not_found")).toHaveLength(2);
    clock.set("2027-01-10T09:00:00Z");
    await setMapping(w.db, lm, "C0LM", [], "2027-01-10T09:00:00Z");
    expect(await lmResult()).toBe("sent");
    // After the cut-off: the overdue reminder, to a channel gone again.
    clock.set("2027-01-11T10:00:00Z");
    await setMapping(w.db, lm, "C0GONE", [], "2027-01-11T10:00:00Z");
    expect(await lmResult()).toBe("channel_not_found");
    expect(problemDms("channel_not_found")).toHaveLength(4);
    clock.set("2027-01-11T11:00:00Z");
    expect(await lmResult()).toBe("channel_not_found");
    expect(problemDms("channel_not_found")).toHaveLength(4);
  });
});
