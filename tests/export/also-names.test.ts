/**
 * A reply naming several tasks ("2: …; 14: …") is stored whole under the first; the annex's
 * progress cell and the digest's reply line say which other tasks it names, so the secretary
 * sees that their part sits in another task's cell (the author was told when replying).
 */
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { type Cutoff, insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { insertReply } from "../../db/replies.ts";
import { loadTasksForImport } from "../../db/tasks.ts";
import { buildDigestModel } from "../../src/digest/build.ts";
import { digestDocument } from "../../src/digest/document.ts";
import { buildAnnex } from "../../src/export/annex-model.ts";
import { progressText } from "../../src/export/cells.ts";
import { exportText } from "../../src/i18n/export.ts";
import { importedStore } from "../helpers/store.ts";

const ZONE = "Europe/Riga";
let db: Db;
let cutoff: Cutoff;
let ts = 0;

async function reply(number: string, text: string, at: string, into: Cutoff = cutoff) {
  const institution = await findInstitution(db, "LM");
  const programme = await currentProgramme(db);
  const task = (await loadTasksForImport(db, programme?.id ?? 0)).get(number);
  await insertReply(db, {
    cutoffId: into.id,
    institutionId: institution?.id ?? 0,
    taskId: task?.id ?? null,
    channelId: "C0THREAD1",
    ts: `1800000000.${String(++ts).padStart(6, "0")}`,
    threadTs: "1800000000.000000",
    userId: "U0CONTACT",
    text,
    files: [],
    statusClaim: null,
    verified: true,
    source: "event",
    receivedAt: at,
  });
}

beforeAll(async () => {
  ({ db } = await importedStore());
  const programme = await currentProgramme(db);
  cutoff = await insertCutoff(db, {
    programmeId: programme?.id ?? 0,
    at: "2027-02-01T21:59:59.999Z",
    title: "Informatīvais ziņojums MK",
    taskNumbers: ["2", "5", "14"],
    createdBy: "U0SEC0001",
    createdAt: "2026-11-29T12:00:00Z",
  });
  await reply("2", "2: informācija apkopota; 14: uzraudzība pastiprināta", "2027-01-12T10:00:00Z");
  await reply("5", "5: līgumi izvērtēti, 14 uzņēmumi pārbaudīti", "2027-01-13T10:00:00Z");
});

async function cells(locale: "lv" | "en", of: Cutoff = cutoff) {
  const model = await buildAnnex(db, { cutoffId: of.id, includeUnverified: false });
  if ("problem" in model) throw new Error(model.problem);
  const out = new Map<string, string>();
  for (const row of model.rows)
    if (row.kind === "task")
      out.set(row.number, progressText(row.progress, exportText(locale), ZONE));
  return out;
}

describe("a reply naming several tasks", () => {
  it("is marked in the annex cell it sits in, naming the tasks that did not get it (lv, en)", async () => {
    const lv = await cells("lv");
    expect(lv.get("2")).toContain(
      "informācija apkopota; 14: uzraudzība pastiprināta [atbildē minēts arī uzdevums 14; tas šo atbildi nesaņēma]",
    );
    // "14 uzņēmumi" is a count, not a task: no mark.
    expect(lv.get("5")).not.toContain("[atbildē");
    expect((await cells("en")).get("2")).toContain(
      "[the reply also names task 14, which did not get it]",
    );
  });

  it("is marked in the digest's reply line", async () => {
    const model = await buildDigestModel(db, {
      now: DateTime.fromISO("2027-01-20T10:00:00Z"),
      zone: ZONE,
    });
    const two = model.replies.find((r) => r.number === "2");
    const five = model.replies.find((r) => r.number === "5");
    expect(two?.alsoNames).toEqual(["14"]);
    expect(five?.alsoNames).toBeUndefined();
    const text = JSON.stringify(
      digestDocument(model, { locale: "lv", zone: ZONE, variant: "digest" }),
    );
    expect(text).toContain("minēts arī uzdevums 14, kas šo atbildi nesaņēma");
  });
});

describe("a reply naming several tasks as a list ('14, 2: …', 'Par 14. un 5. uzdevumu: …')", () => {
  let listed: Cutoff;
  beforeAll(async () => {
    const programme = await currentProgramme(db);
    listed = await insertCutoff(db, {
      programmeId: programme?.id ?? 0,
      at: "2027-03-01T21:59:59.999Z",
      title: "Saraksti",
      taskNumbers: ["2", "5", "14"],
      createdBy: "U0SEC0001",
      createdAt: "2026-11-29T12:00:00Z",
    });
    // Stored under the first task named, as the replies path files them.
    await reply("14", "14, 2: abi turpinās", "2027-01-14T10:00:00Z", listed);
    await reply(
      "14",
      "Par 14. un 5. uzdevumu: licences pārbaudītas",
      "2027-01-14T11:00:00Z",
      listed,
    );
  });

  it("is marked in the annex cell, its text as written (lv, en)", async () => {
    const lv = (await cells("lv", listed)).get("14") ?? "";
    expect(lv).toContain(
      "14, 2: abi turpinās [atbildē minēts arī uzdevums 2; tas šo atbildi nesaņēma]",
    );
    expect(lv).toContain(
      "Par 14. un 5. uzdevumu: licences pārbaudītas [atbildē minēts arī uzdevums 5; tas šo atbildi nesaņēma]",
    );
    expect((await cells("en", listed)).get("14")).toContain(
      "[the reply also names task 2, which did not get it]",
    );
  });

  it("is marked in the digest's reply line", async () => {
    const model = await buildDigestModel(db, {
      now: DateTime.fromISO("2027-01-20T10:00:00Z"),
      zone: ZONE,
    });
    const fourteen = model.replies.filter((r) => r.number === "14");
    expect(fourteen.map((r) => r.alsoNames)).toEqual(expect.arrayContaining([["2"], ["5"]]));
  });
});
