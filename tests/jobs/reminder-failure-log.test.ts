/**
 * A reminder that cannot be delivered leaves one warn line in the operator's log (a fresh
 * user's finding: Slack's channel_not_found reached the secretaries' DMs but not the log),
 * with the ids, the institution's code and the problem, and no contact's id or message text.
 */
import { Writable } from "node:stream";
import { afterEach, beforeEach, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { parseOffsets } from "../../src/domain/reminder-plan.ts";
import { createLogger } from "../../src/logger.ts";
import { waitingChannelGate } from "../../src/reminders/channel-gate.ts";
import { sendNow } from "../../src/reminders/send-now.ts";
import { fixedClock } from "../../src/time.ts";
import { type JobWorld, jobWorld } from "../helpers/jobs.ts";

const clock = fixedClock("2027-01-10T08:00:00Z");
let w: JobWorld;
let cutoffId: number;
let lines: Record<string, unknown>[];

beforeEach(async () => {
  const offsets = parseOffsets("P1D");
  if (!offsets.ok) throw new Error(offsets.error);
  w = await jobWorld({
    clock,
    config: { secretaryUserIds: ["U0SEC"], reminderOffsets: offsets.offsets },
  });
  lines = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  w.deps = { ...w.deps, gate: waitingChannelGate(50), logger: createLogger("info", sink) };
  w.emulator.addUser({ id: "U0SEC", name: "sec", locale: "lv-LV" });
  const lm = (await findInstitution(w.db, "LM"))?.id ?? 0;
  const iem = (await findInstitution(w.db, "IEM"))?.id ?? 0;
  await setMapping(w.db, lm, "C0GONE", ["U0LMCONTACT"], "2027-01-10T08:00:00Z");
  await setMapping(w.db, iem, null, [], "2027-01-10T08:00:00Z");
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

it("logs one warn line per undelivered reminder: channel_not_found and no channel", async () => {
  const results = await sendNow(w.deps, cutoffId);
  expect(results.find((r) => r.institution === "LM")?.result).toBe("channel_not_found");
  const warned = lines.filter((l) => l.msg === "reminder not delivered");
  expect(warned).toContainEqual(
    expect.objectContaining({
      level: 40,
      cutoffId,
      institution: "LM",
      problem: "channel_not_found",
    }),
  );
  expect(results.find((r) => r.institution === "IEM")?.result).toBe("no_mapping");
  expect(warned).toContainEqual(
    expect.objectContaining({ level: 40, cutoffId, institution: "IEM", problem: "no_mapping" }),
  );
  // One line per reminder that failed (IZM, never mapped, fails as IEM does), none for others.
  const failed = results.filter(
    (r) => r.result === "no_mapping" || r.result === "channel_not_found",
  );
  expect(warned).toHaveLength(failed.length);
  const logged = JSON.stringify(lines);
  expect(logged).not.toContain("U0LMCONTACT");
  expect(logged).not.toContain("U0SEC");
  expect(logged).not.toContain(w.emulator.botToken);
});
