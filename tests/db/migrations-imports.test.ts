/**
 * Migrations never import app code (STYLE.md, Store): a migration must keep doing what it did
 * when it was written, however the app's modules change or move, so each file under
 * db/migrations imports only Kysely and its siblings there (a rule a migration needs is a
 * frozen copy in its own file, as 2026_12_05_090000_expand_cutoff_headings has).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const DIR = join(import.meta.dirname, "../../db/migrations");

/** Every module specifier a TypeScript file imports or re-exports from. */
function specifiers(source: string): string[] {
  return [...source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?from\s+"([^"]+)"/g)].map(
    (m) => m[1] ?? "",
  );
}

describe("db/migrations", () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith(".ts"));

  it.each(files)("%s imports only kysely and other migration files", (file) => {
    const outside = specifiers(readFileSync(join(DIR, file), "utf8")).filter(
      (s) => s !== "kysely" && !/^\.\/[^/]+\.ts$/.test(s),
    );
    expect(outside).toEqual([]);
  });
});
