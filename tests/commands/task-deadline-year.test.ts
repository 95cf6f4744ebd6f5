/**
 * `/task N`'s deadline field in English (a fresh user's low: it kept the Latvian "_(2010.gads)_"
 * beside "31 December 2010"). Where the app labels the year it says "(2010)" in English; Latvian
 * keeps the report's text. The imported annex (the report's tasks).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { handle, parse } from "../../commands/task.ts";
import type { Db } from "../../db/client.ts";
import { fixedClock } from "../../src/time.ts";
import { importedStore } from "../helpers/store.ts";

const clock = fixedClock("2027-01-20T08:00:00Z");
let db: Db;
beforeEach(async () => {
  ({ db } = await importedStore());
});
afterEach(async () => db.destroy());

async function text(number: string, locale: "lv" | "en"): Promise<string> {
  return JSON.stringify(
    (await handle(parse(number), { db, clock, zone: "Europe/Riga" }, locale)).blocks,
  );
}

describe("/task N's deadline label", () => {
  it("task 14 (2010.gads): '(2010)' in English, the report's text in Latvian", async () => {
    const en = await text("14", "en");
    expect(en).toContain("31 December 2010 _(2010)_");
    expect(en).not.toContain("gads");
    expect(await text("14", "lv")).toContain("2010. gada 31. decembris _(2010.gads)_");
  });
});
