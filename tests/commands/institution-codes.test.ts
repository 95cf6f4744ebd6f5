/**
 * Institution codes in Latvian alphabetical order (ĀM right after AiM, not after TM), and
 * `/task AM` — AiM's code in the report's annex — naming ĀM, which "AM" also spells without
 * its macron.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as task from "../../commands/task.ts";
import { nearestCodes } from "../../commands/task-suggest.ts";
import type { Db } from "../../db/client.ts";
import { listMappings } from "../../db/contacts.ts";
import { listInstitutions, listInstitutionsWithTasks } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { compareCodes, foldCode } from "../../src/domain/codes.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { fixedClock } from "../../src/time.ts";
import { importedStore } from "../helpers/store.ts";

let db: Db;
beforeAll(async () => {
  ({ db } = await importedStore());
});
afterAll(async () => {
  await db?.destroy();
});

const clock = fixedClock("2026-11-29T12:00:00Z");
const ask = async (text: string, locale: "lv" | "en" = "lv") =>
  blocksToText(
    (await task.handle(task.parse(text), { db, clock, zone: "Europe/Riga" }, locale)).blocks,
  );

describe("codes in Latvian alphabetical order", () => {
  it("is the order the store's lists come in, for every caller", async () => {
    const programme = await currentProgramme(db);
    const lists = [
      (await listInstitutions(db)).map((i) => i.code),
      (await listInstitutionsWithTasks(db, programme?.id ?? 0)).map((i) => i.code),
      (await listMappings(db)).map((m) => m.code),
    ];
    for (const codes of lists) {
      expect(codes).toEqual([...codes].sort(compareCodes));
      expect(codes.indexOf("ĀM")).toBeGreaterThan(codes.indexOf("AiM"));
      expect(codes.indexOf("ĀM")).toBeLessThan(codes.indexOf("IEM"));
    }
  });

  it("puts Ā right after A, before B, not after Z", () => {
    expect(["TM", "ĀM", "IEM", "AiM", "BM", "ZM"].sort(compareCodes)).toEqual([
      "AiM",
      "ĀM",
      "BM",
      "IEM",
      "TM",
      "ZM",
    ]);
    expect(compareCodes("IEM", "IEM")).toBe(0);
    expect(foldCode("ĀM")).toBe("AM");
    expect(foldCode("IzM")).toBe("IZM");
  });

  it("/task help and a code /task does not know list ĀM after AiM", async () => {
    expect(await ask("help")).toContain(
      "institūcijas ar uzdevumiem šajā programmā: AiM, ĀM, IEM, IZM, LM, TM)",
    );
    expect(await ask("abc")).toContain("Institūcijas: AiM, ĀM, IEM, IZM, LM, TM.");
    expect(await ask("abc", "en")).toContain("Institutions: AiM, ĀM, IEM, IZM, LM, TM.");
  });
});

describe("/task AM names ĀM too", () => {
  it("answers AM with AiM (the annex's code) and asks whether ĀM was meant", async () => {
    for (const query of ["AM", "am"]) {
      const lv = await ask(query);
      expect(lv).toContain("AiM – Aizsardzības ministrija");
      expect(lv).toContain("Vai domājāt *ĀM* (Ārlietu ministrija) – `/task ĀM`?");
    }
    const en = await ask("AM", "en");
    expect(en).toContain("AiM – Aizsardzības ministrija");
    expect(en).toContain("Did you mean *ĀM* (Ārlietu ministrija) – `/task ĀM`?");
  });

  it("takes a code typed with its diacritics as meant, and other codes without a hint", async () => {
    const am = await ask("ĀM");
    expect(am).toContain("ĀM – Ārlietu ministrija");
    expect(am).not.toContain("domājāt");
    for (const query of ["IEM", "IeM", "AiM", "aim"])
      expect(await ask(query)).not.toContain("domājāt");
  });

  it("guesses every equally near code, a missing macron costing nothing", async () => {
    expect(nearestCodes("am", ["AiM", "ĀM"])).toEqual(["ĀM"]);
    expect(nearestCodes("ievm", ["AiM", "IEM"])).toEqual(["IEM"]);
    expect(nearestCodes("xyz", ["AiM", "IEM"])).toEqual([]);
    expect(await ask("AMM")).toContain("Varbūt domājāt *AiM* vai *ĀM*?");
    expect(await ask("AMM", "en")).toContain("Did you mean *AiM* or *ĀM*?");
  });
});
