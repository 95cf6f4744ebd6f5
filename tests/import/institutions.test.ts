import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ImportedInstitution } from "../../src/domain/types.ts";
import { locateAbbreviations, parseAbbreviations } from "../../src/import/abbreviations.ts";
import {
  buildInstitutions,
  isBody,
  readInstitutionsCell,
  resolveInstitution,
} from "../../src/import/institutions.ts";
import { parseReport } from "../../src/import/parse-report.ts";
import { readLines, splitPhysical } from "../../src/import/source-lines.ts";

const reportText = readFileSync(
  new URL("../../db/seeds/thb-programme-2009-2013-report.txt", import.meta.url),
  "utf8",
);
const physical = splitPhysical(reportText);
const list = locateAbbreviations(physical);
const entries = parseAbbreviations(readLines(physical, list.start, list.end));
const { institutions } = parseReport(reportText);
const byCode = (code: string) => entries.find((e) => e.code === code);

describe("the abbreviation list 'IZMANTOTIE SAĪSINĀJUMI'", () => {
  it("is found before the introduction", () => {
    expect(physical[list.start - 1]?.trim()).toBe("IZMANTOTIE SAĪSINĀJUMI");
    expect(physical[list.end]?.trim()).toBe("IEVADS");
  });

  it("reads all 42 entries with their codes in printed order", () => {
    expect(entries.map((e) => e.code)).toEqual([
      "ANO",
      "ASV",
      "ĀM",
      "CBSS",
      "CBSS TF-THB",
      "CEPOL",
      "COSPOL",
      "Direktīva 2011/36/ES",
      "Patvērums „Drošā māja”",
      "EM",
      "ES",
      "GRETA",
      "IEM",
      "IEM IC",
      "IOM",
      "IZM",
      "KL",
      "KPL",
      "LM",
      "RCS Marta",
      "MK",
      "Nr.",
      "NVA",
      "NVO",
      "PMLP",
      "RPP",
      "TA",
      "TIS",
      "TM",
      "TMC",
      "Programma",
      "VBTAI",
      "VDI",
      "VP",
      "VP GKrPP EPP",
      "VP GKrPP",
      "VP GKRPP ONAP",
      "VP GKrPP SSB",
      "VPK",
      "VRK",
      "VRS",
      "VM",
    ]);
  });

  it("joins names that wrap over lines", () => {
    expect(byCode("CBSS TF-THB")?.name).toBe(
      "Baltijas jūras valstu padomes Darba grupa cīņai pret cilvēku tirdzniecību",
    );
    expect(byCode("GRETA")?.name).toBe(
      "Eiropas Padomes Ekspertu darbības grupa pret cilvēku tirdzniecību",
    );
    expect(byCode("Patvērums „Drošā māja”")?.name).toBe("Biedrība „Patvērums „Drošā māja””");
    expect(byCode("RCS Marta")?.name).toBe("Biedrība „Resursu centrs sievietēm „Marta””");
    expect(byCode("VP GKrPP SSB")?.name).toBe(
      "Valsts policijas Galvenās Kriminālpolicijas pārvaldes Starptautiskās sadarbības birojs",
    );
    expect(byCode("Direktīva 2011/36/ES")?.name).toMatch(
      /^Eiropas Parlamenta .* Pamatlēmumu 2002\/629\/TI$/u,
    );
    expect(byCode("Programma")?.name).toBe(
      "Programma cilvēku tirdzniecības novēršanai 2009.-2013.gadam",
    );
  });
});

describe("which entries are institutions", () => {
  it("keeps bodies and drops laws, documents, countries, terms and systems", () => {
    const kept = entries.filter(isBody).map((e) => e.code);
    const dropped = entries.filter((e) => !isBody(e)).map((e) => e.code);
    expect(dropped).toEqual([
      "ASV",
      "Direktīva 2011/36/ES",
      "ES",
      "KL",
      "KPL",
      "Nr.",
      "NVO",
      "TIS",
      "Programma",
    ]);
    expect(kept).toContain("MK");
    expect(kept).toContain("TA");
    expect(kept).toContain("Patvērums „Drošā māja”");
    expect(kept).toContain("GRETA");
  });

  it("adds the bodies the report names outside the list: AiM (alias AM), GP, RD", () => {
    expect(institutions.map((i) => i.code).slice(-3)).toEqual(["AiM", "GP", "RD"]);
    expect(institutions.find((i) => i.code === "AiM")).toEqual({
      code: "AiM",
      name: "Aizsardzības ministrija",
      aliases: ["AM"],
    });
    expect(institutions.find((i) => i.code === "GP")?.name).toBe("Ģenerālprokuratūra");
    expect(institutions).toHaveLength(36);
  });

  it("adds an outside body only when the text mentions it", () => {
    const few = entries.filter((e) => ["IEM", "LM"].includes(e.code));
    expect(buildInstitutions(few, "IEM un LM").map((i) => i.code)).toEqual(["IEM", "LM"]);
    expect(buildInstitutions(few, "… Ģenerālprokuratūras pārstāvji").map((i) => i.code)).toEqual([
      "IEM",
      "LM",
      "GP",
    ]);
  });
});

describe("resolveInstitution", () => {
  const code = (s: string) => resolveInstitution(s, institutions)?.code;

  it("resolves codes and the annex's spellings, ignoring case", () => {
    expect(code("IEM")).toBe("IEM");
    expect(code("iem")).toBe("IEM");
    expect(code("IeM")).toBe("IEM");
    expect(code("IzM")).toBe("IZM");
    expect(code(" lm ")).toBe("LM");
  });

  it("tells AM (Defence) from ĀM (Foreign Affairs)", () => {
    expect(code("AM")).toBe("AiM");
    expect(code("am")).toBe("AiM");
    expect(code("aim")).toBe("AiM");
    expect(code("ĀM")).toBe("ĀM");
    expect(code("ām")).toBe("ĀM");
    expect(resolveInstitution("ĀM", institutions)?.name).toBe("Ārlietu ministrija");
  });

  it("resolves full names and NGO spellings with any quotes", () => {
    expect(code("Iekšlietu ministrija")).toBe("IEM");
    expect(code('Patvērums "Drošā māja"')).toBe("Patvērums „Drošā māja”");
    expect(code("NVO „Patvērums „Drošā māja””")).toBe("Patvērums „Drošā māja”");
    expect(code("vp gkrpp onap")).toBe("VP GKRPP ONAP");
    expect(code("Ģenerālprokuratūra")).toBe("GP");
  });

  it("finds nothing for unknown or empty input", () => {
    expect(code("NOPE")).toBeUndefined();
    expect(code("")).toBeUndefined();
    expect(code("KL")).toBeUndefined();
  });
});

describe("readInstitutionsCell (the institutions column's first line)", () => {
  const known: ImportedInstitution[] = institutions;
  it("splits codes from the indicator's first words", () => {
    expect(readInstitutionsCell("LM, IzM, IeM Uzdevums ir", known)).toEqual({
      codes: ["LM", "IzM", "IeM"],
      rest: "Uzdevums ir",
    });
    expect(readInstitutionsCell("IeM Uzdevums izpildīts", known)).toEqual({
      codes: ["IeM"],
      rest: "Uzdevums izpildīts",
    });
    expect(readInstitutionsCell("ĀM", known)).toEqual({ codes: ["ĀM"], rest: "" });
  });

  it("rejects narrow progress lines", () => {
    expect(readInstitutionsCell("Rīgā, Berlīnē un Minskā.", known)).toBeNull();
    expect(readInstitutionsCell("Uzdevums ir", known)).toBeNull();
    expect(readInstitutionsCell("izpildīts: MK", known)).toBeNull();
  });
});
