/**
 * `replies.stored_at` is never '' where it is read. Migration 2026_12_04_090000_add_reply_stored_at
 * gave SQLite's column a default '' (PostgreSQL has none): `insertReply`, the one writer, always
 * writes an instant (the time given, raised to the post time; the post time when none is given)
 * and refuses to write a reply with neither; a row written around it (no `stored_at`) is refused
 * by PostgreSQL and, on SQLite, read as its post time, never as "before everything". Both stores
 * (TEST_DATABASE=postgres).
 */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { repliesSince } from "../../db/activity.ts";
import type { Db } from "../../db/client.ts";
import { findReplyByMessage, insertReply, listNamedReplies } from "../../db/replies.ts";
import { EPOCH } from "../../src/digest/build.ts";
import { importedStore, testDialect } from "../helpers/store.ts";
import { lmReplyBase } from "./reply-support.ts";
import { seedCutoff } from "./support.ts";

const SENT = "2027-01-12T11:00:00.000Z";
const LATER = "2027-01-12T11:30:00.000Z";
const EARLIER = "2027-01-12T10:59:00.000Z";

/** `stored_at` as the store holds it, by the message's ts. */
async function rawStoredAt(db: Db): Promise<Record<string, string>> {
  const rows = await sql<{
    ts: string;
    stored_at: string;
  }>`select ts, stored_at from replies`.execute(db);
  return Object.fromEntries(rows.rows.map((r) => [r.ts, r.stored_at]));
}

async function world() {
  const { db } = await importedStore();
  const { cutoff, lmId } = await seedCutoff(db);
  const base = {
    ...lmReplyBase(cutoff, lmId),
    text: "14: darīts",
    source: "event" as const,
    receivedAt: SENT,
  };
  return { db, cutoff, lmId, base };
}

describe("replies.stored_at as written", () => {
  it("insertReply writes an instant whatever it is given, and refuses a reply with none", async () => {
    const { db, base } = await world();
    await insertReply(db, { ...base, ts: "1.000100" });
    await insertReply(db, { ...base, ts: "1.000200", storedAt: "" });
    await insertReply(db, { ...base, ts: "1.000300", storedAt: EARLIER });
    await insertReply(db, { ...base, ts: "1.000400", storedAt: LATER });
    await insertReply(db, { ...base, ts: "1.000500", receivedAt: "", storedAt: LATER });
    await expect(insertReply(db, { ...base, ts: "1.000600", receivedAt: "" })).rejects.toThrow(
      /no stored time/,
    );
    expect(await rawStoredAt(db)).toEqual({
      "1.000100": SENT,
      "1.000200": SENT,
      "1.000300": SENT,
      "1.000400": LATER,
      "1.000500": LATER,
    });
    expect((await findReplyByMessage(db, "C0LM", "1.000400"))?.storedAt).toBe(LATER);
    await db.destroy();
  });

  it("a row written without stored_at: PostgreSQL refuses it, SQLite's '' reads as its post time", async () => {
    const { db, cutoff, lmId } = await world();
    const around = sql`insert into replies (cutoff_id, institution_id, channel_id, ts, user_id, text, files, verified, source, received_at)
      values (${cutoff.id}, ${lmId}, 'C0LM', '2.000100', 'U0ANNA', '14: apkārt', '[]', 1, 'event', ${SENT})`;
    if (testDialect === "postgres") {
      await expect(around.execute(db)).rejects.toThrow(/stored_at/);
      await db.destroy();
      return;
    }
    await around.execute(db);
    expect(await rawStoredAt(db)).toEqual({ "2.000100": "" });
    // Not before everything: in the window holding its post time, in no earlier one.
    const texts = async (since: string, until?: string) =>
      (await repliesSince(db, since, until)).map((r) => [r.text, r.storedAt]);
    expect(await texts(EPOCH, SENT)).toEqual([]);
    expect(await texts(SENT, LATER)).toEqual([["14: apkārt", SENT]]);
    expect(await texts(LATER)).toEqual([]);
    expect((await findReplyByMessage(db, "C0LM", "2.000100"))?.storedAt).toBe(SENT);
    expect((await listNamedReplies(db, cutoff.id)).map((r) => r.storedAt)).toEqual([SENT]);
    await db.destroy();
  });
});
