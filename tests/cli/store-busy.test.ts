/**
 * CI saw `digest --since 31.02.2027` exit 1 instead of 2 when two commands opened one new
 * SQLite file at once on a loaded machine: the second waited the app's 5 s busy timeout for the
 * first one's migration and gave up ("database is locked"). A CLI command now waits 30 s
 * (src/cli/cli-store.ts) and, past that, says the store was busy in the operator's language.
 */
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createDb, MigrationError, migrateToLatest } from "../../db/client.ts";
import { failureText } from "../../src/cli/failure.ts";
import { tempDir } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

describe("a store another process holds", () => {
  it("a command waits past the app's 5 s for the write lock, then runs", {
    timeout: 120_000,
  }, async () => {
    const dir = tempDir();
    const path = join(dir, "cli.db");
    const holder = new SQLite(path);
    holder.pragma("journal_mode = WAL");
    holder.exec("BEGIN IMMEDIATE");
    // Held for 6 s: longer than the app's busy timeout (5 s), shorter than the CLI's (30 s).
    const released = new Promise<void>((resolve) =>
      setTimeout(() => {
        holder.exec("COMMIT");
        holder.close();
        resolve();
      }, 6000),
    );
    const result = await runCli(["digest", "--since", "31.02.2027", "--lang", "en"], {
      DATABASE_URL: path,
      DATA_DIR: dir,
      LOG_LEVEL: "warn",
    });
    await released;
    expect(result.stderr).toContain("There is no such date as “31.02.2027”");
    expect(result.code).toBe(2);
  });

  it("past the timeout, says the store was busy and nothing was stored (lv, en)", async () => {
    const path = join(tempDir(), "busy.db");
    const holder = new SQLite(path);
    holder.pragma("journal_mode = WAL");
    holder.exec("BEGIN IMMEDIATE");
    const db = createDb(path, { busyTimeoutMs: 50 });
    try {
      const error = await migrateToLatest(db).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect(failureText(error, "lv")).toMatch(
        /^Glabātavu 30 s aizņēma cits process \(lietotne vai cita komanda\), un komanda neko nesaglabāja\./,
      );
      expect(failureText(error, "en")).toMatch(
        /^Another process \(the app or another command\) held the store for 30 s, and this command stored nothing\./,
      );
      // Not only in a migration: any statement that gave up on the lock.
      const write = await sql`create table t (x integer)`.execute(db).catch((e: unknown) => e);
      expect(failureText(write, "en")).toMatch(/^Another process/);
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
      await db.destroy();
    }
  });
});
