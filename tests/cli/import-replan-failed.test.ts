/**
 * `import <file>` whose re-plan of the cut-offs it widened fails after the import is committed
 * (a reviewer's finding: the re-plan ran inside the import's try, whose catch says "Import
 * failed, nothing written", or let the error escape as if the import had failed). The import's
 * summary and the widened cut-off are written; stderr says the import is written, that the
 * re-plan failed and how to do it again (`cutoff plan <id>`, or restarting `serve`); exit code 1.
 * The CLI command's function in process (`importReport`): the re-plan opens the store again from
 * the environment (`withDeps`), pointed here at a PostgreSQL server that refuses, while the
 * import runs on the test store (SQLite, or PostgreSQL with TEST_DATABASE=postgres).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { insertCutoff } from "../../db/cutoffs.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { BUNDLED_REPORT_PATH } from "../../db/seeds/index.ts";
import { importReport } from "../../src/cli/commands.ts";
import { testConfig } from "../../src/config.ts";
import { NO_ENV_FILE } from "../helpers/env.ts";
import { importedStore, tempDir } from "../helpers/store.ts";

/** What `work` wrote to stdout and stderr, and the exit code it set (reset after). */
async function captured(work: () => Promise<void>) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout.push(String(chunk));
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr.push(String(chunk));
    return true;
  });
  try {
    await work();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  const code = process.exitCode;
  process.exitCode = undefined;
  return { stdout: stdout.join(""), stderr: stderr.join(""), code };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("import: the re-plan of a widened cut-off fails after the import is written", () => {
  it("says the import is written and how to re-plan, not that nothing was written", async () => {
    const { db, path } = await importedStore();
    const programme = await currentProgramme(db);
    // Stored naming the heading 13, as before /cutoff add expanded headings: a re-import widens it.
    const cutoff = await insertCutoff(db, {
      programmeId: programme?.id ?? 0,
      at: "2099-04-15T20:59:00.000Z",
      title: "Pārbaude",
      taskNumbers: ["13"],
      createdBy: "U0SEC",
      createdAt: "2026-11-29T12:00:00.000Z",
    });
    vi.stubEnv("DOTENV_CONFIG_PATH", NO_ENV_FILE.DOTENV_CONFIG_PATH);
    vi.stubEnv("DATABASE_URL", "postgres://nobody@127.0.0.1:1/none");
    vi.stubEnv("LOG_LEVEL", "warn");
    const config = testConfig({ databaseUrl: path, dataDir: tempDir() });
    try {
      const run = await captured(() =>
        importReport(config, BUNDLED_REPORT_PATH, { dryRun: false, json: false, lang: "en" }),
      );
      expect(run.stdout).toContain("Programme 2009-2013:");
      expect(run.stdout).toContain(
        `In reporting cut-off #${cutoff.id}'s scope, a heading now stands for its sub-tasks: 13 → 13.1, 13.2, 13.3, 13.4.`,
      );
      expect(run.stderr).toContain(
        `The import is written, but re-planning the reminders of reporting cut-off #${cutoff.id} failed: `,
      );
      expect(run.stderr).toContain(
        `Plan them with \`npm run cli -- cutoff plan <id>\` (\`${cutoff.id}\`) or restart \`serve\`, which plans every cut-off as it starts.`,
      );
      expect(run.stderr).not.toContain("nothing written");
      expect(run.code).toBe(1);
      const row = await db
        .selectFrom("cutoffs")
        .select("task_numbers")
        .where("id", "=", cutoff.id)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(row.task_numbers ?? "null")).toEqual(["13.1", "13.2", "13.3", "13.4"]);
    } finally {
      await db.destroy();
    }
  });
});
