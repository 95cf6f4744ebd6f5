/**
 * `/digest since TEXT` with a text that names no day answers as the CLI's `digest --since` does:
 * it says so and lists the accepted forms of a date, in the asker's language.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as digest from "../../commands/digest.ts";
import type { Db } from "../../db/client.ts";
import { DATE_FORMATS_HELP } from "../../src/domain/dates.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { importedStore } from "../helpers/store.ts";
import { as, SECRETARY, storeDeps } from "./admin-support.ts";

let db: Db;
beforeAll(async () => {
  ({ db } = await importedStore());
});
afterAll(async () => {
  await db?.destroy();
});

const ask = async (text: string, locale: "lv" | "en" = "lv") => {
  const deps = storeDeps(db, "2026-11-29T12:00:00Z");
  const reply = await digest.handle(digest.parse(text), deps, as(SECRETARY, locale));
  return blocksToText(reply.blocks ?? []);
};

describe("/digest since with a text that is not a date", () => {
  it.each([
    ["since abc", "nav saprotams datums", "is not a date I understand"],
    ["since 2027-13-01", "Datums „2027-13-01” neeksistē", "There is no such date as “2027-13-01”"],
    [
      "kopš 31.02.2026.",
      "Datums „31.02.2026.” neeksistē",
      "There is no such date as “31.02.2026.”",
    ],
  ])(
    "%s says why and lists the accepted forms, in Latvian and English",
    async (text, lvSays, enSays) => {
      const lv = await ask(text);
      expect(lv).toContain(lvSays);
      expect(lv).toContain(DATE_FORMATS_HELP.lv);
      const en = await ask(text, "en");
      expect(en).toContain(enSays);
      expect(en).toContain(DATE_FORMATS_HELP.en);
    },
  );

  it("a future day is still 'must be in the past', with the usage hint", async () => {
    const lv = await ask("since 2027-02-01");
    expect(lv).toContain("Datumam „kopš” jābūt pagātnē.");
    expect(lv).not.toContain(DATE_FORMATS_HELP.lv);
  });
});

describe("/digest help", () => {
  it("has a title, as the other commands' help does", async () => {
    expect(await ask("help")).toMatch(/^Kopsavilkumi: \/digest\n=+\n/u);
    expect(await ask("help", "en")).toMatch(/^Digests: \/digest\n=+\n/u);
  });
});
