import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

const FIRST = "2026_11_29_160000_create_core_tables";

// Each run spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("npm run cli -- migrate", { timeout: 120_000 }, () => {
  it("says what it applied, then that there is nothing to apply, in Latvian by default", async () => {
    const dir = tempDir();
    const env = { DATABASE_URL: join(dir, "cli.db"), DATA_DIR: dir, LOG_LEVEL: "warn" };
    const first = await runCli(["migrate"], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^Piemērotās migrācijas \(\d+\): 2026_11_29_160000_create_core_tables, /,
    );
    const again = await runCli(["migrate"], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe("Glabātavas shēma jau ir jaunākā: nav ko migrēt.\n");
  });

  it("in English with --lang en or DEFAULT_LOCALE=en", async () => {
    const dir = tempDir();
    const env = { DATABASE_URL: join(dir, "cli.db"), DATA_DIR: dir, LOG_LEVEL: "warn" };
    const first = await runCli(["migrate", "--lang", "en"], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Applied \d+ migrations: 2026_11_29_160000_create_core_tables, /);
    const again = await runCli(["migrate"], { ...env, DEFAULT_LOCALE: "en" });
    expect(again.stdout).toBe("The store's schema is up to date: nothing to migrate.\n");
  });

  it("a failing migration: the operator's message naming it, exit 1", async () => {
    const dir = tempDir();
    const file = join(dir, "cli.db");
    // A table the first migration creates, already there: that migration fails in SQLite.
    const raw = new Database(file);
    raw.exec("create table programmes (id integer)");
    raw.close();
    const env = { DATABASE_URL: file, DATA_DIR: dir, LOG_LEVEL: "warn" };
    const [lv, en] = await Promise.all([
      runCli(["migrate"], env),
      runCli(["migrate", "--lang", "en"], env),
    ]);
    expect(lv.code).toBe(1);
    expect(lv.stderr).toMatch(
      new RegExp(`^Migrācija ${FIRST} neizdevās, glabātavā nekas nav mainīts: .*programmes`),
    );
    expect(en.code).toBe(1);
    expect(en.stderr).toMatch(
      new RegExp(`^Migration ${FIRST} failed, nothing in the store changed: .*programmes`),
    );
  });
});
