import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { exportAnnex } from "../../src/export/export-annex.ts";
import { XLSX_CELL_MAX } from "../../src/export/xlsx.ts";
import { importedStore, report } from "../helpers/store.ts";
import { zipPart } from "./docx-text.ts";

let db: Db;
beforeAll(async () => {
  ({ db } = await importedStore());
});

async function exported(format: "xlsx" | "csv", locale: "lv" | "en" = "lv") {
  const annex = await exportAnnex(db, { format, locale, zone: "Europe/Riga" });
  if ("problem" in annex) throw new Error(annex.problem);
  return annex;
}

/** What each task's row must hold when nothing was replied: the imported annex. */
function expectedRow(i: number): string[] {
  const task = report().tasks[i];
  if (!task) throw new Error(`no task ${i}`);
  const sections = report().layout?.sections ?? {};
  return [
    report().layout?.printed[task.number] ?? "",
    task.title,
    task.deadline.text,
    (task.progress ?? "").slice(0, XLSX_CELL_MAX),
    task.institutions.map((inst) => inst.code).join(", "),
    task.indicator ?? "",
    task.number,
    `${task.section} ${sections[task.section]}`,
    task.status ?? "",
  ];
}

describe("the annex as XLSX, with no replies", () => {
  it("has one row per task reproducing the imported annex, a frozen bold header, wrapped text", async () => {
    const annex = await exported("xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(annex.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet?.getRow(1).getCell(1).text).toBe("Nr. p.k.");
    expect(sheet?.getRow(1).font?.bold).toBe(true);
    expect(sheet?.rowCount).toBe(report().tasks.length + 1);
    report().tasks.forEach((_, i) => {
      const row = sheet?.getRow(i + 2);
      const cells = Array.from({ length: 9 }, (_, c) => row?.getCell(c + 1).text ?? "");
      expect(cells).toEqual(expectedRow(i));
      expect(row?.getCell(4).alignment).toMatchObject({ wrapText: true, vertical: "top" });
    });
  });

  it("stores numbers as text, so 10.10 would not become 10.1", async () => {
    const annex = await exported("xlsx");
    expect(zipPart(annex.bytes, "xl/worksheets/sheet1.xml")).not.toMatch(
      /<c r="G\d+"(?: s="\d+")?><v>/u,
    );
  });
});

describe("the annex as CSV (RFC 4180)", () => {
  it("reads back record by record: CRLF, quoted fields, a BOM for Excel", async () => {
    const annex = await exported("csv", "en");
    const text = annex.bytes.toString("utf8");
    expect(text.startsWith("\uFEFFNo.,")).toBe(true);
    expect(text).toContain("\r\n");
    const records = parse(annex.bytes, { bom: true }) as string[][];
    expect(records[0]?.[0]).toBe("No.");
    expect(records).toHaveLength(report().tasks.length + 1);
    report().tasks.forEach((task, i) => {
      expect(records[i + 1]).toEqual([
        ...expectedRow(i).slice(0, 3),
        task.progress ?? "",
        ...expectedRow(i).slice(4),
      ]);
    });
  });
});
