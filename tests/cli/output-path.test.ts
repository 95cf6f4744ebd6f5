/**
 * An --out (or digest --docx) in a folder that exists but cannot take a file is reported as
 * not writable, not as a missing folder. /proc is such a folder on Linux even for root (who
 * may write anywhere a permission decides), so the tests use it.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

const dir = tempDir();
const env = { DATABASE_URL: join(dir, "cli.db"), DATA_DIR: dir, LOG_LEVEL: "warn" };

// Each run spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe.runIf(existsSync("/proc/self"))(
  "an output folder that is not writable",
  {
    timeout: 90_000,
  },
  () => {
    it("export annex --out /proc/a.docx: the folder is named as not writable (lv)", async () => {
      const result = await runCli(["export", "annex", "--out", "/proc/a.docx"], env);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        "Failu „/proc/a.docx” nevar uzrakstīt: mapē /proc rakstīt nevar (tā ir tikai lasāma).",
      );
      expect(result.stderr).not.toContain("mapes /proc nav");
    });

    it("export calendar and digest --docx say the same (en)", async () => {
      for (const args of [
        ["export", "calendar", "--out", "/proc/k.ics"],
        ["digest", "--docx", "/proc/d.docx"],
      ]) {
        const result = await runCli([...args, "--lang", "en"], env);
        expect(result.code).toBe(1);
        expect(result.stderr).toContain("the folder /proc is not writable");
        expect(result.stderr).not.toContain("there is no folder");
      }
    });
  },
);
