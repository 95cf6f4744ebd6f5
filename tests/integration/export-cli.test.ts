import { execFile } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { docxRows, zipPart } from "../export/docx-text.ts";
import { NO_ENV_FILE } from "../helpers/env.ts";
import { tempDir } from "../helpers/store.ts";

const run = promisify(execFile);
let dir: string;

beforeAll(() => {
  dir = tempDir();
});

/** Runs the real CLI (as `npm run cli` does) on this test's store; never throws on exit codes. */
async function cli(args: string[]) {
  const env = {
    ...NO_ENV_FILE,
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    DATABASE_URL: join(dir, "cli.db"),
    DATA_DIR: dir,
    LOG_LEVEL: "warn",
  };
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", "tsx", "src/cli.ts", ...args],
      { env },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

describe("CLI: export and spreadsheet import", { timeout: 180_000 }, () => {
  it("export annex writes the imported annex as DOCX (cut-off optional)", async () => {
    const out = join(dir, "annex.docx");
    const result = await cli(["export", "annex", "--out", out]);
    expect(result).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("(docx): 35 uzdevumi, 0 atbildes, trūkst 0."),
    });
    const rows = docxRows(zipPart(readFileSync(out), "word/document.xml"));
    expect(rows.find((r) => r.cells[0] === "27. 26.")?.cells[2]).toBe("regulāri");
  });

  it("export annex → import --format xlsx: a dry run and a real run change nothing", async () => {
    const out = join(dir, "annex.xlsx");
    expect(
      (await cli(["export", "annex", "--format", "xlsx", "--out", out, "--lang", "en"])).code,
    ).toBe(0);
    const dry = await cli(["import", "--format", "xlsx", out, "--dry-run", "--json"]);
    expect(JSON.parse(dry.stdout)).toMatchObject({
      ok: true,
      dryRun: true,
      changes: [],
      summary: { tasks: { unchanged: 35 } },
    });
    const real = await cli(["import", "--format", "xlsx", out, "--lang", "en"]);
    expect(real.stdout).toContain("0 tasks created, 0 updated, 35 unchanged; 0 audit entries");
  });

  it("an invalid spreadsheet: every bad cell named by row and column, exit 1, nothing written", async () => {
    const file = join(dir, "bad.csv");
    writeFileSync(
      file,
      "number,section,title,deadline,institutions,status\n14,III,X,someday,LM,done\n",
    );
    const result = await cli(["import", "--format", "csv", file, "--lang", "en"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Import failed, nothing written (1 error):");
    expect(result.stderr).toContain("row 2, column “Deadline” (D): “someday” is not a deadline");
    const lv = await cli(["import", "--format", "csv", file]);
    expect(lv.stderr).toContain("Imports neizdevās, nekas nav ierakstīts (1 kļūda):");
    expect(lv.stderr).toContain(
      "2. rinda, kolonna „Uzdevumu izpildes laiks” (D): „someday” nav termiņš",
    );
  });

  it("a spreadsheet without a column: named by its heading in the operator's language", async () => {
    const file = join(dir, "nostatus.csv");
    writeFileSync(file, "number,section,title,deadline,institutions\n14,III,X,2027.gads,LM\n");
    const lv = await cli(["import", file]);
    expect(lv.code).toBe(1);
    expect(lv.stderr).toContain(
      "kolonna „Statuss”: tādas kolonnas failā nav (virsraksts „Statuss”, angliski „Status” vai „status”)",
    );
    const en = await cli(["import", file, "--lang", "en"]);
    expect(en.stderr).toContain(
      "column “Status”: is not in the file (heading “Status”, in Latvian “Statuss”, or “status”)",
    );
  });

  it("a file that is not there: named, in the operator's language, never a raw ENOENT", async () => {
    for (const file of ["nav-tada.txt", "nav-tada.xlsx"]) {
      const lv = await cli(["import", file]);
      expect(lv.code).toBe(1);
      expect(lv.stderr).toContain(`Imports neizdevās, nekas nav ierakstīts: faila „${file}” nav`);
      expect(lv.stderr).not.toContain("ENOENT");
      const en = await cli(["import", file, "--lang", "en"]);
      expect(en.stderr).toContain(`Import failed, nothing written: there is no file “${file}”`);
    }
  });

  it("an --out in a folder that is not there: the folder named, never a raw ENOENT", async () => {
    const missing = join(dir, "nav-mapes", "apakšmape");
    const cases = [
      ["export", "annex", "--out", join(missing, "x.docx")],
      ["export", "calendar", "--out", join(missing, "x.ics")],
      ["digest", "--docx", join(missing, "x.docx")],
    ];
    // Seven CLI processes: started together, as none of them writes anything.
    const [relative, ...answers] = await Promise.all([
      cli(["export", "annex", "--out", "nav-mapes/x.docx", "--lang", "en"]),
      ...cases.flatMap((args) => [cli(args), cli([...args, "--lang", "en"])]),
    ]);
    for (const [i, answer] of answers.entries()) {
      expect(answer.code).toBe(1);
      expect(answer.stderr).not.toContain("ENOENT");
      expect(answer.stderr).toContain(
        i % 2 === 0
          ? `mapes ${missing} nav. Izveidojiet to vai norādiet citu ceļu.`
          : `there is no folder ${missing}.`,
      );
    }
    expect(relative.stderr).toContain(`Cannot write “nav-mapes/x.docx”: there is no folder /`);
    expect(existsSync(missing)).toBe(false);
  });

  it("export calendar --institution LM writes an .ics that parses", async () => {
    const out = join(dir, "lm.ics");
    expect((await cli(["export", "calendar", "--institution", "LM", "--out", out])).code).toBe(0);
    const root = new ICAL.Component(ICAL.parse(readFileSync(out, "utf8")));
    expect(root.getAllSubcomponents("vevent").length).toBeGreaterThan(0);
  });

  it("takes the format from the file name: import of a .csv without --format; no .pdf annex", async () => {
    const file = join(dir, "named.csv");
    writeFileSync(
      file,
      "number,section,title,deadline,institutions,status\n14,III,X,someday,LM,done\n",
    );
    const imported = await cli(["import", file, "--lang", "en"]);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain("row 2, column “Deadline” (D)");
    const pdf = await cli(["export", "annex", "--out", join(dir, "annex.pdf")]);
    expect(pdf.code).toBe(1);
    expect(pdf.stderr).toContain(
      "Pielikumu nevar saglabāt kā .pdf: to var saglabāt tikai kā docx, xlsx vai csv. Dodiet failam",
    );
    expect(existsSync(join(dir, "annex.pdf"))).toBe(false);
  });

  it("refuses an unknown cut-off with exit 1", async () => {
    const result = await cli(["export", "annex", "--cutoff", "99", "--out", join(dir, "x.docx")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Ziņošanas termiņa #99 nav");
    const en = await cli(["export", "annex", "--cutoff", "99", "--out", "x.docx", "--lang", "en"]);
    expect(en.stderr).toContain("No reporting cut-off #99");
  });
});
