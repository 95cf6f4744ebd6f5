/**
 * The queries behind `/task N history`'s replies (db/reply-story.ts) read many replies at once
 * (one `in (…)` list per chunk of ids, within SQLite's and PostgreSQL's parameter limits) and
 * give what one read a reply gave: each reply's earlier texts oldest first (as replyHistory), its
 * task changes in the order made, only the programme's replies. 1,100 replies, more than two
 * chunks, on the real store (SQLite, or PostgreSQL with TEST_DATABASE=postgres).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { editReply, insertReply, replyHistory } from "../../db/replies.ts";
import {
  ID_CHUNK,
  movedReplyIds,
  repliesInProgramme,
  replyEdits,
  replyMoves,
} from "../../db/reply-story.ts";
import { importedStore } from "../helpers/store.ts";

const COUNT = 1_100;
let db: Db;
let programmeId = 0;
const ids: number[] = [];
const at = (minute: number) => new Date(Date.UTC(2027, 0, 10, 9, minute)).toISOString();

beforeAll(async () => {
  ({ db } = await importedStore());
  programmeId = (await currentProgramme(db))?.id ?? 0;
  const cutoff = await insertCutoff(db, {
    programmeId,
    at: "2027-02-01T21:59:59.999Z",
    title: "Informatīvais ziņojums MK",
    taskNumbers: ["5", "14"],
    createdBy: "U0SEC0001",
    createdAt: "2026-11-29T12:00:00Z",
  });
  const institution = (await findInstitution(db, "LM"))?.id ?? 0;
  for (let i = 0; i < COUNT; i++) {
    const { reply } = await insertReply(db, {
      cutoffId: cutoff.id,
      institutionId: institution,
      taskId: null,
      channelId: "C0STORY",
      ts: `1800000000.${String(i).padStart(6, "0")}`,
      threadTs: "1800000000.999999",
      userId: "U0ANNA",
      text: `14: atbilde ${i}`,
      files: [],
      statusClaim: null,
      verified: true,
      source: "event",
      receivedAt: at(0),
    });
    ids.push(reply.id);
    // Every third reply edited twice, the edits out of id order with other replies' edits.
    if (i % 3 === 0) await editReply(db, reply.id, `14: atbilde ${i} labota`, at(1));
  }
  for (let i = 0; i < COUNT; i += 3) await editReply(db, ids[i] ?? 0, `5: atbilde ${i}`, at(2));
  // Every third reply moved 14 → 5 by its second edit, then (every sixth) back to 14.
  await recordAudit(
    db,
    ids.flatMap((id, i) =>
      i % 3 !== 0
        ? []
        : [
            { at: at(2), before: "14", after: "5" },
            ...(i % 6 === 0 ? [{ at: at(3), before: "5", after: "14" }] : []),
          ].map((m) => ({
            ...m,
            actor: "U0ANNA",
            entity: "reply" as const,
            entityKey: String(id),
            action: "update" as const,
            field: "task",
          })),
    ),
  );
}, 300_000);

describe("db/reply-story reads many replies at once", () => {
  it("gives each reply's earlier texts oldest first, as replyHistory does one reply's", async () => {
    expect(ids.length).toBeGreaterThan(2 * ID_CHUNK);
    const edits = await replyEdits(db, ids);
    expect(edits.size).toBe(Math.ceil(COUNT / 3));
    for (const id of ids) expect(edits.get(id) ?? []).toEqual(await replyHistory(db, id));
    expect(edits.get(ids[3] ?? 0)).toEqual([
      { text: "14: atbilde 3", at: at(1) },
      { text: "14: atbilde 3 labota", at: at(2) },
    ]);
  });

  it("gives each reply's task changes in the order made, and the replies they name", async () => {
    const moved = await movedReplyIds(db, "5");
    expect(moved.sort((a, b) => a - b)).toEqual(ids.filter((_, i) => i % 3 === 0));
    const moves = await replyMoves(db, ids);
    expect(moves.size).toBe(moved.length);
    expect(moves.get(ids[0] ?? 0)?.map((m) => [m.at, m.before, m.after])).toEqual([
      [at(2), "14", "5"],
      [at(3), "5", "14"],
    ]);
    expect(moves.get(ids[3] ?? 0)?.map((m) => [m.before, m.after])).toEqual([["14", "5"]]);
    const replies = await repliesInProgramme(db, ids, programmeId);
    expect(replies.map((r) => r.id).sort((a, b) => a - b)).toEqual(ids);
    expect(await repliesInProgramme(db, ids, programmeId + 1_000)).toEqual([]);
    expect(await replyEdits(db, [])).toEqual(new Map());
  });
});
