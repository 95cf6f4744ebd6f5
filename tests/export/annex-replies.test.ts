import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { type Cutoff, insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { insertReply, withdrawReply } from "../../db/replies.ts";
import { loadTasksForImport } from "../../db/tasks.ts";
import { buildAnnex } from "../../src/export/annex-model.ts";
import { progressText } from "../../src/export/cells.ts";
import { exportAnnex } from "../../src/export/export-annex.ts";
import { annexTable } from "../../src/export/table.ts";
import { exportText } from "../../src/i18n/export.ts";
import { statusOf } from "../../src/import/status.ts";
import { importedStore, report } from "../helpers/store.ts";
import { docxRows, zipPart } from "./docx-text.ts";

const ZONE = "Europe/Riga";
let db: Db;
let cutoff: Cutoff;
let ts = 0;

/** Stores a reply of institution `code` to task `number` for the cut-off (as the thread listener would). */
async function reply(
  code: string,
  number: string,
  text: string,
  at: string,
  more: { verified?: boolean; claim?: string } = {},
) {
  const institution = await findInstitution(db, code);
  const programme = await currentProgramme(db);
  const task = (await loadTasksForImport(db, programme?.id ?? 0)).get(number);
  const { reply: stored } = await insertReply(db, {
    cutoffId: cutoff.id,
    institutionId: institution?.id ?? 0,
    taskId: task?.id ?? null,
    channelId: "C0THREAD1",
    ts: `1800000000.${String(++ts).padStart(6, "0")}`,
    threadTs: "1800000000.000000",
    userId: "U0CONTACT",
    text,
    files: [],
    statusClaim: more.claim ?? null,
    verified: more.verified ?? true,
    source: "event",
    receivedAt: at,
  });
  return stored;
}

beforeAll(async () => {
  ({ db } = await importedStore());
  const programme = await currentProgramme(db);
  cutoff = await insertCutoff(db, {
    programmeId: programme?.id ?? 0,
    at: "2027-02-01T21:59:59.999Z",
    title: "Informatīvais ziņojums MK",
    taskNumbers: ["1", "5", "14"],
    createdBy: "U0SEC0001",
    createdAt: "2026-11-29T12:00:00Z",
  });
  await reply("LM", "5", "LM sagatavoja grozījumus.", "2027-01-12T10:00:00Z", { claim: "partial" });
  await reply("IZM", "5", "IZM: grozījumi saskaņoti.", "2027-01-13T10:00:00Z", { verified: false });
  await reply("IEM", "1", "Pētījums pabeigts.", "2027-01-14T10:00:00Z", { claim: "done" });
  await reply("IEM", "1", "Papildinājums: ziņojums publicēts.", "2027-01-20T23:30:00Z");
  // Around the cut-off's instant (01.02.2027. 23:59:59.999 in Riga): in time, then 31 min late.
  await reply("IEM", "1", "Ziņojums nosūtīts.", "2027-02-01T21:59:59.999Z");
  await reply("IEM", "1", "Ziņojums iesniegts MK.", "2027-02-01T22:30:00Z");
  const gone = await reply("LM", "14", "Kļūdaina atbilde", "2027-01-15T10:00:00Z", {
    claim: "done",
  });
  await withdrawReply(db, gone.id, "2027-01-15T11:00:00Z");
});

async function rows(includeUnverified = false) {
  const model = await buildAnnex(db, { cutoffId: cutoff.id, includeUnverified });
  if ("problem" in model) throw new Error(model.problem);
  const table = annexTable(model, exportText("lv"), ZONE);
  return new Map(table.rows.map((r) => [r[6] ?? "", r]));
}

describe("the annex for a cut-off: progress from the replies", () => {
  it("holds each institution's verified replies, dated in Riga, and marks those that did not reply", async () => {
    const byNumber = await rows();
    expect(byNumber.get("5")?.[3]).toBe(
      [
        "LM, 12.01.2027.: LM sagatavoja grozījumus. (statuss: izpildīts daļēji)",
        "IZM: ATBILDE NAV SAŅEMTA (ir 1 nepārbaudīta atbilde, kas nav iekļauta)",
        "IEM: ATBILDE NAV SAŅEMTA",
      ].join("\n\n"),
    );
    expect(byNumber.get("1")?.[3]).toBe(
      [
        "IEM, 14.01.2027.: Pētījums pabeigts. (statuss: izpildīts)",
        "IEM, 21.01.2027.: Papildinājums: ziņojums publicēts.",
        "IEM, 01.02.2027.: Ziņojums nosūtīts.",
        // IEM answered 1 in time (14.01.): its reply after the cut-off is a supplement.
        "IEM, 02.02.2027.: Ziņojums iesniegts MK. (papildināts pēc ziņošanas termiņa)",
      ].join("\n\n"),
    );
  });

  it("marks a reply received after the cut-off's instant to a task answered in time a supplement, as /task and the digest do, in English too", async () => {
    const model = await buildAnnex(db, { cutoffId: cutoff.id });
    if ("problem" in model) throw new Error(model.problem);
    const one = model.rows.find((r) => r.kind === "task" && r.number === "1");
    if (one?.kind !== "task") throw new Error("no task 1");
    const text = progressText(one.progress, exportText("en"), ZONE);
    expect(text).toContain(
      "IEM, 2 Feb 2027: Ziņojums iesniegts MK. (supplemented after the reporting cut-off)",
    );
    expect(text.split("after the reporting cut-off").length - 1).toBe(1);
  });

  it("takes status and indicator from the latest claim, and the importer reads that status back", async () => {
    const byNumber = await rows();
    const five = byNumber.get("5") ?? [];
    expect(five[8]).toBe("partial");
    expect(five[5]).toBe("Uzdevums izpildīts daļēji (pēc LM ziņām, 12.01.2027.)");
    expect(statusOf(five[5] ?? "")).toBe("partial");
    const one = byNumber.get("1") ?? [];
    expect(one[8]).toBe("done");
    expect(statusOf(one[5] ?? "")).toBe("done");
  });

  it("leaves out withdrawn replies: task 14 keeps its stored status and marks LM missing", async () => {
    const fourteen = (await rows()).get("14") ?? [];
    expect(fourteen[3]).toBe("LM: ATBILDE NAV SAŅEMTA");
    expect(fourteen[5]).toBe(report().tasks.find((t) => t.number === "14")?.indicator);
  });

  it("includes unverified replies, flagged, when asked", async () => {
    const five = (await rows(true)).get("5") ?? [];
    expect(five[3]).toContain("IZM, 13.01.2027.: IZM: grozījumi saskaņoti. (nepārbaudīta)");
    expect(five[3]).not.toContain("IZM: ATBILDE NAV SAŅEMTA");
  });

  it("keeps the stored progress of tasks outside the cut-off's scope", async () => {
    const model = await buildAnnex(db, { cutoffId: cutoff.id });
    if ("problem" in model) throw new Error(model.problem);
    const two = model.rows.find((r) => r.kind === "task" && r.number === "2");
    if (two?.kind !== "task") throw new Error("no task 2");
    expect(progressText(two.progress, exportText("lv"), ZONE)).toBe(
      report().tasks.find((t) => t.number === "2")?.progress,
    );
  });

  it("marks missing replies in red in the DOCX and names the cut-off above the table", async () => {
    const annex = await exportAnnex(db, {
      format: "docx",
      cutoffId: cutoff.id,
      locale: "lv",
      zone: ZONE,
    });
    if ("problem" in annex) throw new Error(annex.problem);
    expect(annex.fileName).toBe(`pielikums-2009-2013-termins-${cutoff.id}.docx`);
    const xml = zipPart(annex.bytes, "word/document.xml");
    expect(xml).toContain(
      `Ziņošanas termiņš #${cutoff.id}: Informatīvais ziņojums MK (01.02.2027.)`,
    );
    const row = docxRows(xml).find((r) => r.cells[0] === "5.");
    expect(row?.cells[3]).toContain("IEM: ATBILDE NAV SAŅEMTA");
    expect(row?.xml).toMatch(/<w:color w:val="C00000"\/>[\s\S]*ATBILDE NAV SAŅEMTA/u);
  });

  it("refuses a cut-off that does not exist", async () => {
    expect(await buildAnnex(db, { cutoffId: 999 })).toEqual({ problem: "no_cutoff", id: 999 });
  });
});
