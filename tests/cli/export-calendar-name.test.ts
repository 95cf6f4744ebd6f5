/**
 * `export calendar --institution 'Labklājības ministrija'` said there is no such institution,
 * while `/task Labklājības ministrija` answered with LM's tasks (fresh-user finding). The CLI's
 * `--institution` is now looked up as `/task`, `/calendar` and `/institution` look it up
 * (db/institutions.ts findInstitutionOrName: code, alias or full name, any case, quotes of any
 * style; one pair of quotes wrapping it whole dropped: `'"LM"'`): the same file as `--institution
 * LM`, also typed without diacritics (`'Labklajibas ministrija'`, a later finding). The real CLI process, its real store (SQLite or PostgreSQL, TEST_DATABASE); lv and en.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cliText } from "../../src/i18n/cli.ts";
import { tempDir, testDatabaseUrl } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

const dir = tempDir();
let env: Record<string, string>;

/** The .ics without its DTSTAMP lines (the instant it was written), to compare two files. */
async function events(file: string): Promise<string> {
  return (await readFile(file, "utf8")).replace(/^DTSTAMP:.*$/gmu, "");
}

// Each run spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("export calendar --institution <full name>", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    env = { DATABASE_URL: await testDatabaseUrl(dir, "cli.db"), DATA_DIR: dir, LOG_LEVEL: "warn" };
  });

  it("writes LM's calendar for its full name, as for its code (lv, en)", async () => {
    const [byCode, byName] = [join(dir, "code.ics"), join(dir, "name.ics")];
    const code = await runCli(["export", "calendar", "--institution", "LM", "--out", byCode], env);
    expect(code.code).toBe(0);
    const lv = await runCli(
      ["export", "calendar", "--institution", "Labklājības ministrija", "--out", byName],
      env,
    );
    expect(lv.stderr).toBe("");
    expect(lv.code).toBe(0);
    expect(lv.stdout).toContain(cliText("lv").calendarWrote(byName, 8));
    expect(await events(byName)).toBe(await events(byCode));
    const en = await runCli(
      [
        "export",
        "calendar",
        "--institution",
        "labklājības  ministrija",
        "--out",
        byName,
        "--lang",
        "en",
      ],
      env,
    );
    expect(en.code).toBe(0);
    expect(en.stdout).toContain(cliText("en").calendarWrote(byName, 8));
    const enCode = ["--institution", "LM", "--out", byCode, "--lang", "en"];
    expect((await runCli(["export", "calendar", ...enCode], env)).code).toBe(0);
    expect(await events(byName)).toBe(await events(byCode));
  });

  it("a code or name wrapped whole in quotes, as the shell passes them, is found too", async () => {
    const [byCode, wrapped] = [join(dir, "code.ics"), join(dir, "wrapped.ics")];
    expect(
      (await runCli(["export", "calendar", "--institution", "LM", "--out", byCode], env)).code,
    ).toBe(0);
    for (const typed of ['"LM"', "«Labklājības ministrija»"]) {
      const r = await runCli(["export", "calendar", "--institution", typed, "--out", wrapped], env);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(cliText("lv").calendarWrote(wrapped, 8));
      expect(await events(wrapped)).toBe(await events(byCode));
    }
  });

  it("a full name typed without diacritics writes the same file (lv, en)", async () => {
    const [byCode, folded] = [join(dir, "code.ics"), join(dir, "folded.ics")];
    expect(
      (await runCli(["export", "calendar", "--institution", "LM", "--out", byCode], env)).code,
    ).toBe(0);
    const lv = await runCli(
      ["export", "calendar", "--institution", "Labklajibas ministrija", "--out", folded],
      env,
    );
    expect(lv.stderr).toBe("");
    expect(lv.code).toBe(0);
    expect(lv.stdout).toContain(cliText("lv").calendarWrote(folded, 8));
    expect(await events(folded)).toBe(await events(byCode));
    const en = await runCli(
      [
        "export",
        "calendar",
        "--institution",
        "labklajibas ministrija",
        "--out",
        folded,
        "--lang",
        "en",
      ],
      env,
    );
    expect(en.code).toBe(0);
    expect(en.stdout).toContain(cliText("en").calendarWrote(folded, 8));
  });

  it("a name no institution has is still refused (exit 1)", async () => {
    const out = join(dir, "none.ics");
    const r = await runCli(
      ["export", "calendar", "--institution", "Nav tādas ministrija", "--out", out],
      env,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Institūcijas „Nav tādas ministrija” nav.");
  });
});
