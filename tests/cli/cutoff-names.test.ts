/**
 * The CLI names a cut-off as Slack does, "#2" ("Ziņošanas termiņš #2", "Cut-off #2"), and its
 * `cutoff list` heading is its own ("Ziņošanas termiņi" / "Reporting cut-offs"), not Slack's
 * "…: /cutoff", a slash command the terminal does not take (a fresh user's finding). The real
 * CLI process, its real store.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir, testDatabaseUrl } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

const dir = tempDir();
let env: Record<string, string>;

// Each run spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("cut-offs named in the CLI", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    env = { DATABASE_URL: await testDatabaseUrl(dir, "cli.db"), DATA_DIR: dir, LOG_LEVEL: "warn" };
    // Two cut-offs at one instant are refused (commands/cutoff-change.ts): an hour apart.
    for (const [title, time] of [
      ["Pirmais", "09:00"],
      ["Otrais", "10:00"],
    ] as const) {
      const added = await runCli(["cutoff", "add", "2099-05-05", "--time", time, title], env);
      expect(added.code).toBe(0);
    }
  }, 120_000);

  it("cutoff list: the CLI's own heading, each cut-off as #N", async () => {
    const [lv, en] = await Promise.all([
      runCli(["cutoff", "list"], env),
      runCli(["cutoff", "list", "--lang", "en"], env),
    ]);
    expect(lv.code).toBe(0);
    const [heading, rule] = lv.stdout.split("\n");
    expect(heading).toBe("Ziņošanas termiņi");
    expect(rule).toMatch(/^=+$/);
    expect(lv.stdout).not.toContain("/cutoff");
    expect(lv.stdout).toContain("#2 ");
    expect(en.stdout.split("\n")[0]).toBe("Reporting cut-offs");
    expect(en.stdout).not.toContain("/cutoff");
  });

  it("replies and a cut-off that does not exist: #N, as Slack writes it", async () => {
    const [lv, en, none] = await Promise.all([
      runCli(["replies", "--cutoff", "2"], env),
      runCli(["replies", "--cutoff", "2", "--lang", "en"], env),
      runCli(["replies", "--cutoff", "9"], env),
    ]);
    expect(lv.stdout).toMatch(/^Ziņošanas termiņš #2: Otrais \(.+\) – 0 atbildes$/mu);
    expect(en.stdout).toMatch(/^Cut-off #2: Otrais \(.+\) – 0 replies$/mu);
    expect(none.code).toBe(1);
    expect(none.stderr).toBe(
      "Ziņošanas termiņa #9 nav. Visi termiņi: `npm run cli -- cutoff list`.\n",
    );
  });

  it("without a number: the note names the cut-off taken as #N", async () => {
    const plan = await runCli(["cutoff", "plan", "--json"], env);
    expect(plan.stderr).toContain("ziņošanas termiņa #1 „Pirmais”");
  });
});
