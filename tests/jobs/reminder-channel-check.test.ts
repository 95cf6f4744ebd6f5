/**
 * A reminder Slack refuses for its channel (channel_not_found) keeps that as the channel's last
 * known reachability (`channel_checks`), so `/cutoff plan` warns before the next reminder fails
 * too; a reminder sent to the channel later clears it. Real emulator (no C0GONE channel).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { unreachableChannels } from "../../db/channel-checks.ts";
import { setMapping } from "../../db/contacts.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { parseOffsets } from "../../src/domain/reminder-plan.ts";
import { waitingChannelGate } from "../../src/reminders/channel-gate.ts";
import { sendNow } from "../../src/reminders/send-now.ts";
import { fixedClock } from "../../src/time.ts";
import { type JobWorld, jobWorld } from "../helpers/jobs.ts";

const clock = fixedClock("2027-01-10T08:00:00Z");
let w: JobWorld;
let cutoffId: number;
let lm: number;

beforeEach(async () => {
  clock.set("2027-01-10T08:00:00Z");
  const offsets = parseOffsets("P1D");
  if (!offsets.ok) throw new Error(offsets.error);
  w = await jobWorld({ clock, config: { reminderOffsets: offsets.offsets } });
  w.deps = { ...w.deps, gate: waitingChannelGate(50) };
  lm = (await findInstitution(w.db, "LM"))?.id ?? 0;
  await setMapping(w.db, lm, "C0GONE", [], "2027-01-10T08:00:00Z");
  const programme = await currentProgramme(w.db);
  cutoffId = (
    await insertCutoff(w.db, {
      programmeId: programme?.id ?? 0,
      at: "2027-01-10T20:00:00.000Z",
      title: "Pārbaude",
      taskNumbers: ["5"],
      createdBy: "cli",
      createdAt: "2027-01-10T08:00:00Z",
    })
  ).id;
});
afterEach(async () => w.stop());

const lmResult = async () =>
  (await sendNow(w.deps, cutoffId)).find((r) => r.institution === "LM")?.result;

describe("a reminder Slack refuses for its channel", () => {
  it("is kept as the channel's last known state; a later one sent there clears it", async () => {
    expect(await lmResult()).toBe("channel_not_found");
    expect([...(await unreachableChannels(w.db, ["C0GONE"]))]).toEqual([["C0GONE", "not_found"]]);
    w.emulator.addChannel({ id: "C0GONE", name: "lm" });
    clock.set("2027-01-10T09:00:00Z");
    expect(await lmResult()).toBe("sent");
    expect((await unreachableChannels(w.db, ["C0GONE"])).size).toBe(0);
  });
});
