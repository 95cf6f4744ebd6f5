import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { taskCommand } from "../../commands/task.ts";
import type { CommandDeps } from "../../commands/types.ts";
import { createDb, type Db } from "../../db/client.ts";
import { blocksToText } from "../../src/slack/blocks-to-text.ts";
import { importedStore } from "../helpers/store.ts";
import { storeDeps } from "./admin-support.ts";

/**
 * `/task` reads in one read snapshot, where it also reads the store's version (once) for its
 * answer cache and the programme context's: what it shows after another process commits,
 * and that a mistake and a question asked together both get their answers.
 */
let deps: CommandDeps;
let other: Db;

beforeEach(async () => {
  const { db, path } = await importedStore();
  // Another connection to the same store: the worker process writing replies does the same.
  other = createDb(path);
  deps = storeDeps(db, "2026-12-01T10:00:00Z");
});

afterEach(async () => {
  await other.destroy();
  await deps.db.destroy();
});

const ask = async (text: string) => {
  const reply = await taskCommand.handle(taskCommand.parse(text), deps, {
    locale: "en",
    userId: "U0ASKER",
    channelId: "C0ASK",
  });
  return { ...reply, shown: blocksToText(reply.blocks) };
};

describe("/task in a read snapshot", () => {
  it("shows what another connection committed, though the answer was kept", async () => {
    expect((await ask("14")).shown).not.toContain("Renamed by the worker");
    // Asked a second time: from now on the answer is kept.
    expect((await ask("14")).shown).not.toContain("Renamed by the worker");
    await other
      .updateTable("tasks")
      .set({ title: "Renamed by the worker" })
      .where("number", "=", "14")
      .execute();
    const after = await ask("14");
    expect(after.text).toContain("Renamed by the worker");
    expect(after.shown).toContain("Renamed by the worker");
  });

  it("answers that a task is gone once another connection removed it, though it was kept", async () => {
    await ask("14");
    await ask("14");
    await other.deleteFrom("task_institutions").execute();
    await other.deleteFrom("tasks").execute();
    const after = await ask("14");
    expect(after.found).toBe(false);
    expect(after.text).toContain("There is no task 14");
  });

  it("lists a task's sub-tasks, and one another connection added to a task that had none", async () => {
    const parent = await ask("10.1");
    for (const n of ["10.1.1", "10.1.2", "10.1.3"]) expect(parent.shown).toContain(n);
    expect((await ask("10.1.1")).shown).not.toContain("10.1.1.1");
    expect((await ask("10.1.1")).shown).not.toContain("10.1.1.1");
    const leaf = await other
      .selectFrom("tasks")
      .selectAll()
      .where("number", "=", "10.1.1")
      .executeTakeFirstOrThrow();
    await other
      .insertInto("tasks")
      .values({
        ...leaf,
        id: undefined,
        number: "10.1.1.1",
        parent_number: "10.1.1",
        title: "A sub-task added by the worker",
        position: 10_000,
      })
      .execute();
    const after = await ask("10.1.1");
    expect(after.shown).toContain("10.1.1.1");
    expect(after.shown).toContain("A sub-task added by the worker");
  });

  it("answers mistakes and questions asked together, each in turn", async () => {
    // Mistakes read the programme context too; every answer below needs it, and none has it
    // cached when they start.
    await other
      .updateTable("tasks")
      .set({ title: "Fresh version" })
      .where("number", "=", "1")
      .execute();
    const texts = ["abc", "14", "iem", "zzz", "5", "🦀", "1", "help"];
    const replies = await Promise.all(texts.map(ask));
    expect(replies.map((r) => r.found)).toEqual([
      false,
      true,
      true,
      false,
      true,
      false,
      true,
      true,
    ]);
    expect(replies[0]?.text).toContain("“abc”");
    expect(replies[1]?.text).toContain("14");
    expect(replies[6]?.text).toContain("Fresh version");
  });
});
