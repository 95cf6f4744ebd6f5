/**
 * The programme context (`commands/programme-context.ts`) holds, with the cut-offs shown, the
 * institutions whose channel is known unreachable (`channelReach`, the digest's rule): read once
 * per store version, like the rest of it, not by every `/task N`; a commit (a channel check, a
 * new mapping) is seen at once. On SQLite or PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { programmeContext } from "../../commands/programme-context.ts";
import { recordChannelCheck } from "../../db/channel-checks.ts";
import type { Db } from "../../db/client.ts";
import { setMapping } from "../../db/contacts.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
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
