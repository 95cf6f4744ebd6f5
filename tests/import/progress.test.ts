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
const leaves = report.tasks.filter((t) => !report.tasks.some((c) => c.parent === t.number));

function task(number: string): ImportedTask {
  const found = report.tasks.find((t) => t.number === number);
  if (!found) throw new Error(`task ${number} not parsed`);
  return found;
}
const progress = (number: string) => task(number).progress ?? "";

/** The annex's text lines that are not link annotations, broken words re-joined. */
const annexLines = reportText
  .split("\n")
  .slice(reportText.split("\n").findIndex((l) => l.includes("VI. PIELIKUMS")));
const annotations = new Set(annexLines.filter((l) => /^https?:\/\/\S+$/u.test(l)));
const annexText = annexLines
  .filter((l) => !annotations.has(l))
  .join("\n")
  .replace(/(\S)\n+/gu, "$1");
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe("every task", () => {
  it("has a title, a section, and institutions that resolve to imported institutions", () => {
    for (const t of report.tasks) {
      expect(t.title.length, `task ${t.number}`).toBeGreaterThan(10);
      expect(t.title, `task ${t.number}`).not.toMatch(/Uzdevum[sa] (ir )?izpildīts|^\d/u);
      expect(["I", "II", "III", "IV", "V"]).toContain(t.section);
      const isParent = report.tasks.some((c) => c.parent === t.number);
      if (!isParent) expect(t.institutions.length, `task ${t.number}`).toBeGreaterThan(0);
      for (const i of t.institutions)
        expect(resolveInstitution(i.code, report.institutions)?.code).toBe(i.code);
    }
  });

  it("of the 32 without sub-tasks has a progress narrative, an indicator and a deadline", () => {
    expect(leaves).toHaveLength(32);
    for (const t of leaves) {
      expect(t.progress?.length ?? 0, `task ${t.number}`).toBeGreaterThan(100);
      expect(t.indicator, `task ${t.number}`).toMatch(/^Uzdevum/u);
      expect(t.deadline.text, `task ${t.number}`).not.toBe("");
    }
  });

  it("keeps other columns out of the progress narrative", () => {
    for (const t of report.tasks) {
      const text = t.progress ?? "";
      expect(text, `task ${t.number}`).not.toMatch(
        /Uzdevum[sa] (ir )?izpildīts|Uzdevums \d{4}\.gadā/u,
      );
      expect(text, `task ${t.number}`).not.toMatch(/^(regulāri|ikgadēji|pastāvīgi)\b/u);
      if (t.deadline.text !== "")
        expect(text.startsWith(t.deadline.text), `task ${t.number}`).toBe(false);
      expect(text, `task ${t.number}`).not.toMatch(/\n\n\n| {2}| \n|\n /u);
    }
  });

  it("never repeats a link annotation (a bare URL line at a page end) in any text", () => {
    expect(annotations.size).toBeGreaterThan(10);
    const fields = report.tasks
      .flatMap((t) => [t.title, t.indicator ?? "", t.progress ?? ""])
      .join("\n");
    for (const url of annotations) {
      expect(count(fields, url), url).toBeLessThanOrEqual(count(annexText, url));
    }
    expect(fields).not.toContain("http://www.cbss.org/tfhb");
    expect(fields).not.toContain("likumi.lv/doc.php");
  });
});

/** Row → the narrative's first and last words, read off the report by eye. */
const BOUNDS: ReadonlyArray<readonly [string, string, string]> = [
  [
    "1",
    "Valsts policija sadarbībā ar biedrību „Patvērums „Drošā māja”” 2010.gadā",
    "uztveri un ķermeņa ekspluatāciju.",
  ],
  [
    "2",
    "2009.gada novembrī un decembrī Labklājības ministrija organizēja",
    "kas skar dzimumu līdztiesību.",
  ],
  [
    "3",
    "Labklājības ministrija ir izstrādājusi Ministru kabineta noteikumu projektu",
    "precizējot apmācību programmu paraugus.",
  ],
  [
    "10.1.1",
    "Interneta vietnes www.cilvektirdznieciba.lv tehniskajai",
    "997 euro mājas lapas tehniskajai uzturēšanai.",
  ],
  [
    "11",
    "Ik gadu (kopš 2008.gada) Ārlietu ministrijas Konsulārais departaments",
    "14 zēnu un meiteņu grupās visā Latvijā.",
  ],
  [
    "12",
    "Informācija par darba iespējām ārzemēs ir pieejama http://www.nva.lv/eures/.",
    "pieejama arī http://www.cilvektirdznieciba.lv/",
  ],
  [
    "13",
    "15.11.2010. Rīgā apmācību/pieredzes apmaiņas video konference",
    "Vairāk: http://www.marta.lv/marta-runa?b=1&lbu=39197",
  ],
  [
    "13.1",
    "2009.gada oktobrī un novembrī Budapeštā un Baku ĀM",
    "(2013.gadā un 2014.gadā - biedrība „Patvērums „Drošā māja””)",
  ],
  [
    "13.4",
    "21.06.2010. biedrības „Patvērums „Drošā māja”” un Iekšlietu ministrijas",
    "tiesu priekšsēdētāji – 6; prokurori – 24.",
  ],
  [
    "14",
    "Pamatojoties uz 2011.gada 23.februāra Ministru kabineta rīkojuma Nr.67",
    "nelegālas nodarbinātības vai krāpniecības risku.",
  ],
  [
    "15",
    "Baltijas jūras valstu padomes Darba grupas cilvēku tirdzniecības",
    "cietušām personām Valsts robežsardzes dienesta telpās.",
  ],
  [
    "17",
    "2009.gada janvārī NVO „Sieviešu tiesību institūts” organizētajā",
    "cilvēku tirdzniecības mazināšanā un novēršanā”.",
  ],
  [
    "19",
    "Biedrība „Patvērums „Drošā māja”” ir vienīgā organizācija",
    "turpina rehabilitācijas pakalpojumus saņemt 2014.gadā.",
  ],
  [
    "20",
    "2010.gada 15.aprīļa programmas īstenošanas koordinēšanas",
    "noteikto prasību ievērošanas kontrole.",
  ],
  [
    "21",
    "ĀM Konsulārais departaments rīko ikgadējās",
    "„Prasības sociālo pakalpojumu sniedzējiem“ noteiktajā kārtībā.",
  ],
  [
    "22",
    "2009.gada maijā VP GKrPP ONAP pārstāvis piedalījās",
    "to risināšanas veidu izmantošanai praktiskajā darbā.",
  ],
  [
    "26",
    "Valsts policija plaši izmanto specializētās analītiskās datorprogrammas",
    "pieejama attiecīgajiem Valsts robežsardzes dienestiem.",
  ],
];

describe("progress narratives: where each starts and ends", () => {
  it.each(BOUNDS)(
    "row %s: from the first progress line to the last, nothing else",
    (n, first, last) => {
      expect(progress(n).slice(0, first.length)).toBe(first);
      expect(progress(n).slice(-last.length)).toBe(last);
    },
  );

  it("reads the four longest narratives (rows 11, 13, 13.4, 17) over all their pages", () => {
    for (const n of ["11", "13", "13.4", "17"])
      expect(progress(n).length, `task ${n}`).toBeGreaterThan(10_000);
  });

  it("joins paragraphs with a blank line and lines with spaces", () => {
    const paragraphs = progress("2").split("\n\n");
    expect(paragraphs).toHaveLength(5);
    expect(paragraphs[1]).toBe(
      "Iekšlietu ministrija savas kompetences ietvaros apkopo informāciju par kompetento iestāžu amatpersonu " +
        "un darbinieku, nevalstisko organizāciju pārstāvju dalību semināros un apmācību kursos, kuru " +
        "organizēšanā piedalās Iekšlietu ministrija.",
    );
  });

  it.each([
    ["1", "norādīt uz pastāvošu zināšanu trūkumu un radītu skaidru priekšstatu"],
    ["1", "kas bērnībā ir cietušas no vardarbības (īpaši seksuālās), tātad personas"],
    ["11", "ļoti augsts Īrijā, Latvijas vēstniecība Īrijā ir iniciējusi"],
    ["13", "par ADSTRINGO nacionālo sanāksmju Latvijā rezultātiem un secinājumiem."],
    ["22", "par nepilngadīgo iespējamo seksuālo izmantošanu tiek sevišķi pārbaudīta."],
    ["26", "veicot personāla apmācības par riska analīzes veikšanu."],
    ["5", "Programmas cilvēku tirdzniecības novēršanai 2009. – 2013.gadam 5.uzdevumu"],
  ])("row %s goes on over a page break, without page number or break: “%s”", (n, text) => {
    expect(progress(n)).toContain(text);
  });

  it.each([
    ["6", "šādos normatīvajos aktos: 65. Ministru kabineta 2006.gada 31.oktobra noteikumos Nr.889"],
    ["6", "14.12.2012.). 66. Ministru kabineta 2003.gada 3.jūnija noteikumos Nr.291"],
    [
      "13",
      "21.05.2013. vienas dienas seminārs 20 RPP darbiniekiem; 04. un 06. 06.2013. divu dienu seminārs",
    ],
    ["13.4", "Rīgas reģionālās pārvaldes policisti.\n\n2009.gadā Valsts policijas koledža"],
    ["13.4", "3 prokurori piedalījušies šādos starptautiskos projektos un konferencēs:"],
    ["19", "izlietoti 39 061 euro (14 cilvēku tirdzniecības upuru rehabilitācijai)"],
    ["17", "sanāksmes: 2011.gada 23. – 24.februārī; 2011.gada 9. – 13.maijā;"],
  ])("row %s keeps a line that starts with a number: “%s”", (n, text) => {
    expect(progress(n)).toContain(text);
  });

  it.each([
    ["1", "www.unodc.org/unodc/en/human-trafficking/publications.html"],
    [
      "12",
      "(http://www.ventspilnieki.lv/images/userfiles/rakstuatteli/Buklets_CilvekuTirdzniecibasNoversana.pdf)",
    ],
    [
      "11",
      "(http://rpp.riga.lv/index.php?option=com_content&view=article&id=945%3Aatgrieans-pie-vrtbm-2011&",
    ],
    ["17", "valsts sekretāri Ilzi Pētersoni-Godmani"],
    ["10.1.2", "(skat. šeit: http://www.lm.gov.lv/text/1976)."],
  ])("row %s joins a URL or word broken over lines: “%s”", (n, text) => {
    expect(progress(n)).toContain(text);
  });

  it("gives row 13 its own narrative and the full-width parents 10 and 10.1 none", () => {
    expect(task("10").progress).toBeNull();
    expect(task("10.1").progress).toBeNull();
    expect(progress("13")).not.toContain("Budapeštā");
  });
});
