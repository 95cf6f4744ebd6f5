import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importFailure } from "../../src/cli/locale.ts";
import { ReportFormatError } from "../../src/import/errors.ts";
import { parseReport } from "../../src/import/parse-report.ts";

const reportText = readFileSync(
  new URL("../../db/seeds/thb-programme-2009-2013-report.txt", import.meta.url),
  "utf8",
);
const lines = reportText.split("\n");
const indexOf = (text: string) => lines.findIndex((l) => l.trim() === text);

function failure(text: string): ReportFormatError {
  try {
    parseReport(text);
  } catch (error) {
    if (error instanceof ReportFormatError) return error;
    throw error;
  }
  throw new Error("parseReport accepted the text");
}

describe("parseReport on texts that are not such a report", () => {
  it("rejects an empty text", () => {
    expect(failure("").code).toBe("EMPTY_INPUT");
    expect(failure(" \n\n \n").message).toBe("report text is empty");
  });

  it("rejects an unrelated text, naming the abbreviation list", () => {
    const error = failure("Lorem ipsum dolor sit amet.\n\nIEVADS\n\n1.  Veikt pētījumu\n");
    expect(error).toBeInstanceOf(ReportFormatError);
    expect(error.code).toBe("ABBREVIATIONS_NOT_FOUND");
    expect(error.message).toBe('abbreviation list "IZMANTOTIE SAĪSINĀJUMI" not found');
  });

  it("rejects the report without its abbreviation list", () => {
    const cut = [
      ...lines.slice(0, indexOf("IZMANTOTIE SAĪSINĀJUMI")),
      ...lines.slice(indexOf("IEVADS")),
    ];
    const error = failure(cut.join("\n"));
    expect(error.code).toBe("ABBREVIATIONS_NOT_FOUND");
    expect(error.message).toContain("IZMANTOTIE SAĪSINĀJUMI");
  });

  it("rejects the report with the annex cut off, naming the annex", () => {
    const error = failure(
      lines.slice(0, indexOf("VI. PIELIKUMS: PROGRAMMAS UZDEVUMU IZPILDES GAITA")).join("\n"),
    );
    expect(error.code).toBe("ANNEX_NOT_FOUND");
    expect(error.message).toBe(
      'annex "VI. PIELIKUMS: PROGRAMMAS UZDEVUMU IZPILDES GAITA" not found',
    );
  });

  it("rejects an annex without task rows", () => {
    const error = failure(
      lines.slice(0, indexOf("VI. PIELIKUMS: PROGRAMMAS UZDEVUMU IZPILDES GAITA") + 20).join("\n"),
    );
    expect(error.code).toBe("NO_TASKS");
    expect(error.line).toBe(3015);
  });

  it("names the task and line when a row has no institutions", () => {
    const at = lines.findIndex((l, i) => i > 5790 && l.startsWith("LM Uzdevums ir"));
    const error = failure([...lines.slice(0, at), ...lines.slice(at + 1)].join("\n"));
    expect(error.code).toBe("TASK_NO_INSTITUTION");
    expect(error.message).toBe("task 14: no responsible institution (line 5790)");
    expect(error.line).toBe(5790);
  });

  it("names the task when a row has no deadline", () => {
    const at = lines.findIndex((l) => l.startsWith("2011.gadā Informācija par darba"));
    const text = [
      ...lines.slice(0, at),
      lines[at]?.replace("2011.gadā ", ""),
      ...lines.slice(at + 1),
    ].join("\n");
    expect(failure(text).message).toBe("task 12: no deadline (line 4671)");
  });

  it("rejects an annex cut after task 20: fewer tasks than the introduction names", () => {
    const error = failure(lines.slice(0, 6956).join("\n"));
    expect(error.code).toBe("TASK_COUNT_MISMATCH");
    expect(error.message).toBe("annex has 20 tasks, the introduction names 26 (line 131)");
  });

  it("never throws anything but ReportFormatError on a truncated report", () => {
    const cuts = [
      ...Array.from({ length: 150 }, (_, i) => Math.floor((i * lines.length) / 150)),
      lines.length - 1,
    ];
    for (const n of cuts) {
      try {
        parseReport(lines.slice(0, n).join("\n"));
      } catch (error) {
        expect(error, `cut at line ${n}`).toBeInstanceOf(ReportFormatError);
      }
    }
    for (let c = 0; c < reportText.length; c += 4999) {
      try {
        parseReport(reportText.slice(0, c));
      } catch (error) {
        expect(error, `cut at char ${c}`).toBeInstanceOf(ReportFormatError);
      }
    }
  });
});

describe("import errors as the CLI says them (lv default, en)", () => {
  it("names what is missing and the line in the operator's language", () => {
    const at = lines.findIndex((l, i) => i > 5790 && l.startsWith("LM Uzdevums ir"));
    const error = failure([...lines.slice(0, at), ...lines.slice(at + 1)].join("\n"));
    expect(importFailure(error, "r.txt", "lv")).toBe(
      "Imports neizdevās, nekas nav ierakstīts: 14. uzdevumam nav atbildīgās institūcijas (5790. rinda)",
    );
    expect(importFailure(error, "r.txt", "en")).toBe(
      "Import failed, nothing written: task 14: no responsible institution (line 5790)",
    );
    const count = failure(lines.slice(0, 6956).join("\n"));
    expect(importFailure(count, "r.txt", "lv")).toContain(
      "pielikumā ir 20 uzdevumi, ievadā minēti 26 (131. rinda)",
    );
    expect(importFailure(failure(""), "r.txt", "lv")).toBe(
      "Imports neizdevās, nekas nav ierakstīts: ziņojuma teksts ir tukšs",
    );
  });

  it("words every problem a truncated report can have, in both languages", () => {
    const seen = new Set<string>();
    for (let n = 0; n < lines.length; n += Math.floor(lines.length / 120)) {
      try {
        parseReport(lines.slice(0, n).join("\n"));
      } catch (error) {
        if (!(error instanceof ReportFormatError)) throw error;
        seen.add(error.problem.kind);
        for (const locale of ["lv", "en"] as const) {
          const text = importFailure(error, "r.txt", locale) ?? "";
          expect(text, `${locale} at ${n}`).toMatch(/^Import/);
          expect(text).not.toMatch(/undefined|\[object/);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(2);
  });

  it("names a file that is not there, and leaves other errors to the caller", async () => {
    const missing = await import("node:fs/promises")
      .then((fs) => fs.readFile("/nonexistent/zinojums.txt"))
      .catch((e: unknown) => e);
    expect(importFailure(missing, "/nonexistent/zinojums.txt", "lv")).toMatch(
      /^Imports neizdevās, nekas nav ierakstīts: faila „\/nonexistent\/zinojums.txt” nav \(relatīvu ceļu lasa no mapes \//,
    );
    expect(importFailure(missing, "/nonexistent/zinojums.txt", "en")).toContain(
      "there is no file “/nonexistent/zinojums.txt”",
    );
    expect(importFailure(new Error("disk I/O error"), "r.txt", "lv")).toBeUndefined();
  });
});
