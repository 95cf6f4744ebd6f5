/**
 * `export calendar --institution XYZ` with no such institution names the codes that have tasks,
 * as `/calendar XYZ` does (a fresh user's finding: the CLI said only "Institūcijas „XYZ” nav.").
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

const dir = tempDir();
const env = { DATABASE_URL: join(dir, "cli.db"), DATA_DIR: dir, LOG_LEVEL: "warn" };

// Each run spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("export calendar --institution XYZ", { timeout: 90_000 }, () => {
  it("says there is no such institution and lists the codes with tasks (lv, en)", async () => {
    const out = join(dir, "x.ics");
    const lv = await runCli(["export", "calendar", "--institution", "XYZ", "--out", out], env);
    expect(lv.code).toBe(1);
    expect(lv.stderr).toMatch(/Institūcijas „XYZ” nav\. Institūcijas ar uzdevumiem: .*\bIEM\b/u);
    expect(lv.stderr).toMatch(/\bLM\b/u);
    const en = await runCli(
      ["export", "calendar", "--institution", "XYZ", "--out", out, "--lang", "en"],
      env,
    );
    expect(en.code).toBe(1);
    expect(en.stderr).toMatch(
      /There is no institution “XYZ”\. Institutions with tasks: .*\bIEM\b/u,
    );
  });
});
