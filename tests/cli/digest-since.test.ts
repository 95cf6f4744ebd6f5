import { join } from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { readSince } from "../../src/cli/digest.ts";
import { cliText } from "../../src/i18n/cli.ts";
import { dateInputText } from "../../src/i18n/date-input.ts";
import { tempDir } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

const now = DateTime.fromISO("2026-11-29T12:00:00Z", { zone: "utc" });
const zone = "Europe/Riga";

describe("digest --since", () => {
  it("tells a text that is no date from a date still to come", () => {
    expect(readSince("abc", zone, now)).toBe("not_date");
    expect(readSince("31.02.2026", zone, now)).toBe("invalid_date");
    expect(readSince("2027-13-01", zone, now)).toBe("invalid_date");
    expect(readSince("2027-01-01", zone, now)).toBe("future");
    expect(readSince("2026-11-01", zone, now)).toBe("2026-10-31T22:00:00.000Z");
    expect(readSince("vakar", zone, now)).toBe("2026-11-27T22:00:00.000Z");
  });

  it("says 'not a date' with the accepted forms, and 'not a past date' only for a future one", () => {
    expect(cliText("lv").digest.notDate("abc")).toMatch(
      /^--since: „abc” nav datums\. Datumu var rakstīt šādi: 2027-02-01/,
    );
    expect(cliText("en").digest.notDate("abc")).toMatch(
      /^--since: “abc” is not a date\. Write a date as 2027-02-01/,
    );
    expect(cliText("lv").digest.badSince("2099-01-01")).toBe(
      "--since: „2099-01-01” nav pagājis datums.",
    );
  });

  it("the CLI refuses --since abc as no date, with 2", { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const result = await runCli(["digest", "--since", "abc"], {
      DATABASE_URL: join(dir, "cli.db"),
      DATA_DIR: dir,
      LOG_LEVEL: "warn",
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^--since: „abc” nav datums\. Datumu var rakstīt šādi/);
    expect(result.stderr).not.toContain("pagājis");
  });

  // A fresh user's finding: "31.02.2027" was "nav datums", every other command says the day
  // does not exist (src/i18n/date-input.ts).
  it("says a day that does not exist in the words every command uses, with 2", {
    timeout: 120_000,
  }, async () => {
    const dir = tempDir();
    const env = { DATABASE_URL: join(dir, "cli.db"), DATA_DIR: dir, LOG_LEVEL: "warn" };
    const [lv, en] = await Promise.all([
      runCli(["digest", "--since", "31.02.2027"], env),
      runCli(["digest", "--since", "31.02.2027", "--lang", "en"], env),
    ]);
    expect(lv.code).toBe(2);
    expect(lv.stdout).toBe("");
    expect(lv.stderr).toMatch(
      /^--since: Datums „31\.02\.2027” neeksistē: tādas dienas kalendārā nav\. Datumu var rakstīt šādi/,
    );
    expect(lv.stderr).toContain(dateInputText("lv").invalidDate("31.02.2027"));
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(dateInputText("en").invalidDate("31.02.2027"));
    expect(en.stderr).not.toContain("is not a date");
  });
});
