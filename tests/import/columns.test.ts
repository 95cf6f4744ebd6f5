import { describe, expect, it } from "vitest";
import { parseReport } from "../../src/import/parse-report.ts";
import { readLines } from "../../src/import/source-lines.ts";

/**
 * Builds text the way the PDF extraction prints it: every line ends in a space and is followed by
 * an empty line; "¶" starts a new page (a leading space, no empty line before); "@" is a link
 * annotation (a bare URL, no trailing space).
 */
function extracted(printed: readonly string[]): string {
  let out = "";
  const direct = () => (out.endsWith("\n\n") ? out.slice(0, -1) : out);
  for (const line of printed) {
    if (line.startsWith("¶")) out = `${direct()} ${line.slice(1)} \n\n`;
    else if (line.startsWith("@")) out = `${direct()}${line.slice(1)}\n`;
    else out += `${line} \n\n`;
  }
  return out;
}

const WIDE = "rinda, kas ir pietiekami gara, lai to lasītu kā progresa kolonnu";

const miniReport = extracted([
  "IZMANTOTIE SAĪSINĀJUMI",
  "IEM Iekšlietu ministrija",
  "KL Krimināllikums",
  "LM Labklājības ministrija",
  "Programma Programma cilvēku tirdzniecības novēršanai 2009.-2013.gadam",
  "IEVADS",
  "Programma paredz 2 uzdevumu izpildi.",
  "VI. PIELIKUMS: PROGRAMMAS UZDEVUMU IZPILDES GAITA",
  "Nr.",
  "I  Datu apkopošana",
  "1.  Veikt pirmo",
  "uzdevumu ļoti",
  "garā virsrakstā",
  `2010.gads Pirmā ${WIDE}`,
  `otrā ${WIDE}`,
  `trešā ${WIDE} un`,
  "LM, IeM Uzdevums ir",
  "izpildīts daļēji:",
  "rādītāja teksts",
  "@http://example.org/saite",
  "¶turpinājums virsrakstam",
  `ceturtā ${WIDE}.`,
  " ",
  `Otrais paragrāfs: ${WIDE}.`,
  "rādītāja beigas",
  "II Normat īvo aktu pilnveidošana",
  "2.  Otrais uzdevums",
  `regulāri Progress: ${WIDE}.`,
  "IEM Uzdevums ir izpildīts",
]);

describe("telling columns apart across a page break (synthetic report)", () => {
  const report = parseReport(miniReport);
  const [first, second] = report.tasks;

  it("reads the list's bodies only", () => {
    expect(report.institutions.map((i) => i.code)).toEqual(["IEM", "LM"]);
    expect(report.programme.code).toBe("2009-2013");
  });

  it("continues the title and the indicator that the page cut, and the progress", () => {
    expect(first?.title).toBe("Veikt pirmo uzdevumu ļoti garā virsrakstā turpinājums virsrakstam");
    expect(first?.deadline).toEqual({ text: "2010.gads", due: "2010-12-31", recurrence: null });
    expect(first?.progress).toBe(
      `Pirmā ${WIDE} otrā ${WIDE} trešā ${WIDE} un ceturtā ${WIDE}.\n\nOtrais paragrāfs: ${WIDE}.`,
    );
    expect(first?.indicator).toBe("Uzdevums ir izpildīts daļēji: rādītāja teksts rādītāja beigas");
    expect(first?.status).toBe("partial");
    expect(first?.institutions).toEqual([
      { code: "LM", role: "responsible" },
      { code: "IEM", role: "co_responsible" },
    ]);
  });

  it("starts the next row under the next section", () => {
    expect(second).toMatchObject({
      number: "2",
      section: "II",
      title: "Otrais uzdevums",
      deadline: { text: "regulāri", due: null, recurrence: "recurring" },
      institutions: [{ code: "IEM", role: "responsible" }],
      indicator: "Uzdevums ir izpildīts",
      status: "done",
      progress: `Progress: ${WIDE}.`,
    });
  });
});

describe("readLines (extraction artefacts)", () => {
  const physical = [
    "Pirmā rinda ",
    "",
    "http://example.org/saite",
    " lapas sākums ",
    "",
    "40 ",
    "",
    "vārds ir salau",
    "zīts ",
    "",
  ];

  it("drops link annotations and page numbers and marks page starts", () => {
    const lines = readLines(physical);
    expect(lines.map((l) => [l.no, l.text, l.pageStart])).toEqual([
      [1, "Pirmā rinda", false],
      [4, "lapas sākums", true],
      [8, "vārds ir salauzīts", true],
    ]);
  });

  it("measures a joined line by its widest part", () => {
    expect(readLines(physical).at(-1)?.width).toBe("vārds ir salau".length);
  });
});
