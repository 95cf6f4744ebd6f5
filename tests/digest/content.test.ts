import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { insertDigest } from "../../db/digests.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { buildDigestModel, EPOCH } from "../../src/digest/build.ts";
import type { DigestModel } from "../../src/digest/model.ts";
import { applyImport } from "../../src/import/apply-import.ts";
import { importedStore, report } from "../helpers/store.ts";
import { CURRENT_REPLIES, NOW, scriptStore } from "./support.ts";

let db: Db;
let model: DigestModel;
let pastId: number;

beforeAll(async () => {
  ({ db } = await importedStore());
  ({ pastId } = await scriptStore(db));
  model = await buildDigestModel(db, { now: DateTime.fromISO(NOW), zone: "Europe/Riga" });
});
afterAll(async () => {
  await db?.destroy();
});

function standing(code: string) {
  const found = model.institutions.find((i) => i.code === code);
  if (!found) throw new Error(`no ${code}`);
  return found;
}

describe("the digest model, from the report plus scripted replies", () => {
  it("counts every task by its imported status, the headings (10, 10.1, 13) apart", () => {
    const expected = { done: 0, partial: 0, ongoing: 0, not_done: 0, none: 0 };
    for (const t of report().tasks) expected[t.status ?? "none"]++;
    // The report's three rows without a status are the headings: counted apart, as `/task`.
    expect({ ...model.counts, none: model.counts.none + (model.headings ?? 0) }).toEqual(expected);
    expect(model.counts).toEqual({ done: 30, partial: 2, ongoing: 0, not_done: 0, none: 0 });
    expect(model.headings).toBe(3);
    expect(model.tasks).toHaveLength(35);
    expect(model.moved).toBeNull();
  });

  it("is about the cut-off asked for, even a passed one while another is ahead", async () => {
    const past = await buildDigestModel(db, {
      now: DateTime.fromISO(NOW),
      zone: "Europe/Riga",
      cutoffId: pastId,
    });
    expect(past.cutoff).toMatchObject({ id: pastId, title: "Starpziņojums", passed: true });
    const iem = past.institutions.find((i) => i.code === "IEM");
    expect(iem).toMatchObject({ replied: ["1", "17"], unverified: [] });
    expect(iem?.missing).toHaveLength(11);
    expect(past.institutions.find((i) => i.code === "LM")?.replied).toEqual([]);
    await expect(
      buildDigestModel(db, { now: DateTime.fromISO(NOW), zone: "Europe/Riga", cutoffId: 9999 }),
    ).rejects.toThrow("no cut-off 9999");
  });

  it("says, per institution, what was replied, what is unverified and what is missing", () => {
    expect(model.cutoff?.title).toBe("Informatīvais ziņojums MK");
    expect(model.institutions.map((i) => i.code)).toEqual(["AiM", "ĀM", "IEM", "LM", "TM"]);
    expect(standing("LM")).toMatchObject({
      missing: [],
      unverified: [],
      replied: ["2", "10.1.2", "13.3", "18", "19", "20", "21"],
    });
    expect(standing("AiM")).toMatchObject({ replied: ["13.2"], missing: [] });
    expect(standing("ĀM")).toMatchObject({
      replied: [],
      unverified: ["11"],
      missing: ["10.1.3", "13.1", "21"],
    });
    expect(standing("IEM")).toMatchObject({
      replied: ["1", "17"],
      unverified: ["18"],
      missing: ["10.1.1", "10.2", "11", "13.4", "20", "22", "23", "24", "25", "26"],
    });
    expect(standing("TM")).toMatchObject({ replied: [], missing: ["13.4"] });
    expect(model.institutions.filter((i) => i.missing.length > 0).map((i) => i.code)).toEqual([
      "ĀM",
      "IEM",
      "TM",
    ]);
  });

  it("computes the chart's mix and the response rate over the passed cut-off", () => {
    // IEM's task 18 is replied to only unverified: no reply in the chart, as in the text.
    expect(standing("IEM").chart).toEqual({ done: 1, partial: 1, in_progress: 0, no_reply: 11 });
    expect(standing("LM").chart).toEqual({ done: 4, partial: 0, in_progress: 3, no_reply: 0 });
    expect(standing("IEM").rate).toEqual({ answered: 2, asked: 13, cutoffs: 1 });
    expect(standing("LM").rate).toEqual({ answered: 0, asked: 7, cutoffs: 1 });
  });

  it("lists overdue tasks, the new replies with links, and what is coming", () => {
    expect(model.overdue.map((o) => o.number)).toEqual(["1"]);
    expect(model.overdue[0]).toMatchObject({
      due: "2013-12-31",
      status: "partial",
      institutions: ["IEM"],
    });
    expect(model.since).toBeNull();
    expect(model.replies).toHaveLength(CURRENT_REPLIES.length + 2);
    expect(model.replies[0]?.link).toMatch(/^https:\/\/slack\.com\/archives\/C0IEM\/p17/);
    expect(model.upcoming.map((u) => u.kind)).toEqual(["cutoff"]);
    expect(model.nextSession).toBeNull();
  });

  it("a later digest says how the counts moved and which statuses changed since", async () => {
    const programme = await currentProgramme(db);
    const first = await insertDigest(db, {
      programmeId: programme?.id ?? 0,
      requestKey: "first",
      kind: "manual",
      since: EPOCH,
      builtAt: model.builtAt,
      requestedBy: "U0SEC",
      locale: "lv",
      sessionId: null,
      cutoffId: null,
      content: JSON.stringify(model),
      postedAt: model.builtAt,
    });
    const changed = structuredClone(report());
    const task2 = changed.tasks.find((t) => t.number === "2");
    if (!task2) throw new Error("no task 2");
    task2.status = "partial";
    await applyImport(db, changed, {
      actor: "import:test",
      at: "2027-01-21T08:00:00.000Z",
      source: "report.txt",
    });
    const later = await buildDigestModel(db, {
      now: DateTime.fromISO("2027-01-22T10:00:00Z"),
      zone: "Europe/Riga",
    });
    expect(later.previous).toEqual({ id: first.id, builtAt: model.builtAt });
    expect(later.since).toBe(model.builtAt);
    expect(later.moved).toEqual({ done: -1, partial: 1, ongoing: 0, not_done: 0, none: 0 });
    expect(later.statusChanges).toMatchObject([{ number: "2", before: "done", after: "partial" }]);
    expect(later.replies).toHaveLength(0);
  });
});
