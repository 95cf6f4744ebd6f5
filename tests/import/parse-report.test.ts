import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ImportedTask } from "../../src/domain/types.ts";
import { resolveInstitution } from "../../src/import/institutions.ts";
import { parseReport } from "../../src/import/parse-report.ts";

const reportText = readFileSync(
  new URL("../../db/seeds/thb-programme-2009-2013-report.txt", import.meta.url),
  "utf8",
);
const report = parseReport(reportText);

function task(number: string): ImportedTask {
  const found = report.tasks.find((t) => t.number === number);
  if (!found) throw new Error(`task ${number} not parsed`);
  return found;
}
const codes = (number: string) => task(number).institutions.map((i) => i.code);

describe("parseReport on the bundled 2009–2013 report: programme and rows", () => {
  it("names the programme from the abbreviation list", () => {
    expect(report.programme).toEqual({
      code: "2009-2013",
      title: "Programma cilvēku tirdzniecības novēršanai 2009.-2013.gadam",
    });
  });

  it("reads exactly the 35 rows of the annex, in printed order, and no task 27", () => {
    expect(report.tasks.map((t) => t.number)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
      "10",
      "10.1",
      "10.1.1",
      "10.1.2",
      "10.1.3",
      "10.2",
      "11",
      "12",
      "13",
      "13.1",
      "13.2",
      "13.3",
      "13.4",
      "14",
      "15",
      "16",
      "17",
      "18",
      "19",
      "20",
      "21",
      "22",
      "23",
      "24",
      "25",
      "26",
    ]);
  });

  it("links sub-tasks to their parents", () => {
    const parents = Object.fromEntries(report.tasks.map((t) => [t.number, t.parent]));
    expect(parents["10.1.2"]).toBe("10.1");
    expect(parents["10.1"]).toBe("10");
    expect(parents["10.2"]).toBe("10");
    expect(parents["13.2"]).toBe("13");
    expect(parents["13"]).toBeNull();
    expect(parents["26"]).toBeNull();
  });

  it("puts each task under the section header printed above it (I–V)", () => {
    const bySection = (s: string) =>
      report.tasks.filter((t) => t.section === s).map((t) => t.number);
    expect(bySection("I")).toEqual(["1", "2"]);
    expect(bySection("II")).toEqual(["3", "4", "5", "6", "7", "8", "9"]);
    expect(bySection("III")).toEqual([
      "10",
      "10.1",
      "10.1.1",
      "10.1.2",
      "10.1.3",
      "10.2",
      "11",
      "12",
      "13",
      "13.1",
      "13.2",
      "13.3",
      "13.4",
      "14",
    ]);
    expect(bySection("IV")).toEqual(["15", "16", "17", "18", "19", "20", "21"]);
    expect(bySection("V")).toEqual(["22", "23", "24", "25", "26"]);
  });
});

describe("deadlines", () => {
  it("reads every row's printed deadline and its meaning", () => {
    const texts = Object.fromEntries(report.tasks.map((t) => [t.number, t.deadline.text]));
    expect(texts).toEqual({
      "1": "2013.gads",
      "2": "regulāri",
      "3": "2010.gads",
      "4": "2010.gads",
      "5": "2010.gads",
      "6": "2010.gads",
      "7": "2009.gads",
      "8": "2010.gads",
      "9": "2010.gads",
      "10": "",
      "10.1": "",
      "10.1.1": "regulāri",
      "10.1.2": "regulāri",
      "10.1.3": "regulāri",
      "10.2": "regulāri",
      "11": "regulāri",
      "12": "2011.gadā",
      "13": "",
      "13.1": "regulāri",
      "13.2": "regulāri",
      "13.3": "ikgadēji",
      "13.4": "ikgadēji",
      "14": "2010.gads",
      "15": "2010.gads",
      "16": "2010.gads",
      "17": "regulāri",
      "18": "regulāri",
      "19": "regulāri",
      "20": "regulāri",
      "21": "ikgadēji",
      "22": "regulāri",
      "23": "regulāri",
      "24": "regulāri",
      "25": "regulāri",
      "26": "regulāri",
    });
  });

  it("dates a year deadline at the end of that year", () => {
    expect(task("1").deadline).toEqual({ text: "2013.gads", due: "2013-12-31", recurrence: null });
    expect(task("7").deadline).toEqual({ text: "2009.gads", due: "2009-12-31", recurrence: null });
    expect(task("12").deadline).toEqual({ text: "2011.gadā", due: "2011-12-31", recurrence: null });
    expect(task("14").deadline).toEqual({ text: "2010.gads", due: "2010-12-31", recurrence: null });
  });

  it("reads 'regulāri' as recurring and 'ikgadēji' as annual, with no date", () => {
    expect(task("2").deadline).toEqual({ text: "regulāri", due: null, recurrence: "recurring" });
    expect(task("13.3").deadline).toEqual({ text: "ikgadēji", due: null, recurrence: "annual" });
    expect(task("21").deadline).toEqual({ text: "ikgadēji", due: null, recurrence: "annual" });
  });

  it("gives parent rows, which print no deadline, an empty one", () => {
    for (const n of ["10", "10.1", "13"])
      expect(task(n).deadline).toEqual({ text: "", due: null, recurrence: null });
  });
});

describe("institutions of each task", () => {
  it("keeps the printed order, first responsible, and resolves the annex's spellings", () => {
    expect(task("1").institutions).toEqual([{ code: "IEM", role: "responsible" }]);
    expect(task("5").institutions).toEqual([
      { code: "LM", role: "responsible" },
      { code: "IZM", role: "co_responsible" },
      { code: "IEM", role: "co_responsible" },
    ]);
    expect(task("14").institutions).toEqual([{ code: "LM", role: "responsible" }]);
    expect(codes("13.4")).toEqual(["IEM", "TM"]);
  });

  it("reads 'AM' in row 13.2 (military personnel) as the Ministry of Defence, not ĀM", () => {
    expect(task("13.2").title).toMatch(/^Veikt militārā personāla/);
    expect(task("13.2").institutions).toEqual([{ code: "AiM", role: "responsible" }]);
    expect(resolveInstitution("AiM", report.institutions)?.name).toBe("Aizsardzības ministrija");
  });

  it("matches every row's institutions column", () => {
    const printed = Object.fromEntries(
      report.tasks
        .filter((t) => !["10", "10.1", "13"].includes(t.number))
        .map((t) => [t.number, codes(t.number)]),
    );
    expect(printed).toEqual({
      "1": ["IEM"],
      "2": ["LM"],
      "3": ["LM"],
      "4": ["IEM"],
      "5": ["LM", "IZM", "IEM"],
      "6": ["LM"],
      "7": ["LM"],
      "8": ["LM", "IEM"],
      "9": ["LM"],
      "10.1.1": ["IEM"],
      "10.1.2": ["LM"],
      "10.1.3": ["ĀM"],
      "10.2": ["IEM"],
      "11": ["IEM", "ĀM"],
      "12": ["LM"],
      "13.1": ["ĀM"],
      "13.2": ["AiM"],
      "13.3": ["LM"],
      "13.4": ["IEM", "TM"],
      "14": ["LM"],
      "15": ["IEM"],
      "16": ["IEM"],
      "17": ["IEM"],
      "18": ["IEM", "LM"],
      "19": ["LM"],
      "20": ["IEM", "LM"],
      "21": ["LM", "ĀM"],
      "22": ["IEM"],
      "23": ["IEM"],
      "24": ["IEM"],
      "25": ["IEM"],
      "26": ["IEM"],
    });
  });

  it("gives parent rows, which print no institutions, none (each sub-task names its own)", () => {
    for (const n of ["10", "10.1", "13"]) expect(task(n).institutions).toEqual([]);
  });
});

describe("status and result indicator", () => {
  it("reads the status every indicator states", () => {
    const statuses = Object.fromEntries(report.tasks.map((t) => [t.number, t.status]));
    const partial = ["1", "10.1.1"];
    const none = ["10", "10.1", "13"];
    for (const [n, s] of Object.entries(statuses)) {
      expect(s, `task ${n}`).toBe(
        partial.includes(n) ? "partial" : none.includes(n) ? null : "done",
      );
    }
  });

  it("leaves parent rows without an indicator at status null", () => {
    for (const n of ["10", "10.1", "13"]) {
      expect(task(n).indicator).toBeNull();
      expect(task(n).status).toBeNull();
    }
  });

  it("takes an indicator whole, without the institution codes", () => {
    expect(task("17").indicator).toBe("Uzdevums 2009.gadā un 2010.gadā ir izpildīts");
    expect(task("17").status).toBe("done");
    expect(task("15").indicator).toBe("Uzdevums ir izpildīts");
    expect(task("14").indicator).toBe(
      "Uzdevums ir izpildīts: MK 09.08.2011. noteikumi Nr.618 (stājās spēkā 12.08.2011.)",
    );
    expect(task("2").indicator).toBe(
      "Uzdevuma izpildīts: apmācīti sociālā darba un bāriņtiesu speciālisti, darba inspektori",
    );
    expect(task("10.1.3").indicator).toBe(
      "Uzdevums ir izpildīts: informācija Ārlietu ministrijas interneta mājas lapā regulāri tiek atjaunota",
    );
  });

  it("follows an indicator over a page break (rows 1, 3, 5, 10.1.1, 14, 19, 22)", () => {
    const t1 = task("1").indicator ?? "";
    expect(
      t1.startsWith(
        "Uzdevums izpildīts daļēji: ir veikti pētījumi par cilvēku tirdzniecības upuru",
      ),
    ).toBe(true);
    expect(t1.endsWith("tiesībaizsardzības iestāžu darbības novērtēšanas pārskati")).toBe(true);
    expect(task("3").indicator).toBe(
      "Uzdevums ir izpildīts: Grozījumi Ministru kabineta 27.09.2005. noteikumos Nr.729 „Noteikumi par " +
        "speciālu zināšanu apguves kārtību bērnu tiesību aizsardzības jomā un šo zināšanu saturu” izstrādāti " +
        "2013.gadā. 01.08.2013. grozījumu projekts izsludināts VSS, 14.10.2013. izskatīts MKK.",
    );
    expect(task("5").indicator).toBe(
      "Uzdevums ir izpildīts: 03.10.2013. likumprojekts „Grozījumi Darba likumā”” pieņemts pirmajā lasījumā Saeimā",
    );
    expect(task("10.1.1").indicator).toBe(
      "Uzdevums ir izpildīts daļēji: pieejamā finansējuma un cilvēkresursu ietvaros ir nodrošināta " +
        "interneta vietnes tehniskā un saturiskā uzturēšana",
    );
    expect(task("19").indicator).toMatch(
      /^Uzdevums ir izpildīts: LM piešķirtais finansējums .* 2013\.gadā – 33 personām\.$/u,
    );
    expect(task("22").indicator).toMatch(
      /^Uzdevums ir izpildīts: ierosināti kriminālprocesi laika posmā no 2009\.gada līdz 2013\.gadam: pēc KL 154\.¹panta .*\(162 aizdomās turamās personas\)$/u,
    );
  });

  it("reads a word broken over two indicator lines as one (row 6: '…2006.noteikum' + 'os')", () => {
    expect(task("6").indicator).toContain(
      "Grozījumi Ministru kabineta 31.10.2006.noteikumos Nr.889",
    );
  });
});

describe("titles", () => {
  it("joins a title's lines, whitespace normalised", () => {
    expect(task("14").title).toBe(
      "Uzlabot komersantu, kas sniedz darbiekārtošanas pakalpojumus, kontroli un uzraudzību",
    );
    expect(task("1").title).toBe(
      "Veikt pētījumu, lai izvērtētu esošo situāciju un īstenoto pasākumu efektivitāti cilvēku tirdzniecības " +
        "novēršanas un apkarošanas jomā tiesībsargājošajās institūcijās",
    );
    expect(task("10").title).toBe(
      "Aktualizēt ar cilvēku tirdzniecības riskiem, novēršanu un palīdzības iespējām upuriem saistītus jautājumus interneta vidē:",
    );
    expect(task("10.1.3").title).toMatch(
      /^Portālā nodrošināt informāciju par pieejamās palīdzības iespējām/u,
    );
  });

  it("follows a title over a page break (rows 3, 5, 10.2, 22)", () => {
    expect(task("3").title).toMatch(
      /precizējot speciālo zināšanu apguves kārtību, iekļaujot tajā tēmas par cilvēku tirdzniecības novēršanas jautājumiem$/u,
    );
    expect(task("5").title).toBe(
      "Izvērtēt nepieciešamību noteikt darba līguma slēgšanas valodu ārzemnieka nodarbināšanas gadījumā, " +
        "paredzot, ka darba līgums jāsagatavo latviešu valodā, pievienojot attiecīgu līguma tulkojumu ārzemniekam saprotamā valodā",
    );
    expect(task("10.2").title).toMatch(
      /\(www\.dzimba\.lv\) un jaunatnes lietām \(www\.jaunatneslietas\.lv\) papildināt ar .* \(www\.cilvektirdznieciba\.lv\)$/u,
    );
    expect(task("22").title).toBe(
      "Izvērtējot organizētās noziedzības attīstības tendences, turpināt veikt pasākumu kompleksu bērnu " +
        "seksuālās izmantošanas un cilvēku tirdzniecības aktīvākai novēršanai valstī",
    );
  });

  it("does not take a progress line at a page top for the title (row 26)", () => {
    expect(task("26").title).toMatch(/tajā skaitā cilvēku nelikumīgas pārvadāšanas novēršanu$/u);
    expect(task("26").progress).toContain(
      "veicot personāla apmācības par riska analīzes veikšanu.",
    );
  });
});
