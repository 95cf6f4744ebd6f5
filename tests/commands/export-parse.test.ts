/** `/export annex` with a word it does not take: the formats it does take are named. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exportCommand from "../../commands/export.ts";
import type { CommandDeps } from "../../commands/types.ts";
import type { Db } from "../../db/client.ts";
import { importedStore } from "../helpers/store.ts";
import { storeDeps } from "./admin-support.ts";

let deps: CommandDeps;
let db: Db;
beforeAll(async () => {
  ({ db } = await importedStore());
  deps = storeDeps(db, "2026-11-29T12:00:00Z");
});
afterAll(async () => {
  await db?.destroy();
});

const answer = async (text: string, locale: "lv" | "en" = "lv") => {
  const ctx = { userId: "U0SECRETARY", locale, channelId: "C0TEST0001" };
  const reply = await exportCommand.handle(exportCommand.parse(text), deps, ctx);
  return { found: reply.found, text: JSON.stringify(reply.blocks ?? []) + (reply.text ?? "") };
};

describe("/export annex with a format it does not make", () => {
  it("names the formats it takes", async () => {
    const lv = await answer("annex 1 pdf");
    expect(lv.found).toBe(false);
    expect(lv.text).toContain(
      "Nesapratu „pdf”: pielikumu var eksportēt šajos formātos: docx, xlsx, csv",
    );
    expect(lv.text).toContain("/export help");
    const en = await answer("annex pdf", "en");
    expect(en.text).toContain(
      "I did not understand “pdf”: the annex can be exported as docx, xlsx, csv",
    );
  });

  it("says only that it did not understand what is not a format", async () => {
    const text = (await answer("annex 1 --bogus")).text;
    expect(text).toContain("Nesapratu „--bogus”.");
    expect(text).not.toContain("formātos");
    expect((await answer("pielikumz")).text).toContain("Nesapratu „pielikumz”.");
  });
});

describe("/export from someone who is not the secretary", () => {
  const asMember = async (text: string, locale: "lv" | "en" = "lv") => {
    const ctx = { userId: "U0MEMBER01", locale, channelId: "C0TEST0001" };
    const reply = await exportCommand.handle(exportCommand.parse(text), deps, ctx);
    return { found: reply.found, text: JSON.stringify(reply.blocks ?? []) + (reply.text ?? "") };
  };

  it("is refused before its format is looked at", async () => {
    const { found, text } = await asMember("annex 1 pdf");
    expect(found).toBe(false);
    expect(text).toContain("Atvainojiet, eksportēt pielikumu var tikai sekretārs");
    expect(text).not.toContain("pdf");
  });

  it("is refused as the other secretary-only commands are, with whom to ask", async () => {
    const lv = (await asMember("annex 1")).text;
    expect(lv).toContain("Atvainojiet, eksportēt pielikumu var tikai sekretārs");
    expect(lv).toContain("lūdziet sekretariātu");
    expect(lv).toContain("<@U0SECRETARY>");
    // The secretary is named: no pointer to `/role list` to find them again.
    expect(lv).not.toContain("/role list");
    const en = (await asMember("annex 1", "en")).text;
    expect(en).toContain("Sorry, only the secretary can export the annex");
    expect(en).toContain("write to the secretary");
  });
});
