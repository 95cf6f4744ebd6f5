import { describe, expect, it } from "vitest";
import { auditFor } from "../../db/audit.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { sectionTitlesOf } from "../../db/sections.ts";
import { applyImport } from "../../src/import/apply-import.ts";
import { despace, vocabulary } from "../../src/import/section-titles.ts";
import { importedStore, report } from "../helpers/store.ts";

describe("the annex's layout: printed numbering and section titles", () => {
  it("keeps each row's number cell as printed, double numbers from task 14 on", () => {
    const printed = report().layout?.printed ?? {};
    expect(printed["1"]).toBe("1.");
    expect(printed["10.1.2"]).toBe("10.1.2.");
    expect(printed["13.4"]).toBe("13.4.");
    expect(printed["14"]).toBe("15. 14.");
    expect(printed["26"]).toBe("27. 26.");
    expect(Object.keys(printed)).toHaveLength(35);
  });

  it("reads the section titles, re-joining the words the PDF spaced apart", () => {
    expect(report().layout?.sections).toEqual({
      I: "Datu apkopošana, pētnieciskais darbs",
      II: "Normatīvo aktu pilnveidošana",
      III: "Preventīvo pasākumu īstenošana",
      IV: "Sadarbības starp valsts iestādēm un nevalstiskajām organizācijām pilnveidošana",
      V: "Tiesībaizsardzības iestāžu darbības uzlabošana",
    });
  });

  it("re-joins only runs that make a known word", () => {
    const words = vocabulary("valsts tiesībaizsardzības iestādes un aktu");
    expect(despace("va lst s un aktu", words)).toBe("valsts un aktu");
    expect(despace("Ties ība izsardzības iestādes", words)).toBe("Tiesībaizsardzības iestādes");
    expect(despace("zi ņas un aktu", words)).toBe("zi ņas un aktu");
  });

  it("stores the layout: printed numbers on tasks, titles per section; re-import changes nothing", async () => {
    const { db } = await importedStore();
    const programme = await currentProgramme(db);
    const row = await db
      .selectFrom("tasks")
      .select("printed_number")
      .where("number", "=", "14")
      .executeTakeFirst();
    expect(row?.printed_number).toBe("15. 14.");
    expect(await sectionTitlesOf(db, programme?.id ?? 0)).toEqual(report().layout?.sections);
    const again = await applyImport(db, report(), {
      actor: "test",
      at: "2026-12-01T00:00:00Z",
      source: "r.txt",
    });
    expect(again.audited).toBe(0);
  });

  it("a report without layout keeps what the store has", async () => {
    const { db } = await importedStore();
    const { layout: _, ...bare } = report();
    const again = await applyImport(db, bare, {
      actor: "test",
      at: "2026-12-01T00:00:00Z",
      source: "r.txt",
    });
    expect(again.tasks.unchanged).toBe(35);
    expect(await auditFor(db, "programme", "2009-2013")).toHaveLength(6);
  });
});
