import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import { auditFor, countAudit } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import { findProgrammeByCode } from "../../db/programmes.ts";
import { sectionTitlesOf } from "../../db/sections.ts";
import { exportAnnex } from "../../src/export/export-annex.ts";
import { importSheet, type SheetImportRequest } from "../../src/export/sheet-import.ts";
import { importedStore } from "../helpers/store.ts";

let db: Db;
beforeEach(async () => {
  ({ db } = await importedStore());
});

/** Everything the task store holds, for before/after comparisons. */
async function snapshot() {
  return {
    programmes: await db.selectFrom("programmes").selectAll().orderBy("id").execute(),
    institutions: await db.selectFrom("institutions").selectAll().orderBy("id").execute(),
    tasks: await db.selectFrom("tasks").selectAll().orderBy("id").execute(),
    links: await db
      .selectFrom("task_institutions")
      .selectAll()
      .orderBy("task_id")
      .orderBy("position")
      .execute(),
    sections: await db.selectFrom("programme_sections").selectAll().orderBy("section").execute(),
    audit: await countAudit(db),
  };
}

async function exported(format: "xlsx" | "csv", locale: "lv" | "en" = "lv"): Promise<Buffer> {
  const annex = await exportAnnex(db, { format, locale, zone: "Europe/Riga" });
  if ("problem" in annex) throw new Error(annex.problem);
  return annex.bytes;
}

function run(bytes: Buffer, format: "xlsx" | "csv", more: Partial<SheetImportRequest> = {}) {
  return importSheet(db, {
    bytes,
    format,
    dryRun: false,
    actor: "U0SEC0001",
    at: "2026-12-01T10:00:00.000Z",
    source: "tasks.xlsx",
    ...more,
  });
}

/** The exported workbook with some cells changed: `[row, column, text]`, 1-based. */
async function edited(changes: Array<[number, number, string]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await exported("xlsx")) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  for (const [row, column, text] of changes)
    if (sheet) sheet.getRow(row).getCell(column).value = text;
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe("spreadsheet round trip: export → import leaves the store unchanged", () => {
  it.each([
    ["xlsx", "lv"],
    ["xlsx", "en"],
    ["csv", "lv"],
    ["csv", "en"],
  ] as const)("%s (%s headings)", async (format, locale) => {
    const before = await snapshot();
    const result = await run(await exported(format, locale), format);
    expect(result).toMatchObject({
      ok: true,
      summary: { tasks: { created: 0, updated: 0, unchanged: 35 }, audited: 0 },
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe("spreadsheet import: changes", () => {
  it("a dry run lists the changes exactly and writes nothing", async () => {
    // Row 24 is task 14 (35 rows in report order, heading in row 1); column 9 status, 3 deadline.
    const bytes = await edited([
      [24, 9, "partial"],
      [24, 3, "30.06.2027."],
    ]);
    const before = await snapshot();
    const result = await run(bytes, "xlsx", { dryRun: true });
    expect(result.ok && result.changes.map((c) => [c.entityKey, c.field, c.after])).toEqual([
      ["2009-2013:14", "deadline_text", "30.06.2027."],
      ["2009-2013:14", "due_date", "2027-06-30"],
      ["2009-2013:14", "status", "partial"],
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("a real run updates the task and audits each column as the report importer does", async () => {
    const result = await run(await edited([[24, 9, "izpildīts daļēji"]]), "xlsx");
    expect(result).toMatchObject({ ok: true, summary: { tasks: { updated: 1, unchanged: 34 } } });
    const row = await db
      .selectFrom("tasks")
      .select(["status", "progress"])
      .where("number", "=", "14")
      .executeTakeFirst();
    expect(row?.status).toBe("partial");
    expect(row?.progress).toMatch(/^Pamatojoties uz 2011.gada 23.februāra/u);
    expect(await auditFor(db, "task", "2009-2013:14")).toMatchObject([
      { actor: "U0SEC0001", field: "status", before: '"done"', after: '"partial"' },
      { action: "create" },
    ]);
  });

  it("imports a new programme side by side, section titles included", async () => {
    const csv = [
      "number,section,title,deadline,institutions,status",
      "1,I Datu vākšana,Apkopot datus,2015.gads,IEM,",
      "2,II Sadarbība,Koordinēt darbu,,,",
      '2.1,II,Rīkot sanāksmes,regulāri,"IEM, VP",ongoing',
    ].join("\r\n");
    const result = await run(Buffer.from(csv), "csv", {
      programme: "2014-2020",
      title: "Pamatnostādnes 2014.–2020. gadam",
    });
    expect(result).toMatchObject({
      ok: true,
      summary: { programme: "2014-2020", tasks: { created: 3 } },
    });
    const programme = await findProgrammeByCode(db, "2014-2020");
    expect(await sectionTitlesOf(db, programme?.id ?? 0)).toEqual({
      I: "Datu vākšana",
      II: "Sadarbība",
    });
    expect(await findProgrammeByCode(db, "2009-2013")).toBeDefined();
  });
});

describe("spreadsheet import: validation", () => {
  it("names every bad cell by row and column, and writes nothing", async () => {
    const csv = [
      "Number,Section,Title,Deadline,Institutions,Status",
      "1,I,Apkopot datus,2015.gads,IEM,done",
      "1,VI,,someday,XYZ,maybe",
      "3.1,I,Bez vecāka,2015.gads,,",
    ].join("\n");
    const before = await snapshot();
    const result = await run(Buffer.from(csv), "csv");
    expect(result.ok).toBe(false);
    expect(
      !result.ok &&
        "errors" in result &&
        result.errors.map((e) => [e.line, e.column, e.letter, e.problem, e.value]),
    ).toEqual([
      [3, "number", "A", "duplicate_number", "1"],
      [3, "section", "B", "bad_section", "VI"],
      [3, "title", "C", "no_title", ""],
      [3, "deadline", "D", "bad_deadline", "someday"],
      [3, "institutions", "E", "unknown_institution", "XYZ"],
      [3, "status", "F", "bad_status", "maybe"],
      [4, "number", "A", "no_parent", "3.1"],
      [4, "institutions", "E", "no_institution", ""],
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("names the columns a sheet lacks", async () => {
    const result = await run(Buffer.from("number,title\n1,x\n"), "csv");
    expect(!result.ok && "errors" in result && result.errors.map((e) => e.column)).toEqual([
      "section",
      "deadline",
      "institutions",
      "status",
    ]);
  });

  it("asks for a title for a programme that does not exist yet", async () => {
    const csv = "number,section,title,deadline,institutions,status\n1,I,X,2015.gads,IEM,\n";
    expect(await run(Buffer.from(csv), "csv", { programme: "2021-2027" })).toEqual({
      ok: false,
      problem: "title_needed",
      programme: "2021-2027",
    });
  });
});
