/**
 * The CLI's admin twins (`institution`, `cutoff`, `role`, src/cli/admin-run.ts) print a refusal
 * or "not found" (the command's answer with found: false) on stderr with exit 1, not on stdout
 * (a fresh user's finding: a script reading stdout took the refusal for a result); a done
 * answer stays on stdout with exit 0. The real CLI (a Node process) on a SQLite store.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

const dir = tempDir();
const env = { DATABASE_URL: join(dir, "cli.db"), DATA_DIR: dir, LOG_LEVEL: "warn" };

// Each run spawns the real CLI (a Node process with tsx): seconds each on a busy machine.
describe("the CLI's admin refusals", { timeout: 120_000 }, () => {
  it("go to stderr with exit 1, for institution, cutoff and role alike", async () => {
    const [institution, cutoff, role, roleEn] = await Promise.all([
      runCli(["institution", "show", "NEKAS"], env),
      runCli(["cutoff", "remove", "9"], env),
      runCli(["role", "remove", "U0NOBODY01", "secretary"], env),
      runCli(["role", "remove", "U0NOBODY01", "secretary", "--lang", "en"], env),
    ]);
    for (const [name, r] of Object.entries({ institution, cutoff, role, roleEn })) {
      expect(r.code, `${name}: ${r.stdout}${r.stderr}`).toBe(1);
      expect(r.stdout, name).toBe("");
      expect(r.stderr.trim(), name).not.toBe("");
    }
    expect(institution.stderr).toContain("NEKAS");
    expect(cutoff.stderr).toContain("#9");
    expect(roleEn.stderr).toContain("U0NOBODY01");
  });

  it("a done answer stays on stdout with exit 0", async () => {
    const added = await runCli(["cutoff", "add", "2099-05-05", "Pārskats"], env);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain("#1");
    const list = await runCli(["cutoff", "list"], env);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain("Pārskats");
  });
});
