/**
 * Migration 2026_12_04_120000_create_channel_checks and db/channel-checks.ts on the test store
 * (SQLite, or PostgreSQL with TEST_DATABASE=postgres): Slack's answer about a channel is kept
 * as its last known reachability; an unanswered check stores nothing; a later answer replaces
 * it; a reminder sent there after it disproves "unreachable"; down drops the table.
 */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { recordChannelCheck, unreachableChannels } from "../../db/channel-checks.ts";
import { migrationSuite, seedCutoff } from "./support.ts";

const NAME = "2026_12_04_120000_create_channel_checks";
const PREVIOUS = "2026_12_04_090000_add_reply_stored_at";

const { store, migrate } = migrationSuite(NAME, PREVIOUS);

describe(`migration ${NAME} and the channel checks`, () => {
  it("keeps the last answer; 'unchecked' keeps the one before; 'ok' clears it", async () => {
    const db = await store();
    await recordChannelCheck(db, "C0GONE", "not_found", "2026-11-29T12:00:00.000Z");
    await recordChannelCheck(db, "C0OUT", "not_member", "2026-11-29T12:00:00.000Z");
    await recordChannelCheck(db, "C0FINE", "ok", "2026-11-29T12:00:00.000Z");
    await recordChannelCheck(db, "C0GONE", "unchecked", "2026-11-29T12:05:00.000Z");
    await recordChannelCheck(db, "C0OUT", null, "2026-11-29T12:05:00.000Z");
    const ids = ["C0GONE", "C0OUT", "C0FINE", "C0NEVER"];
    expect([...(await unreachableChannels(db, ids))]).toEqual(
      expect.arrayContaining([
        ["C0GONE", "not_found"],
        ["C0OUT", "not_member"],
      ]),
    );
    expect((await unreachableChannels(db, ids)).size).toBe(2);
    await recordChannelCheck(db, "C0OUT", "ok", "2026-11-29T12:10:00.000Z");
    expect([...(await unreachableChannels(db, ids)).keys()]).toEqual(["C0GONE"]);
    expect((await unreachableChannels(db, [])).size).toBe(0);
  });

  it("a reminder sent there after the check disproves it; one sent before does not", async () => {
    const db = await store();
    const { cutoff, lmId } = await seedCutoff(db);
    await recordChannelCheck(db, "C0LM", "not_found", "2026-11-29T12:00:00.000Z");
    const sent = async (kind: string, at: string) =>
      sql`insert into reminders (cutoff_id, institution_id, kind, scheduled_at, state, attempts, channel_id, message_ts, sent_at, detail, cutoff_at)
        values (${cutoff.id}, ${lmId}, ${kind}, ${at}, 'sent', 1, 'C0LM', '1.1', ${at}, null, ${cutoff.at})`.execute(
        db,
      );
    await sent("before-P14D", "2026-11-28T09:00:00.000Z");
    expect((await unreachableChannels(db, ["C0LM"])).get("C0LM")).toBe("not_found");
    await sent("before-P7D", "2026-11-29T13:00:00.000Z");
    expect((await unreachableChannels(db, ["C0LM"])).size).toBe(0);
  });

  it("goes down and up again", async () => {
    const db = await store();
    await recordChannelCheck(db, "C0GONE", "archived", "2026-11-29T12:00:00.000Z");
    await migrate("down");
    await migrate("latest");
    expect((await unreachableChannels(db, ["C0GONE"])).size).toBe(0);
  });
});
