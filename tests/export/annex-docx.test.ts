import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { exportAnnex } from "../../src/export/export-annex.ts";
import { importedStore, report } from "../helpers/store.ts";
import { type DocxRow, docxRows, zipPart } from "./docx-text.ts";

let db: Db;
let xml: string;
let rows: DocxRow[];

beforeAll(async () => {
  ({ db } = await importedStore());
  const annex = await exportAnnex(db, { format: "docx", locale: "lv", zone: "Europe/Riga" });
  if ("problem" in annex) throw new Error(annex.problem);
  xml = zipPart(annex.bytes, "word/document.xml");
  rows = docxRows(xml);
});

describe("the annex as DOCX, with no replies: the imported annex reproduced", () => {
  it("is a landscape A4 page with a header row repeated on every page", () => {
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/u);
    expect(rows[0]?.xml).toContain("<w:tblHeader/>");
    expect(rows[0]?.cells).toEqual([
      "Nr. p.k.",
      "Uzdevumi programmas rezultātu sasniegšanai",
      "Uzdevumu izpildes laiks",
      "Uzdevumu izpildes gaita",
      "Par uzdevumu izpildi atbildīgā institūcija un līdzatbildīgās institūcijas",
      "Rezultatīvie rādītāji",
    ]);
    expect(rows.filter((r) => r.xml.includes("<w:tblHeader/>"))).toHaveLength(1);
  });

  it("groups the rows under sections I–V with the report's section titles", () => {
    const sections = rows.filter((r) => r.cells.length === 1).map((r) => r.cells[0]);
    expect(sections).toEqual([
      "I Datu apkopošana, pētnieciskais darbs",
      "II Normatīvo aktu pilnveidošana",
      "III Preventīvo pasākumu īstenošana",
      "IV Sadarbības starp valsts iestādēm un nevalstiskajām organizācijām pilnveidošana",
      "V Tiesībaizsardzības iestāžu darbības uzlabošana",
    ]);
  });

  it("holds every task in the report's order: number as printed, title, deadline, institutions, indicator", () => {
    const taskRows = rows.slice(1).filter((r) => r.cells.length === 6);
    const tasks = report().tasks;
    expect(taskRows).toHaveLength(tasks.length);
    tasks.forEach((task, i) => {
      const cells = taskRows[i]?.cells ?? [];
      expect(cells[0]).toBe(report().layout?.printed[task.number]);
      expect(cells[1]).toBe(task.title);
      expect(cells[2]).toBe(task.deadline.text);
      expect(cells[4]).toBe(task.institutions.map((inst) => inst.code).join(", "));
      expect(cells[5]).toBe(task.indicator ?? "");
      expect(cells[3]).toBe((task.progress ?? "").replaceAll("\n\n", "\n"));
    });
  });

  it("keeps the report's double numbering from task 14 on", () => {
    const numbers = rows.map((r) => r.cells[0]);
    expect(numbers).toContain("13.4.");
    expect(numbers).toContain("15. 14.");
    expect(numbers).toContain("27. 26.");
    expect(numbers).toContain("10.1.2.");
  });
});
