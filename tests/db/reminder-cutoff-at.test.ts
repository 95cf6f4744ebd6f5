/**
 * Migration 2026_12_02_090000_add_reminder_cutoff_at on the test store (SQLite, or PostgreSQL
 * with TEST_DATABASE=postgres): existing reminders get their cut-off's time, ids are not
 * reused after the rebuild, a moved cut-off's new rows sit beside the old time's, and down
 * returns to the old key (history rows dropped).
 */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { moveCutoff } from "../../db/cutoffs.ts";
import { listReminders, upsertPlannedReminder } from "../../db/reminders.ts";
import { migrationSuite, seedCutoff } from "./support.ts";

const NAME = "2026_12_02_090000_add_reminder_cutoff_at";
const PREVIOUS = "2026_12_01_100000_create_user_settings";
// Down to the migration before NAME: later ones go down (and up again) with it.
const { store, migrate } = migrationSuite(NAME, PREVIOUS);

describe(`migration ${NAME}`, () => {
  it("backfills cutoff_at, keeps ids growing, and lets a moved cut-off have both times' rows", async () => {
    const db = await store();
    const { cutoff, lmId } = await seedCutoff(db);
    await migrate("down");
    for (const [kind, state] of [
      ["before-P7D", "sent"],
      ["before-P1D", "planned"],
      ["overdue", "planned"],
    ])
      await sql`insert into reminders (cutoff_id, institution_id, kind, scheduled_at, state) values (${cutoff.id}, ${lmId}, ${kind}, ${"2027-01-25T07:00:00.000Z"}, ${state})`.execute(
        db,
      );
    await sql`delete from reminders where kind = 'overdue'`.execute(db);
    await migrate("latest");

    const rows = await listReminders(db, cutoff.id);
    expect(rows.map((r) => [r.kind, r.cutoffAt]).sort()).toEqual([
      ["before-P1D", cutoff.at],
      ["before-P7D", cutoff.at],
    ]);
    const maxBefore = 3;
    await moveCutoff(db, cutoff.id, "2027-03-01T21:59:59.999Z");
    const fresh = await upsertPlannedReminder(db, {
      cutoffId: cutoff.id,
      institutionId: lmId,
      kind: "before-P7D",
      scheduledAt: "2027-02-22T07:00:00.000Z",
      cutoffAt: "2027-03-01T21:59:59.999Z",
    });
    // The deleted row's id 3 is not given again: job ids contain reminder ids.
    expect(fresh.id).toBeGreaterThan(maxBefore);
    expect(fresh.state).toBe("planned");
    expect((await listReminders(db, cutoff.id)).length).toBe(3);

    await migrate("down");
    const left = await sql<{
      kind: string;
    }>`select kind from reminders where cutoff_id = ${cutoff.id} order by kind`.execute(db);
    // Down keeps the rows of the cut-off's present time only (the old key allows one per kind).
    expect(left.rows.map((r) => r.kind)).toEqual(["before-P7D"]);
    await migrate("latest");
  });
});
