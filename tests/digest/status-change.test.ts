/**
 * The digest's status-change line reads a task left with no status of its own (null in the
 * model, as the audit log records `/task N set status none`) as "⚪ bez sava statusa" / "⚪ no
 * status of its own", not as the annex's "Bez statusa" (no result indicator) — from the null
 * itself, not from the label's text. A digest stored with another text on a side (none we know)
 * reads it as null. Real store (SQLite, or PostgreSQL with TEST_DATABASE=postgres), `/task`'s
 * own handler, the digest's builder and document.
 */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { buildDigestModel } from "../../src/digest/build.ts";
import { digestDocument } from "../../src/digest/document.ts";
import type { DigestModel } from "../../src/digest/model.ts";
import { runTask, SECRETARY, storeDeps } from "../commands/admin-support.ts";
import { importedStore } from "../helpers/store.ts";

const ZONE = "Europe/Riga";

function statusLines(model: DigestModel, locale: "lv" | "en"): string[] {
  const doc = digestDocument(model, { locale, zone: ZONE, variant: "digest" });
  return doc.sections
    .flatMap((s) => s.paragraphs)
    .flatMap((p) => p.split("\n"))
    .filter((l) => l.startsWith("• *10* "));
}

describe("the digest's status-change line", () => {
  it("words a status cleared by hand, and set again, from the model's null (lv/en)", async () => {
    const { db } = await importedStore();
    const deps = storeDeps(db, "2026-12-01T10:00:00Z");
    await db.updateTable("tasks").set({ status: "done" }).where("number", "=", "10").execute();
    expect((await runTask(deps, "10 set status none", SECRETARY)).shown).toContain("*10*");
    const model = await buildDigestModel(db, {
      now: DateTime.fromISO("2026-12-01T11:00:00Z"),
      zone: ZONE,
      since: "2026-12-01T00:00:00.000Z",
    });
    expect(model.statusChanges).toMatchObject([{ number: "10", before: "done", after: null }]);
    const [lv] = statusLines(model, "lv");
    expect(lv).toMatch(/^• \*10\* .+: ✅ Izpildīts → ⚪ bez sava statusa$/u);
    const [en] = statusLines(model, "en");
    expect(en).toMatch(/^• \*10\* .+: ✅ Done → ⚪ no status of its own$/u);

    // The other way round, and a stored digest's side that is no status we know.
    const back = structuredClone(model);
    back.statusChanges = model.statusChanges.map((c) => ({ ...c, before: null, after: "partial" }));
    expect(statusLines(back, "lv")[0]).toMatch(/: ⚪ bez sava statusa → 🟡 Izpildīts daļēji$/u);
    const old = JSON.parse(
      JSON.stringify(model).replace('"after":null', '"after":"none"'),
    ) as DigestModel;
    expect(statusLines(old, "en")[0]).toMatch(/: ✅ Done → ⚪ no status of its own$/u);
  });
});
