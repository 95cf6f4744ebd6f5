/**
 * A reminder that cannot be delivered leaves one warn line in the operator's log (a fresh
 * user's finding: Slack's channel_not_found reached the secretaries' DMs but not the log),
 * with the ids, the institution's code and the problem, and no contact's id or message text.
 * One with no channel mapped is no delivery failure (a later fresh user's finding: a warn line
 * for every unmapped institution at every reminder): an info line, once per institution and
 * cut-off, as the secretaries are told.
 */
import { Writable } from "node:stream";
import { afterEach, beforeEach, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { findInstitution } from "../../db/institutions.ts";
import { NO_CHANNEL_LOG } from "../../jobs/send-reminder.ts";
import { createLogger } from "../../src/logger.ts";
import { sendNow } from "../../src/reminders/send-now.ts";
import { fixedClock } from "../../src/time.ts";
import { dayBeforeWorld, type JobWorld, storeTestCutoff } from "../helpers/jobs.ts";

const clock = fixedClock("2027-01-10T08:00:00Z");
let w: JobWorld;
let cutoffId: number;
let lines: Record<string, unknown>[];

beforeEach(async () => {
  w = await dayBeforeWorld({ clock, config: { secretaryUserIds: ["U0SEC"] } });
  lines = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  w.deps = { ...w.deps, logger: createLogger("info", sink) };
  w.emulator.addUser({ id: "U0SEC", name: "sec", locale: "lv-LV" });
  const lm = (await findInstitution(w.db, "LM"))?.id ?? 0;
  const iem = (await findInstitution(w.db, "IEM"))?.id ?? 0;
  await setMapping(w.db, lm, "C0GONE", ["U0LMCONTACT"], "2027-01-10T08:00:00Z");
  await setMapping(w.db, iem, null, [], "2027-01-10T08:00:00Z");
  cutoffId = await storeTestCutoff(w.db);
});
afterEach(async () => w.stop());

it("logs a warn line per undelivered reminder, an info line per institution with no channel", async () => {
  const results = (await sendNow(w.deps, cutoffId)).results;
  expect(results.find((r) => r.institution === "LM")?.result).toBe("channel_not_found");
  const warned = lines.filter((l) => l.msg === "reminder not delivered");
  expect(warned).toEqual([
    expect.objectContaining({
      level: 40,
      cutoffId,
      institution: "LM",
      problem: "channel_not_found",
    }),
  ]);
  // IEM (its channel cleared) and IZM (never mapped): info, not warn, one line each.
  const unmapped = results.filter((r) => r.result === "no_mapping").map((r) => r.institution);
  expect(unmapped).toEqual(expect.arrayContaining(["IEM", "IZM"]));
  const noChannel = lines.filter((l) => l.msg === NO_CHANNEL_LOG);
  expect(noChannel.map((l) => l.institution).sort()).toEqual([...unmapped].sort());
  expect(noChannel).toContainEqual(
    expect.objectContaining({ level: 30, cutoffId, institution: "IEM", problem: "no_mapping" }),
  );
  expect(lines.filter((l) => l.level === 40 && l.problem === "no_mapping")).toEqual([]);
  const logged = JSON.stringify(lines);
  expect(logged).not.toContain("U0LMCONTACT");
  expect(logged).not.toContain("U0SEC");
  expect(logged).not.toContain(w.emulator.botToken);
});

it("says an institution has no channel once per cut-off; a refusal warns at each try", async () => {
  await sendNow(w.deps, cutoffId);
  // Run again with nothing fixed: each failed reminder is tried again and fails the same way.
  const again = (await sendNow(w.deps, cutoffId)).results;
  expect(again.find((r) => r.institution === "IEM")?.result).toBe("no_mapping");
  expect(again.find((r) => r.institution === "LM")?.result).toBe("channel_not_found");
  const iem = lines.filter((l) => l.msg === NO_CHANNEL_LOG && l.institution === "IEM");
  expect(iem).toHaveLength(1);
  const lm = lines.filter((l) => l.msg === "reminder not delivered" && l.institution === "LM");
  expect(lm).toHaveLength(2);
});
