import { afterEach, describe, expect, it } from "vitest";
import { auditFor, countAudit } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { findTaskDetail, listTasks } from "../../db/tasks.ts";
import { applyImport } from "../../src/import/apply-import.ts";
import { parseReport } from "../../src/import/parse-report.ts";
import { importedStore, migratedStore, report, reportText } from "../helpers/store.ts";

const ctx = { actor: "test", at: "2026-11-29T12:00:00.000Z", source: "report.txt" };
let db: Db | undefined;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});

describe("applyImport into a real SQLite file", () => {
  it("loads every task with its institutions in printed order", async () => {
    ({ db } = await importedStore());
    const programme = await currentProgramme(db);
    expect(programme?.code).toBe("2009-2013");
    const tasks = await listTasks(db, programme?.id ?? 0);
    expect(tasks.map((t) => t.number)).toEqual(report().tasks.map((t) => t.number));
    const t5 = await findTaskDetail(db, programme?.id ?? 0, "5");
    expect(t5?.institutions.map((i) => [i.code, i.role])).toEqual([
      ["LM", "responsible"],
      ["IZM", "co_responsible"],
      ["IEM", "co_responsible"],
    ]);
    const t14 = await findTaskDetail(db, programme?.id ?? 0, "14");
    expect(t14?.title).toBe(
      "Uzlabot komersantu, kas sniedz darbiekārtošanas pakalpojumus, kontroli un uzraudzību",
    );
    expect(t14?.status).toBe("done");
    expect(t14?.deadline.due).toBe("2010-12-31");
    const t10 = await findTaskDetail(db, programme?.id ?? 0, "10");
    expect(t10?.children.map((c) => c.number)).toEqual(["10.1", "10.2"]);
  });

  it("resolves the annex's spellings to the abbreviation list's institutions", async () => {
    ({ db } = await importedStore());
    expect((await findInstitution(db, "IeM"))?.code).toBe("IEM");
    expect((await findInstitution(db, "iem"))?.code).toBe("IEM");
    expect((await findInstitution(db, "IzM"))?.code).toBe("IZM");
    expect((await findInstitution(db, "AM"))?.name).toMatch(/Aizsardzības ministrija/);
    expect((await findInstitution(db, "ĀM"))?.name).toMatch(/Ārlietu ministrija/);
  });

  it("changes nothing and audits nothing when the same report is imported again", async () => {
    ({ db } = await importedStore());
    const before = await countAudit(db);
    const summary = await applyImport(db, parseReport(reportText), {
      ...ctx,
      at: "2026-11-30T12:00:00.000Z",
    });
    expect(summary.tasks).toEqual({ created: 0, updated: 0, unchanged: report().tasks.length });
    expect(summary.institutions).toEqual({ created: 0, updated: 0 });
    expect(await countAudit(db)).toBe(before);
  });

  it("updates a changed row and audits before → after", async () => {
    ({ db } = await importedStore());
    const changed = parseReport(reportText);
    const t14 = changed.tasks.find((t) => t.number === "14");
    if (!t14) throw new Error("task 14 missing");
    t14.status = "partial";
    t14.indicator = "Uzdevums izpildīts daļēji";
    const summary = await applyImport(db, changed, { ...ctx, actor: "import:changed.txt" });
    expect(summary.tasks.updated).toBe(1);
    const audit = await auditFor(db, "task", "2009-2013:14");
    const status = audit.find((a) => a.field === "status");
    expect(status).toMatchObject({
      actor: "import:changed.txt",
      action: "update",
      before: '"done"',
      after: '"partial"',
    });
  });

  it("writes nothing when a task names an institution the report does not define", async () => {
    ({ db } = await migratedStore());
    const broken = parseReport(reportText);
    broken.tasks[0]?.institutions.push({ code: "NOPE", role: "co_responsible" });
    await expect(applyImport(db, broken, ctx)).rejects.toThrow(/NOPE/);
    expect(await currentProgramme(db)).toBeUndefined();
    expect(await countAudit(db)).toBe(0);
  });
});
