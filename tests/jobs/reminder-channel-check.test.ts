/**
 * A reminder Slack refuses for its channel (channel_not_found) keeps that as the channel's last
 * known reachability (`channel_checks`), so `/cutoff plan` warns before the next reminder fails
 * too; a reminder sent to the channel later clears it. Real emulator (no C0GONE channel).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { unreachableChannels } from "../../db/channel-checks.ts";
import { setMapping } from "../../db/contacts.ts";
import { findInstitution } from "../../db/institutions.ts";
import { sendNow } from "../../src/reminders/send-now.ts";
import { fixedClock } from "../../src/time.ts";
import { dayBeforeWorld, type JobWorld, storeTestCutoff } from "../helpers/jobs.ts";

const clock = fixedClock("2027-01-10T08:00:00Z");
let w: JobWorld;
let cutoffId: number;
let lm: number;

beforeEach(async () => {
  clock.set("2027-01-10T08:00:00Z");
  w = await dayBeforeWorld({ clock });
  lm = (await findInstitution(w.db, "LM"))?.id ?? 0;
  await setMapping(w.db, lm, "C0GONE", [], "2027-01-10T08:00:00Z");
  cutoffId = await storeTestCutoff(w.db);
});
afterEach(async () => w.stop());

const lmResult = async () =>
  (await sendNow(w.deps, cutoffId)).results.find((r) => r.institution === "LM")?.result;

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
