/**
 * The annex's progress cells mark a reply received after the cut-off's instant as `/task` and
 * the digest do (src/domain/late-reply.ts): a supplement "(papildināts pēc ziņošanas termiņa)" /
 * "(supplemented after the reporting cut-off)" when its institution had answered the task in
 * time for the cut-off (a verified reply at or before it), else "(pēc ziņošanas termiņa)" /
 * "(after the reporting cut-off)" — also when another institution answered the task in time, or
 * the institution's own reply in time was unverified (it answers nothing, even included with
 * `--include-unverified`), or withdrawn; a removed cut-off's annex marks them alike. The rule is
 * `lateMarksOf`'s, shared with the digest, `npm run cli -- replies` and `/task N history`. Real
 * store (SQLite or PostgreSQL); the CSV table (lv, en), the DOCX.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { type Cutoff, insertCutoff, removeCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { insertReply, withdrawReply } from "../../db/replies.ts";
import { loadTasksForImport } from "../../db/tasks.ts";
import { buildAnnex } from "../../src/export/annex-model.ts";
import { exportAnnex } from "../../src/export/export-annex.ts";
import { annexTable } from "../../src/export/table.ts";
import { exportText } from "../../src/i18n/export.ts";
import { importedStore } from "../helpers/store.ts";
import { docxRows, zipPart } from "./docx-text.ts";

const ZONE = "Europe/Riga";
/** 01.02.2027. 23:59:59.999 in Riga. */
const CUTOFF_AT = "2027-02-01T21:59:59.999Z";
let db: Db;
let cutoff: Cutoff;
let ts = 0;

/** Stores a reply of institution `code` to task `number` for the cut-off, received at `at`. */
async function reply(code: string, number: string, text: string, at: string, verified = true) {
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
    statusClaim: null,
    verified,
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
    at: CUTOFF_AT,
    title: "Informatīvais ziņojums MK",
    taskNumbers: ["1", "5"],
    createdBy: "U0SEC0001",
    createdAt: "2026-11-29T12:00:00Z",
  });
  // Task 1: IEM in time at the very instant, then a supplement; LM first after the cut-off
  // (its reply in time was withdrawn: it answers nothing).
  await reply("IEM", "1", "Laikā.", CUTOFF_AT);
  const withdrawn = await reply("LM", "1", "Atsaukta laikā.", "2027-01-15T08:00:00Z");
  await withdrawReply(db, withdrawn.id, "2027-01-16T08:00:00Z");
  await reply("IEM", "1", "Papildinājums.", "2027-02-02T08:00:00Z");
  await reply("LM", "1", "Pirmā atbilde vēlu.", "2027-02-03T08:00:00Z");
  // Task 5: LM's reply in time is unverified, its verified one comes after the cut-off.
  await reply("LM", "5", "Nepārbaudīta laikā.", "2027-01-20T08:00:00Z", false);
  await reply("LM", "5", "Pārbaudīta vēlu.", "2027-02-04T08:00:00Z");
});

/** The progress cell (CSV table column 3) of task `number` in `locale`. */
async function progress(number: string, locale: "lv" | "en", includeUnverified = false) {
  const model = await buildAnnex(db, { cutoffId: cutoff.id, includeUnverified });
  if ("problem" in model) throw new Error(model.problem);
  const table = annexTable(model, exportText(locale), ZONE);
  return table.rows.find((r) => r[6] === number)?.[3] ?? "";
}

/** The paragraph of `cell` starting with `label`, or "". */
const paragraph = (cell: string, label: string) =>
  cell.split("\n\n").find((p) => p.startsWith(label)) ?? "";

describe("a reply after the cut-off in the annex", () => {
  it("is a supplement to a task its institution answered in time, else late (lv)", async () => {
    const one = await progress("1", "lv");
    expect(paragraph(one, "IEM, 01.02.2027.:")).toBe("IEM, 01.02.2027.: Laikā.");
    expect(paragraph(one, "IEM, 02.02.2027.:")).toBe(
      "IEM, 02.02.2027.: Papildinājums. (papildināts pēc ziņošanas termiņa)",
    );
    expect(paragraph(one, "LM, 03.02.2027.:")).toBe(
      "LM, 03.02.2027.: Pirmā atbilde vēlu. (pēc ziņošanas termiņa)",
    );
    // An unverified reply in time answers nothing: the verified one after the cut-off is late.
    expect(paragraph(await progress("5", "lv", true), "LM, 04.02.2027.:")).toBe(
      "LM, 04.02.2027.: Pārbaudīta vēlu. (pēc ziņošanas termiņa)",
    );
    expect(paragraph(await progress("5", "lv"), "LM, 04.02.2027.:")).toBe(
      "LM, 04.02.2027.: Pārbaudīta vēlu. (pēc ziņošanas termiņa)",
    );
  });

  it("says the same in English", async () => {
    const one = await progress("1", "en");
    expect(paragraph(one, "IEM, 2 Feb 2027:")).toBe(
      "IEM, 2 Feb 2027: Papildinājums. (supplemented after the reporting cut-off)",
    );
    expect(paragraph(one, "LM, 3 Feb 2027:")).toBe(
      "LM, 3 Feb 2027: Pirmā atbilde vēlu. (after the reporting cut-off)",
    );
    expect(paragraph(await progress("5", "en", true), "LM, 4 Feb 2027:")).not.toContain(
      "supplemented",
    );
  });

  it("marks them so in the DOCX", async () => {
    const annex = await exportAnnex(db, {
      format: "docx",
      cutoffId: cutoff.id,
      locale: "lv",
      zone: ZONE,
    });
    if ("problem" in annex) throw new Error(annex.problem);
    const row = docxRows(zipPart(annex.bytes, "word/document.xml")).find(
      (r) => r.cells[0] === "1.",
    );
    expect(row?.cells[3]).toContain("Papildinājums. (papildināts pēc ziņošanas termiņa)");
    expect(row?.cells[3]).toContain("Pirmā atbilde vēlu. (pēc ziņošanas termiņa)");
  });

  it("marks them alike in a removed cut-off's annex (its replies kept)", async () => {
    const before = await progress("1", "lv");
    expect(before).not.toContain("Atsaukta laikā.");
    expect(await removeCutoff(db, cutoff.id, "2027-02-10T08:00:00Z")).toBe(true);
    const after = await progress("1", "lv");
    expect(after).toBe(before);
    expect(paragraph(after, "IEM, 02.02.2027.:")).toContain("(papildināts pēc ziņošanas termiņa)");
    expect(paragraph(after, "LM, 03.02.2027.:")).toBe(
      "LM, 03.02.2027.: Pirmā atbilde vēlu. (pēc ziņošanas termiņa)",
    );
  });
});
