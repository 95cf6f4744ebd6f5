/**
 * The digest's chart counts a task as the rest of the digest does: only a verified reply (by a
 * contact of the institution) answers it. A task replied to only by someone who is not a
 * contact is "no reply" in the chart, as it is among "Vēl nav atbildējušas"; a later unverified
 * reply does not change the status a contact's reply gave.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { insertReply } from "../../db/replies.ts";
import { buildDigest } from "../../jobs/index.ts";
import { fixedClock } from "../../src/time.ts";
import { type JobWorld, jobWorld } from "../helpers/jobs.ts";

// Task 5 is asked of IEM, IZM and LM; the cut-off is about it alone.
const CUTOFF_AT = "2027-01-15T21:59:59.999Z";
const NOW = "2027-01-20T08:00:00.000Z";
const WG = "C0WG";
const clock = fixedClock(NOW);
let w: JobWorld;
let cutoffId: number;

beforeEach(async () => {
  w = await jobWorld({ clock, config: { secretaryUserIds: ["U0SEC"], workgroupChannelId: WG } });
  w.emulator.addChannel({ id: WG, name: "darba-grupa" });
  w.emulator.addUser({ id: "U0SEC", name: "sekretare", locale: "lv-LV" });
  const programme = await currentProgramme(w.db);
  const ids: Record<string, number> = {};
  for (const code of ["IEM", "IZM", "LM"]) ids[code] = (await findInstitution(w.db, code))?.id ?? 0;
  const at = "2027-01-01T08:00:00.000Z";
  await setMapping(w.db, ids.IEM ?? 0, "C0IEM", ["U0IVARS"], at);
  await setMapping(w.db, ids.IZM ?? 0, "C0IZM", ["U0ILZE"], at);
  await setMapping(w.db, ids.LM ?? 0, "C0LM", ["U0ANNA"], at);
  const cutoff = await insertCutoff(w.db, {
    programmeId: programme?.id ?? 0,
    taskNumbers: ["5"],
    createdBy: "U0SEC",
    at: CUTOFF_AT,
    title: "Janvāris",
    createdAt: at,
  });
  cutoffId = cutoff.id;
  const task5 = await w.db
    .selectFrom("tasks")
    .select("id")
    .where("number", "=", "5")
    .executeTakeFirstOrThrow();
  // LM: its contact, done. IEM: only janis, who is not IEM's contact, "done".
  // IZM: its contact says partial, then someone else (unverified) says done.
  const replies = [
    ["LM", "U0ANNA", true, "done"],
    ["IEM", "U0JANIS", false, "done"],
    ["IZM", "U0ILZE", true, "partial"],
    ["IZM", "U0JANIS", false, "done"],
  ] as const;
  for (const [n, [code, userId, verified, claim]] of replies.entries()) {
    await insertReply(w.db, {
      cutoffId: cutoff.id,
      institutionId: ids[code] ?? 0,
      taskId: task5.id,
      channelId: `C0${code}`,
      ts: `1700000000.00010${n}`,
      threadTs: null,
      userId,
      text: `5: ${code} atbilde`,
      files: [],
      statusClaim: claim,
      verified,
      source: "event",
      receivedAt: `2027-01-1${n + 1}T09:00:00.000Z`,
    });
  }
});
afterEach(async () => {
  await w?.stop();
});

describe("the digest's chart counts only verified replies", () => {
  it("shows a task replied to only unverified as no reply, in the posted chart's summary", async () => {
    const data: buildDigest.Data = {
      key: `cutoff-${cutoffId}`,
      kind: "cutoff",
      at: NOW,
      requestedBy: "schedule",
      cutoffId,
      cutoffAt: CUTOFF_AT,
    };
    expect(await buildDigest.process(data, w.deps)).toBe("posted");
    const png = [...w.emulator.files.values()].find((f) => f.name.endsWith(".png"));
    const alt = png?.altText ?? "";
    expect(alt).toContain("IEM: izpildīts 0, daļēji 0, tiek pildīts 0, nav atbildes 1");
    expect(alt).toContain("IZM: izpildīts 0, daļēji 1, tiek pildīts 0, nav atbildes 0");
    expect(alt).toContain("LM: izpildīts 1, daļēji 0, tiek pildīts 0, nav atbildes 0");
    // The digest's text, posted with it, names IEM as not answered: the two agree.
    const text = JSON.stringify(w.emulator.messagesIn(WG));
    expect(text).toContain("*Vēl nav atbildējušas uz #1:* IEM (5; nepārbaudīta atbilde: 5)");
  });
});
