import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { buildDigestModel } from "../../src/digest/build.ts";
import { parseOffsets } from "../../src/domain/reminder-plan.ts";
import { planCutoff } from "../../src/reminders/plan.ts";
import { importedStore } from "../helpers/store.ts";

describe("digest: what is coming", () => {
  it("names the institutions a reminder goes to in Latvian alphabetical order (ĀM after AiM)", async () => {
    const { db } = await importedStore();
    try {
      const institutions = await db.selectFrom("institutions").select(["id", "code"]).execute();
      for (const i of institutions)
        await setMapping(db, i.id, `C0${i.id}`, [], "2027-01-01T00:00:00Z");
      const programme = await currentProgramme(db);
      const cutoff = await insertCutoff(db, {
        programmeId: programme?.id ?? 0,
        at: "2027-02-01T21:59:59.999Z",
        title: "Informatīvais ziņojums MK",
        taskNumbers: null,
        createdBy: "U0SEC",
        createdAt: "2027-01-01T00:00:00Z",
      });
      const offsets = parseOffsets("7");
      if (!offsets.ok) throw new Error(offsets.error);
      await planCutoff(
        db,
        cutoff,
        { offsets: offsets.offsets, time: { hour: 9, minute: 0 }, zone: "Europe/Riga" },
        "2027-01-20T08:00:00Z",
      );
      const model = await buildDigestModel(db, {
        now: DateTime.fromISO("2027-01-20T10:00:00Z"),
        zone: "Europe/Riga",
      });
      const groups = model.upcoming.filter((u) => u.kind === "reminder");
      expect(groups.length).toBeGreaterThan(0);
      for (const g of groups) {
        const codes = g.kind === "reminder" ? g.institutions : [];
        expect(codes).toEqual([...codes].sort((a, b) => new Intl.Collator("lv").compare(a, b)));
        if (codes.includes("ĀM") && codes.includes("AiM"))
          expect(codes.indexOf("ĀM")).toBe(codes.indexOf("AiM") + 1);
      }
      expect(groups.some((g) => g.kind === "reminder" && g.institutions.includes("ĀM"))).toBe(true);
    } finally {
      await db.destroy();
    }
  });
});
