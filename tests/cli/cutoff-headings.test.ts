/**
 * The CLI's `cutoff add --tasks` naming a heading (13 over 13.1–13.4): as `/cutoff add`, the
 * cut-off stores the sub-tasks and the answer names them. The real CLI process.
 */
import { describe, expect, it } from "vitest";
import { tempDir, testDatabaseUrl } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

// Each run spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("cutoff add --tasks with a heading", { timeout: 90_000 }, () => {
  it("stores the heading's sub-tasks and says so", async () => {
    const dir = tempDir();
    const env = {
      DATABASE_URL: await testDatabaseUrl(dir, "cli.db"),
      DATA_DIR: dir,
      LOG_LEVEL: "warn",
    };
    const added = await runCli(["cutoff", "add", "2027-04-15", "Virsraksti", "--tasks", "13"], env);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain("13 → 13.1, 13.2, 13.3, 13.4");
    expect(added.stdout).toContain("Apjoms: 4 uzdevumi");
    const list = await runCli(["cutoff", "list", "--json"], env);
    expect(JSON.parse(list.stdout)).toMatchObject([
      { id: 1, taskNumbers: ["13.1", "13.2", "13.3", "13.4"] },
    ]);
  });
});
