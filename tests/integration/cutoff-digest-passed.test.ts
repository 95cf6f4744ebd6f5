/**
 * The digest posted to the working group after a cut-off passes is about THAT cut-off, even
 * when another one is already set for later (tester's report: cut-off "Otrs" tomorrow, a new
 * "Ātrs" minutes ahead with `--tasks 14`; when "Ātrs" passed the channel got "Otrs" and its
 * "0 no 5"). A `/digest` at the same moment still reports the cut-off ahead.
 * Real SQLite store with the report, real Redis, the Slack emulator; the job is the one the
 * digest planner plans for the cut-off.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Cutoff, insertCutoff } from "../../db/cutoffs.ts";
import { findDigestByKey } from "../../db/digests.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { buildDigest } from "../../jobs/index.ts";
import type { DigestModel } from "../../src/digest/model.ts";
import { plannedDigests } from "../../src/digest/schedule.ts";
import { parseOffsets } from "../../src/domain/reminder-plan.ts";
import { fixedClock } from "../../src/time.ts";
import { type JobWorld, jobWorld } from "../helpers/jobs.ts";

const WG = "C0WG";
/** A Wednesday morning in Riga. */
const NOW = "2027-01-20T10:00:00.000Z";
const clock = fixedClock(NOW);
let w: JobWorld;
let later: Cutoff;
let soon: Cutoff;

beforeEach(async () => {
  clock.set(NOW);
  const offsets = parseOffsets("PT1M");
  if (!offsets.ok) throw new Error(offsets.error);
  w = await jobWorld({
    clock,
    config: {
      secretaryUserIds: ["U0SEC"],
      workgroupChannelId: WG,
      // Test mode, as the tester ran it: the after-cut-off digest a minute after the cut-off.
      reminderOffsets: offsets.offsets,
    },
  });
  w.emulator.addChannel({ id: WG, name: "darba-grupa" });
  w.emulator.addUser({ id: "U0SEC", name: "sekretare" });
  const programme = await currentProgramme(w.db);
  if (!programme) throw new Error("no programme");
  const base = { programmeId: programme.id, createdBy: "U0SEC", createdAt: NOW };
  later = await insertCutoff(w.db, {
    ...base,
    at: "2027-01-21T21:59:59.999Z",
    title: "Otrs",
    taskNumbers: null,
  });
  soon = await insertCutoff(w.db, {
    ...base,
    at: "2027-01-20T10:05:00.000Z",
    title: "Ātrs",
    taskNumbers: ["14"],
  });
});
afterEach(async () => {
  await w.stop();
});

async function storedModel(key: string): Promise<DigestModel> {
  const digest = await findDigestByKey(w.db, key);
  if (!digest) throw new Error(`no digest ${key}`);
  return JSON.parse(digest.content) as DigestModel;
}

describe("the digest after a cut-off passes, with another cut-off set for later", () => {
  it("reports the cut-off that passed: its title, who did not answer, its figures", async () => {
    const planned = (await plannedDigests({ db: w.db, config: w.deps.config, clock })).find(
      (p) => p.data.kind === "cutoff" && p.data.cutoffId === soon.id,
    );
    if (!planned) throw new Error("no digest planned for Ātrs");
    expect(planned.runAt).toBe("2027-01-20T10:06:00.000Z");
    clock.set(planned.runAt);
    expect(await buildDigest.process(planned.data, w.deps)).toBe("posted");

    const text = JSON.stringify(w.emulator.messagesIn(WG));
    expect(text).toContain("⏰ Ziņošanas termiņš pagājis: Ātrs");
    expect(text).toContain("Ziņošanas termiņš *Ātrs* (");
    expect(text).toContain("visu prasīto iesniegušas *0* no *1* institūcijas");
    expect(text).toContain("Institūcijas: Ātrs (");
    expect(text).toContain(`*Vēl nav atbildējušas uz #${soon.id}:* LM (14)`);
    expect(text).toContain("Statuss pa institūcijām: Ātrs");
    // "Otrs" appears only as what comes next, never as the cut-off the digest is about.
    expect(text).not.toMatch(
      /pagājis: Otrs|termiņš \*Otrs\* \(|Institūcijas: Otrs|institūcijām: Otrs/u,
    );
    expect(text).toContain("ziņošanas termiņš *Otrs*");

    const model = await storedModel(planned.data.key);
    expect(model.cutoff).toEqual({ id: soon.id, title: "Ātrs", at: soon.at, passed: true });
    expect(model.institutions.map((i) => [i.code, i.tasks, i.missing])).toEqual([
      ["LM", ["14"], ["14"]],
    ]);
  });

  it("a /digest at the same moment keeps reporting the cut-off ahead", async () => {
    clock.set("2027-01-20T10:06:00.000Z");
    const manual: buildDigest.Data = {
      key: "manual-after-atrs",
      kind: "manual",
      at: "2027-01-20T10:06:00.000Z",
      requestedBy: "U0SEC",
    };
    expect(await buildDigest.process(manual, w.deps)).toBe("posted");
    const model = await storedModel(manual.key);
    expect(model.cutoff).toMatchObject({ id: later.id, title: "Otrs", passed: false });
    expect(model.institutions).toHaveLength(5);
  });
});
