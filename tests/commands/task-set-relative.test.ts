/**
 * `/task 14 set deadline vakar` sets yesterday, as the date help every command shows lists it
 * ("šodien, rīt, vakar, aizvakar"; a fresh user's finding: it answered "„vakar” nav termiņš").
 * A past day is allowed, as `set deadline 2020-01-01` is (the report has overdue tasks). The
 * day is Riga's, read when the change is applied; parsing stays pure.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { parse } from "../../commands/task.ts";
import type { CommandDeps } from "../../commands/types.ts";
import { importedStore } from "../helpers/store.ts";
import { runTask, SECRETARY, storeDeps } from "./admin-support.ts";

let deps: CommandDeps;
beforeEach(async () => {
  const { db } = await importedStore();
  // 00:30 on 1 December in Riga, still 30 November in UTC.
  deps = storeDeps(db, "2026-11-30T22:30:00Z");
});

const run = async (text: string, locale: "lv" | "en" = "lv") =>
  (await runTask(deps, text, SECRETARY, locale)).shown;

const row = () =>
  deps.db
    .selectFrom("tasks")
    .select(["deadline_text", "due_date", "recurrence"])
    .where("number", "=", "14")
    .executeTakeFirstOrThrow();

describe("/task 14 set deadline with a day read against today", () => {
  it("reads the word as typed (parse stays pure)", () => {
    expect(parse("14 set deadline vakar")).toEqual({
      kind: "set",
      number: "14",
      change: { field: "deadline", relative: "vakar" },
    });
  });

  it.each([
    ["vakar", "2026-11-30", "30.11.2026."],
    ["yesterday", "2026-11-30", "30.11.2026."],
    ["šodien", "2026-12-01", "01.12.2026."],
    ["rīt", "2026-12-02", "02.12.2026."],
    ["aizvakar", "2026-11-29", "29.11.2026."],
    ["1.02.", "2027-02-01", "01.02.2027."],
  ])("%s → %s, Riga's day, as a typed date is stored", async (word, due, text) => {
    const answer = await run(`14 set deadline ${word}`);
    expect(answer).toContain(`*${text}*`);
    expect(await row()).toEqual({ deadline_text: text, due_date: due, recurrence: null });
  });

  it("a past day as a date is accepted the same way", async () => {
    await run("14 set deadline 2020-01-01");
    expect(await row()).toMatchObject({ due_date: "2020-01-01" });
    await run("14 set deadline vakar", "en");
    expect(await row()).toMatchObject({ due_date: "2026-11-30" });
  });

  it("still refuses what is no day", async () => {
    expect(parse("14 set deadline parīt")).toMatchObject({ problem: "bad_deadline" });
    expect(parse("14 set deadline 31.02.")).toMatchObject({ problem: "invalid_date" });
  });
});
