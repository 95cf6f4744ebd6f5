/**
 * `/task N` shows a task's title once (a fresh user's low: `/task 5` showed it cut in the header
 * and again, in full, under it). A title that fits is the header; a longer one is shown once, in
 * full, under a header of the number only (≤ 150 characters, Block Kit's header limit). The
 * imported annex (the report's tasks), both languages.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { handle, parse } from "../../commands/task.ts";
import type { Db } from "../../db/client.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { findTaskDetail } from "../../db/tasks.ts";
import { HEADER_TEXT_MAX, validateBlocks } from "../../src/slack/block-limits.ts";
import { fixedClock } from "../../src/time.ts";
import { importedStore } from "../helpers/store.ts";

const clock = fixedClock("2027-01-20T08:00:00Z");
let db: Db;
beforeEach(async () => {
  ({ db } = await importedStore());
});
afterEach(async () => db.destroy());

type Block = { type: string; text?: { text?: string } };

async function blocks(number: string, locale: "lv" | "en"): Promise<Block[]> {
  const reply = await handle(parse(number), { db, clock, zone: "Europe/Riga" }, locale);
  expect(validateBlocks(reply.blocks, "message")).toEqual([]);
  return reply.blocks as Block[];
}

describe("/task N shows the title once", () => {
  it("a long title (task 5): the number in the header, the whole title once under it", async () => {
    const programme = await currentProgramme(db);
    const task = await findTaskDetail(db, programme?.id ?? 0, "5");
    const title = task?.title ?? "";
    expect(`5. ${title}`.length).toBeGreaterThan(HEADER_TEXT_MAX);
    for (const [locale, header] of [
      ["lv", "Uzdevums 5"],
      ["en", "Task 5"],
    ] as const) {
      const all = await blocks("5", locale);
      expect(all[0]).toMatchObject({ type: "header", text: { text: header } });
      const text = JSON.stringify(all);
      // The start of the title appears once: not cut in the header and repeated.
      expect(text.split(title.slice(0, 40)).length - 1).toBe(1);
      expect(all[1]?.text?.text).toBe(`*${title}*`);
    }
  });

  it("a title that fits (task 14) stays the header, not repeated", async () => {
    const all = await blocks("14", "lv");
    expect(all[0]?.text?.text).toMatch(/^14\. Uzlabot komersantu/u);
    expect(JSON.stringify(all).split("Uzlabot komersantu").length - 1).toBe(1);
  });
});
