/**
 * The CLI's `cutoff add` and `cutoff move` on a Sunday or a Latvian public holiday: saved as
 * typed (exit 0), with the warning `/cutoff` gives, its fix written as a CLI command. The real
 * CLI process; the dates are in 2027, after any day these tests run.
 */
import { describe, expect, it } from "vitest";
import { tempDir, testDatabaseUrl } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

// Each run spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("cutoff add|move on a day that is not a working day", { timeout: 90_000 }, () => {
  it("warns in lv and en, keeps the cut-off, and says how to move it to the day before", async () => {
    const dir = tempDir();
    const env = {
      DATABASE_URL: await testDatabaseUrl(dir, "cli.db"),
      DATA_DIR: dir,
      LOG_LEVEL: "warn",
    };
    const added = await runCli(["cutoff", "add", "2027-02-07", "Svētdienas", "termiņš"], env);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain("Pievienots ziņošanas termiņš #1");
    expect(added.stdout).toContain(
      "⚠️ 2027. gada 7. februāris ir svētdiena – tā nav darba diena. Termiņš saglabāts; ja domāta iepriekšējā darba diena, pārceliet to: `npm run cli -- cutoff move 1 2027-02-05`.",
    );
    // No institution has a channel here: all of the reminders planned, out of all ("20 no 20").
    const [, theirs, all] =
      /Nav Slack kanāla: .* – (\d+) no (\d+) plānotajiem atgādinājumiem netiks nosūtīti\./u.exec(
        added.stdout,
      ) ?? [];
    expect(Number(theirs)).toBeGreaterThan(0);
    expect(theirs).toBe(all);
    const moved = await runCli(
      ["cutoff", "move", "1", "2027-05-04", "--time", "12:00", "--lang", "en"],
      env,
    );
    expect(moved.code).toBe(0);
    expect(moved.stdout).toContain("Cut-off #1 moved");
    expect(moved.stdout).toContain("⚠️ 4 May 2027 is a public holiday (");
    expect(moved.stdout).toContain("`npm run cli -- cutoff move 1 2027-05-03 --time 12:00`");
    const list = await runCli(["cutoff", "list", "--json"], env);
    expect(JSON.parse(list.stdout)).toMatchObject([{ id: 1, at: "2027-05-04T09:00:00.000Z" }]);
    const weekday = await runCli(["cutoff", "move", "1", "2027-05-05"], env);
    expect(weekday.code).toBe(0);
    expect(weekday.stdout).not.toContain("darba diena");
  });
});
