import { parse as parseCsv } from "csv-parse/sync";
import { stringify as stringifyCsv } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { DateTime } from "luxon";
import { beforeEach, describe, expect, it } from "vitest";
import { auditFor, countAudit } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import { findProgrammeByCode } from "../../db/programmes.ts";
import { sectionTitlesOf } from "../../db/sections.ts";
import { exportAnnex } from "../../src/export/export-annex.ts";
import { importSheet, type SheetImportRequest } from "../../src/export/sheet-import.ts";
import { XLSX_CELL_MAX } from "../../src/export/xlsx.ts";
import { exportCommandText } from "../../src/i18n/export-command.ts";
import { sheetText } from "../../src/i18n/sheet.ts";
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

/** The exported workbook with some cells changed: `[row, column, value]`, 1-based. */
async function edited(changes: Array<[number, number, ExcelJS.CellValue]>): Promise<Buffer> {
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

describe("spreadsheet import: what Excel writes", () => {
  /** The dry-run changes to task 14 (row 24) after its deadline cell (column 3) is `value`. */
  async function deadlineChanges(value: ExcelJS.CellValue) {
    const result = await run(await edited([[24, 3, value]]), "xlsx", { dryRun: true });
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.changes.map((c) => [c.field, c.after]);
  }
  const june2014 = [
    ["deadline_text", "01.06.2014."],
    ["due_date", "2014-06-01"],
  ];

  it.each([
    ["a date cell as Excel stores it (wall clock, read as UTC)", new Date(Date.UTC(2014, 5, 1))],
    ["a date and time late in the evening", new Date(Date.UTC(2014, 5, 1, 23, 30))],
    [
      "a Date written at midnight in Riga (21:00 UTC the day before)",
      DateTime.fromISO("2014-06-01", { zone: "Europe/Riga" }).toJSDate(),
    ],
    ["a date serial number without a date format", 41_791],
    [
      "a date as a formula's result",
      { formula: "DATE(2014,6,1)", result: new Date(Date.UTC(2014, 5, 1)) },
    ],
  ])("reads %s in the deadline column as that day", async (_, value) => {
    expect(await deadlineChanges(value as ExcelJS.CellValue)).toEqual(june2014);
  });

  it("keeps a small number in the deadline column as typed (2013 is no day in 1905)", async () => {
    const result = await run(await edited([[24, 3, 2013]]), "xlsx", { dryRun: true });
    expect(!result.ok && "errors" in result && result.errors).toMatchObject([
      { line: 24, column: "deadline", problem: "bad_deadline", value: "2013" },
    ]);
  });

  it("a file with a few of the tasks moves none of them (14 stays after 13)", async () => {
    const order = async () =>
      (await db.selectFrom("tasks").select("number").orderBy("position").execute()).map(
        (t) => t.number,
      );
    const before = await order();
    const [header, ...rows] = parseCsv(
      (await exported("csv")).toString("utf8").replace(/^\uFEFF/, ""),
    );
    const numberAt = header?.findIndex((h) => /numurs|number/i.test(h)) ?? -1;
    const kept = rows.filter((r) => ["2", "3", "14"].includes(r[numberAt] ?? ""));
    expect(kept).toHaveLength(3);
    const result = await run(Buffer.from(stringifyCsv([header ?? [], ...kept])), "csv");
    expect(result).toMatchObject({ ok: true });
    expect(await order()).toEqual(before);
  });

  it("reads a CSV that Latvian Excel saved with semicolons, quoted fields included", async () => {
    const csv = [
      "number;section;title;deadline;institutions;status",
      "1;I Datu vākšana;Apkopot datus, analizēt;2015.gads;IEM;",
      '2;I;"Rīkot sanāksmes; ziņot";30.06.2015.;"IEM, VP";ongoing',
    ].join("\r\n");
    const result = await run(Buffer.from(csv), "csv", { programme: "2014-2020", title: "P" });
    expect(result).toMatchObject({ ok: true, summary: { tasks: { created: 2 } } });
    const rows = await db
      .selectFrom("tasks")
      .innerJoin("programmes", "programmes.id", "tasks.programme_id")
      .select(["tasks.number", "tasks.title", "tasks.due_date"])
      .where("programmes.code", "=", "2014-2020")
      .orderBy("number")
      .execute();
    expect(rows).toEqual([
      { number: "1", title: "Apkopot datus, analizēt", due_date: "2015-12-31" },
      { number: "2", title: "Rīkot sanāksmes; ziņot", due_date: "2015-06-30" },
    ]);
  });

  it("refuses a CSV in Windows-1257 with a hint to save it as UTF-8, writing nothing", async () => {
    // "Uzdevums ar garumzīmēm" in Windows-1257: ī = 0xEE, ē = 0xE7 (not UTF-8 sequences).
    const header = Buffer.from("number,section,title,deadline,institutions,status\r\n");
    const row = Buffer.concat([
      Buffer.from("1,I,Uzdevums ar garumz"),
      Buffer.from([0xee]),
      Buffer.from("m"),
      Buffer.from([0xe7]),
      Buffer.from("m,2015.gads,IEM,\r\n"),
    ]);
    const before = await snapshot();
    const result = await run(Buffer.concat([header, row]), "csv");
    expect(result).toMatchObject({ ok: false, problem: "not_utf8" });
    expect(await snapshot()).toEqual(before);
    expect(sheetText("lv").unreadable.not_utf8).toMatch(/Windows-1257.*CSV UTF-8/su);
    expect(sheetText("en").unreadable.not_utf8).toMatch(/Windows-1257.*CSV UTF-8/su);
  });
});

describe("XLSX export of a cell longer than Excel's limit", () => {
  it("marks the cut visibly, keeps the whole text on the “Pilns teksts” sheet, and says so", async () => {
    const long = `${"Izpildes gaita. ".repeat(4_500)}BEIGAS 😀`; // 72 009 UTF-16 units
    await db.updateTable("tasks").set({ progress: long }).where("number", "=", "14").execute();
    const annex = await exportAnnex(db, { format: "xlsx", locale: "lv", zone: "Europe/Riga" });
    if ("problem" in annex) throw new Error(annex.problem);
    expect(annex.continued).toBe(1);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(annex.bytes as unknown as ArrayBuffer);
    const cell = book.worksheets[0]?.getRow(24).getCell(4).text ?? "";
    expect(cell.length).toBeLessThanOrEqual(XLSX_CELL_MAX);
    expect(cell.startsWith("Izpildes gaita. ")).toBe(true);
    expect(cell.endsWith("… [TEKSTS SAĪSINĀTS: pilns teksts lapā „Pilns teksts”, 2. rindā]")).toBe(
      true,
    );
    const full = book.getWorksheet("Pilns teksts");
    const rows = [2, 3, 4].map((r) =>
      [1, 2, 3, 4].map((c) => full?.getRow(r).getCell(c).text ?? ""),
    );
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ["14", "Uzdevumu izpildes gaita", "1/3"],
      ["14", "Uzdevumu izpildes gaita", "2/3"],
      ["14", "Uzdevumu izpildes gaita", "3/3"],
    ]);
    expect(rows.every((r) => (r[3] ?? "").length <= XLSX_CELL_MAX)).toBe(true);
    expect(rows.map((r) => r[3]).join("")).toBe(long);
    expect(exportCommandText("en").continued(1)).toMatch(/1 cell's text .*“Full text”/u);
    // The import reads the first sheet only and never the progress: the store stays as it is.
    const before = await snapshot();
    expect(await run(annex.bytes, "xlsx")).toMatchObject({ ok: true, summary: { audited: 0 } });
    expect(await snapshot()).toEqual(before);
  });

  it("sends nothing extra when every cell fits", async () => {
    const annex = await exportAnnex(db, { format: "xlsx", locale: "en", zone: "Europe/Riga" });
    if ("problem" in annex) throw new Error(annex.problem);
    expect(annex.continued).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(annex.bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Progress"]);
  });
});
