/**
 * The programme context (`commands/programme-context.ts`) holds, with the cut-offs shown, the
 * institutions whose channel is known unreachable (`unreachableInstitutions`, one query: what
 * `channelReach`, the digest's rule, gives): read once per store version, like the rest of it,
 * not by every `/task N`; a commit (a channel check, a new mapping) is seen at once. On SQLite
 * or PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { programmeContext } from "../../commands/programme-context.ts";
import { recordChannelCheck, unreachableInstitutions } from "../../db/channel-checks.ts";
import type { Db } from "../../db/client.ts";
import { setMapping } from "../../db/contacts.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { channelReach } from "../../src/digest/reach.ts";
import { fixedClock } from "../../src/time.ts";
import { importedStore } from "../helpers/store.ts";

const NOW = "2026-12-01T10:00:00Z";
let db: Db;
const clock = fixedClock(NOW);

beforeEach(async () => {
  ({ db } = await importedStore());
});
afterEach(async () => {
  await db.destroy();
});

async function idOf(code: string): Promise<number> {
  return (await findInstitution(db, code))?.id ?? 0;
}

describe("programmeContext's unreachable institutions", () => {
  it("none read while no cut-off is shown; then LM's, by id with why, once per store version", async () => {
    const lm = await idOf("LM");
    await setMapping(db, lm, "C0LM00001", [], NOW);
    await recordChannelCheck(db, "C0LM00001", "not_member", NOW);
    expect((await programmeContext(db, clock)).unreachable.size).toBe(0);
    const programme = await currentProgramme(db);
    await insertCutoff(db, {
      programmeId: programme?.id ?? 0,
      at: "2026-12-20T21:59:59.999Z",
      title: "Starpziņojums",
      taskNumbers: ["5"],
      createdBy: "U0SEC",
      createdAt: NOW,
    });
    const first = await programmeContext(db, clock);
    expect([...first.unreachable]).toEqual([[lm, "not_member"]]);
    // Asked again with nothing committed: the same context, not read again.
    const kept = await programmeContext(db, clock);
    expect(await programmeContext(db, clock)).toBe(kept);
    // A commit: LM's new channel is reachable as far as the store knows.
    await setMapping(db, lm, "C0LM00002", [], NOW);
    expect((await programmeContext(db, clock)).unreachable.size).toBe(0);
  });
});

describe("unreachableInstitutions", () => {
  it("gives channelReach's unreachable: shared channels, none, empty, ok, disproved, unknown states", async () => {
    const lm = await idOf("LM");
    const iem = await idOf("IEM");
    const tm = await idOf("TM");
    const izm = await idOf("IZM");
    const am = await idOf("ĀM");
    const vm = await idOf("VM");
    const vp = await idOf("VP");
    expect([lm, iem, tm, izm, am, vm, vp].every((id) => id > 0)).toBe(true);
    // LM and IEM share a channel Slack said the app is not in; TM has none; IZM an empty one.
    await setMapping(db, lm, "C0SHARED1", [], NOW);
    await setMapping(db, iem, "C0SHARED1", [], NOW);
    await recordChannelCheck(db, "C0SHARED1", "not_member", NOW);
    await setMapping(db, tm, null, [], NOW);
    await db
      .updateTable("institutions")
      .set({ slack_channel_id: "" })
      .where("id", "=", izm)
      .execute();
    await recordChannelCheck(db, "", "archived", NOW);
    // ĀM's channel is fine; VM's was not found, but a reminder was sent there since.
    await setMapping(db, am, "C0AM00001", [], NOW);
    await recordChannelCheck(db, "C0AM00001", "ok", NOW);
    await setMapping(db, vm, "C0VM00001", [], NOW);
    await recordChannelCheck(db, "C0VM00001", "not_found", "2026-12-01T09:00:00.000Z");
    const programme = await currentProgramme(db);
    const cutoff = await insertCutoff(db, {
      programmeId: programme?.id ?? 0,
      at: "2026-12-20T21:59:59.999Z",
      title: "Starpziņojums",
      taskNumbers: null,
      createdBy: "U0SEC",
      createdAt: NOW,
    });
    await db
      .insertInto("reminders")
      .values({
        cutoff_id: cutoff.id,
        institution_id: vm,
        kind: "before-P7D",
        scheduled_at: "2026-12-01T09:30:00.000Z",
        cutoff_at: cutoff.at,
        state: "sent",
        channel_id: "C0VM00001",
        message_ts: "1.1",
        sent_at: "2026-12-01T09:30:00.000Z",
        detail: null,
      })
      .execute();
    // A state this version does not know (written by a newer one) counts as none.
    await setMapping(db, vp, "C0SHARED2", [], NOW);
    await db
      .insertInto("channel_checks")
      .values({ channel_id: "C0SHARED2", state: "frozen", checked_at: NOW })
      .execute();
    const found = await unreachableInstitutions(db);
    expect([...found].sort((a, b) => a[0] - b[0])).toEqual(
      [
        [lm, "not_member"],
        [iem, "not_member"],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
    expect(found).toEqual((await channelReach(db)).unreachable);
    expect((await programmeContext(db, clock)).unreachable).toEqual(found);
  });
});
