/**
 * The CLI's `session add` on a Saturday or a Latvian public holiday: added as typed (exit 0),
 * with the note `/session add` gives ("Ievērojiet: … ir sestdiena."); a working day without it.
 * The real CLI process; the dates are in 2027, after any day these tests run.
 */
import { describe, expect, it } from "vitest";
import { tempDir, testDatabaseUrl } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

// Each run spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("session add on a day that is not a working day", { timeout: 90_000 }, () => {
  it("notes a Saturday in lv, a holiday in en, and nothing on a working day", async () => {
    const dir = tempDir();
    const env = {
      DATABASE_URL: await testDatabaseUrl(dir, "cli.db"),
      DATA_DIR: dir,
      LOG_LEVEL: "warn",
    };
    const saturday = await runCli(["session", "add", "2027-02-06", "10:00", "Sēde"], env);
    expect(saturday.code).toBe(0);
    expect(saturday.stdout).toContain("Pievienota sēde");
    expect(saturday.stdout).toContain("Ievērojiet: 2027. gada 6. februāris ir sestdiena.");
    const holiday = await runCli(["session", "add", "2027-05-04", "10:00", "--lang", "en"], env);
    expect(holiday.code).toBe(0);
    expect(holiday.stdout).toContain("Added session");
    expect(holiday.stdout).toContain("Note: 4 May 2027 is a public holiday (");
    const weekday = await runCli(["session", "add", "2027-05-05", "10:00"], env);
    expect(weekday.code).toBe(0);
    expect(weekday.stdout).toContain("Pievienota sēde");
    expect(weekday.stdout).not.toContain("Ievērojiet");
  });
});
