import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, migrateToLatest, sqlitePath } from "../../db/client.ts";
import { ConfigError, loadConfig } from "../../src/config.ts";

const dir = mkdtempSync(join(tmpdir(), "koordinators-sqlite-path-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("sqlitePath: which file a DATABASE_URL names", () => {
  it("keeps a plain path and strips sqlite: and sqlite://", () => {
    expect(sqlitePath("./data/koordinators.db")).toBe("./data/koordinators.db");
    expect(sqlitePath("sqlite:data/a.db")).toBe("data/a.db");
    expect(sqlitePath("sqlite:///tmp/a.db")).toBe("/tmp/a.db");
    expect(sqlitePath(":memory:")).toBe(":memory:");
  });

  it("reads a file: URL as a file, not as a folder named 'file:'", () => {
    expect(sqlitePath("file:///tmp/a%20b.db")).toBe("/tmp/a b.db");
    expect(sqlitePath("file://localhost/tmp/a.db")).toBe("/tmp/a.db");
    expect(sqlitePath("file:/tmp/a.db")).toBe("/tmp/a.db");
    expect(sqlitePath("file:data/a.db")).toBe("data/a.db");
  });

  it("refuses SQLite URI parameters and a host rather than ignore them", () => {
    expect(() => sqlitePath("file:/tmp/a.db?mode=ro")).toThrow(/parameters/);
    expect(() => sqlitePath("file://server/tmp/a.db")).toThrow(/host/);
    expect(() => sqlitePath("file:data/50%.db")).toThrow(/%20/);
    expect(() => sqlitePath("file:///tmp/50%.db")).toThrow(/%20/);
    expect(sqlitePath("file:data/50%25.db")).toBe("data/50%.db");
    expect(() => sqlitePath("mysql://u@h/db")).toThrow(/mysql: is no store/);
    expect(sqlitePath("C:\\data\\a.db")).toBe("C:\\data\\a.db");
  });
});

describe("DATABASE_URL as a file: URL", () => {
  it("opens and migrates the store at the file the URL names", async () => {
    const file = join(dir, "url store.db");
    const db = createDb(pathToFileURL(file).href);
    try {
      await migrateToLatest(db);
    } finally {
      await db.destroy();
    }
    expect(existsSync(file)).toBe(true);
  });

  it("is refused by the configuration with parameters, a host or another scheme, accepted without", () => {
    for (const bad of [
      "file:/tmp/a.db?mode=ro",
      "file://server/a.db",
      "file:a.db#x",
      "file:50%.db",
      "mysql://u@h/db",
      "redis://127.0.0.1:6379",
    ]) {
      expect(() => loadConfig({ DATABASE_URL: bad }), bad).toThrow(ConfigError);
    }
    expect(loadConfig({ DATABASE_URL: "file:///tmp/a.db" }).databaseUrl).toBe("file:///tmp/a.db");
    expect(loadConfig({ DATABASE_URL: "sqlite:data/a.db" }).databaseUrl).toBe("sqlite:data/a.db");
    expect(loadConfig({ DATABASE_URL: ":memory:" }).databaseUrl).toBe(":memory:");
    expect(loadConfig({ DATABASE_URL: "postgresql://u@h/db" }).databaseUrl).toBe(
      "postgresql://u@h/db",
    );
    expect(loadConfig({ DATABASE_URL: "file://localhost/tmp/a.db" }).databaseUrl).toBe(
      "file://localhost/tmp/a.db",
    );
  });
});
