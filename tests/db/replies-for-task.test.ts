/**
 * `repliesForTask` with a list of cut-offs (what `/task N` reads when more than one cut-off is
 * shown for the task's programme): only those cut-offs' replies, newest first, never a reply to
 * a cut-off not shown; an empty list reads none; one id and no filter as before. SQLite or
 * PostgreSQL (TEST_DATABASE=postgres).
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { type Cutoff, insertCutoff } from "../../db/cutoffs.ts";
import { insertReply, repliesForTask } from "../../db/replies.ts";
import { importedStore } from "../helpers/store.ts";
import { seedCutoff } from "./support.ts";

let db: Db | undefined;
afterEach(async () => {
  await db?.destroy();
  db = undefined;
});

async function taskId(store: Db, number: string): Promise<number> {
  const row = await store
    .selectFrom("tasks")
    .select("id")
    .where("number", "=", number)
    .executeTakeFirstOrThrow();
  return row.id;
}

describe("repliesForTask", () => {
  it("reads only the replies to the cut-offs it is given", async () => {
    ({ db } = await importedStore());
    const store = db;
    const { cutoff: first, lmId } = await seedCutoff(store);
    const more = (title: string, at: string): Promise<Cutoff> =>
      insertCutoff(store, {
        programmeId: first.programmeId,
        at,
        title,
        taskNumbers: null,
        createdBy: "U0SEC",
        createdAt: "2026-11-29T12:00:00.000Z",
      });
    const second = await more("Otrais", "2027-03-01T21:59:59.999Z");
    const third = await more("Trešais", "2027-04-01T21:59:59.999Z");
    const id = await taskId(store, "14");
    const reply = (cutoff: Cutoff, n: number) =>
      insertReply(store, {
        cutoffId: cutoff.id,
        institutionId: lmId,
        taskId: id,
        channelId: "C0LM",
        ts: `1800000000.00000${n}`,
        threadTs: null,
        userId: "U0LMOK",
        text: `14: atbilde ${n}`,
        files: [],
        statusClaim: null,
        verified: true,
        source: "event",
        receivedAt: `2027-01-1${n}T10:00:00.000Z`,
      });
    await reply(first, 1);
    await reply(second, 2);
    await reply(third, 3);
    const texts = async (ids?: number | readonly number[]) =>
      (await repliesForTask(store, id, ids)).map((r) => r.text);
    expect(await texts([first.id, second.id])).toEqual(["14: atbilde 2", "14: atbilde 1"]);
    expect(await texts([third.id])).toEqual(["14: atbilde 3"]);
    expect(await texts([])).toEqual([]);
    expect(await texts(second.id)).toEqual(["14: atbilde 2"]);
    expect(await texts()).toEqual(["14: atbilde 3", "14: atbilde 2", "14: atbilde 1"]);
  });
});
