/**
 * Migration 2026_12_04_090000_add_reply_stored_at on the test store (SQLite, or PostgreSQL with
 * TEST_DATABASE=postgres): replies stored before it get `stored_at` = `received_at`; down drops
 * the column (and its index) and keeps the rows; up again fills it anew. After it, a reply
 * stored late keeps its post time as `received_at` and is chosen by `stored_at`
 * (`repliesSince`, [since, until)), a `storedAt` before the post time is raised to it.
 */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { repliesSince } from "../../db/activity.ts";
import type { Db } from "../../db/client.ts";
import { findReplyByMessage, insertReply } from "../../db/replies.ts";
import { lmReplyBase } from "./reply-support.ts";
import { migrationSuite, seedCutoff } from "./support.ts";

const NAME = "2026_12_04_090000_add_reply_stored_at";
const PREVIOUS = "2026_12_03_090000_escape_modal_reply_text";
const SENT = ["2027-01-10T08:00:00.000Z", "2027-01-11T09:30:00.000Z"];

const { store, migrate } = migrationSuite(NAME, PREVIOUS);

/** Inserts a reply as the store before the migration had it (no `stored_at` column). */
async function oldReply(db: Db, cutoffId: number, lmId: number, ts: string, at: string) {
  await sql`insert into replies (cutoff_id, institution_id, channel_id, ts, user_id, text, files, verified, source, received_at)
    values (${cutoffId}, ${lmId}, 'C0LM', ${ts}, 'U0ANNA', '14: darīts', '[]', 1, 'event', ${at})`.execute(
    db,
  );
}

/** `stored_at` of every reply, by ts; undefined when the column is absent. */
async function storedAts(db: Db): Promise<Record<string, unknown> | undefined> {
  const rows = await sql<Record<string, unknown>>`select * from replies order by id`.execute(db);
  if (rows.rows.some((r) => !("stored_at" in r))) return undefined;
  return Object.fromEntries(rows.rows.map((r) => [String(r.ts), r.stored_at]));
}

describe(`migration ${NAME}`, () => {
  it("fills stored_at from received_at; down drops it, keeping the rows; up fills it again", async () => {
    const db = await store();
    await migrate("down");
    const { cutoff, lmId } = await seedCutoff(db);
    await oldReply(db, cutoff.id, lmId, "1800000000.000100", SENT[0] ?? "");
    await oldReply(db, cutoff.id, lmId, "1800000000.000200", SENT[1] ?? "");
    expect(await storedAts(db)).toBeUndefined();

    await migrate("latest");
    const filled = { "1800000000.000100": SENT[0], "1800000000.000200": SENT[1] };
    expect(await storedAts(db)).toEqual(filled);
    expect(
      (await db.introspection.getTables()).find((t) => t.name === "replies")?.columns,
    ).toContainEqual(expect.objectContaining({ name: "stored_at", isNullable: false }));

    await migrate("down");
    expect(await storedAts(db)).toBeUndefined();
    const count = await sql<{ n: number }>`select count(*) as n from replies`.execute(db);
    expect(Number(count.rows[0]?.n)).toBe(2);
    await migrate("latest");
    expect(await storedAts(db)).toEqual(filled);
  });

  it("a reply stored late is chosen by stored_at and keeps its post time", async () => {
    const db = await store();
    const { cutoff, lmId } = await seedCutoff(db);
    const base = { ...lmReplyBase(cutoff, lmId), source: "collect" as const };
    // Sent 10 Jan, stored (caught up) 12 Jan; a digest covered up to 11 Jan.
    await insertReply(db, {
      ...base,
      ts: "1800000000.000300",
      text: "14: vēlu",
      receivedAt: "2027-01-10T08:00:00.000Z",
      storedAt: "2027-01-12T10:00:00.000Z",
    });
    // A clock behind the post time: stored at the post time, never before it.
    await insertReply(db, {
      ...base,
      ts: "1800000000.000400",
      text: "14: laikā",
      receivedAt: "2027-01-12T11:00:00.000Z",
      storedAt: "2027-01-12T10:59:00.000Z",
    });
    const late = await repliesSince(db, "2027-01-11T00:00:00.000Z");
    expect(late.map((r) => [r.text, r.receivedAt, r.storedAt])).toEqual([
      ["14: vēlu", "2027-01-10T08:00:00.000Z", "2027-01-12T10:00:00.000Z"],
      ["14: laikā", "2027-01-12T11:00:00.000Z", "2027-01-12T11:00:00.000Z"],
    ]);
    // Windows are [since, until): the edge belongs to the later one.
    const until = "2027-01-12T10:00:00.000Z";
    expect((await repliesSince(db, "2027-01-11T00:00:00.000Z", until)).map((r) => r.text)).toEqual(
      [],
    );
    expect(
      (await repliesSince(db, "2027-01-11T00:00:00.000Z", "2027-01-12T10:00:00.001Z")).map(
        (r) => r.text,
      ),
    ).toEqual(["14: vēlu"]);
    expect((await repliesSince(db, until)).map((r) => r.text)).toEqual(["14: vēlu", "14: laikā"]);
    expect((await findReplyByMessage(db, "C0LM", "1800000000.000300"))?.receivedAt).toBe(
      "2027-01-10T08:00:00.000Z",
    );
  });
});
