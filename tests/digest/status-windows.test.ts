/**
 * Every status change is in exactly one digest: digests built one after another, each posted,
 * read status changes in [previous digest's builtAt, own builtAt), as they read new replies and
 * edits (edit-windows.test.ts). A change made while a digest is being built (recorded after its
 * `now`, before it reads the store) is not in it, and the next digest lists it; one made at the
 * very instant a digest was built is the next one's. Real store (SQLite, or PostgreSQL with
 * TEST_DATABASE=postgres), `/task N set status`'s own handler, the digest's builder.
 */
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { insertDigest } from "../../db/digests.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { buildDigestModel, EPOCH } from "../../src/digest/build.ts";
import type { DigestModel } from "../../src/digest/model.ts";
import { nothingNewSince } from "../../src/digest/repeat.ts";
import { runTask, SECRETARY, storeDeps } from "../commands/admin-support.ts";
import { importedStore } from "../helpers/store.ts";

const ZONE = "Europe/Riga";
const at = (iso: string, seconds: number) =>
  DateTime.fromISO(iso).toUTC().plus({ seconds }).toISO() ?? "";
/** The digests' build times: D0 (the first), D1, D2, D3 an hour apart each. */
const START = "2026-12-01T10:00:00.000Z";
const D = [START, at(START, 3600), at(START, 7200), at(START, 10800)] as const;

let db: Db;
const digests: DigestModel[] = [];

async function build(now: string): Promise<DigestModel> {
  const model = await buildDigestModel(db, { now: DateTime.fromISO(now), zone: ZONE });
  const programme = await currentProgramme(db);
  await insertDigest(db, {
    programmeId: programme?.id ?? 0,
    requestKey: `status-windows-${digests.length}`,
    kind: "manual",
    since: model.since ?? EPOCH,
    builtAt: model.builtAt,
    requestedBy: "U0SEC",
    locale: "lv",
    sessionId: null,
    cutoffId: null,
    content: JSON.stringify(model),
    postedAt: model.builtAt,
  });
  digests.push(model);
  return model;
}

/** The status changes a digest lists, as "number → status @at". */
const changesIn = (model: DigestModel) =>
  model.statusChanges.map((c) => `${c.number} → ${c.after} @${c.at}`);

/** The status changes made, each with the digest that must list it. */
const expected: Array<{ event: string; digest: number }> = [];

/** `/task N set status S` by the secretary at `when` (the handler's clock), due in `digest`. */
async function setStatus(number: string, status: string, when: string, digest: number) {
  const set = await runTask(storeDeps(db, when), `${number} set status ${status}`, SECRETARY);
  expect(set.shown, set.shown).toContain(`*${number}*`);
  expected.push({ event: `${number} → ${status} @${when}`, digest });
}

beforeAll(async () => {
  ({ db } = await importedStore());
  // Start every task used from a status none of the changes below sets.
  await db
    .updateTable("tasks")
    .set({ status: "not_done" })
    .where("number", "in", ["1", "2", "3", "4", "5", "6"])
    .execute();
  // Before the first digest: its own.
  await setStatus("1", "done", at(D[0], -60), 0);
  await build(D[0]);
  // At the very instant D0 was built: D1's, as a reply stored then is.
  await setStatus("2", "partial", D[0], 1);
  await setStatus("3", "ongoing", at(D[0], 1800), 1);
  // Made while D1 is built: its `now` is D[1], the store already holds them when it reads.
  await setStatus("4", "done", at(D[1], 1), 2);
  await setStatus("1", "partial", at(D[1], 2), 2);
  await setStatus("5", "done", D[1], 2);
  await build(D[1]);
  await setStatus("6", "ongoing", at(D[1], 900), 2);
  await build(D[2]);
  await build(D[3]);
});
afterAll(async () => {
  await db?.destroy();
});

describe("status changes across consecutive digests", () => {
  it("lists each in exactly one digest: the one whose window holds its time", () => {
    const shown = digests.map(changesIn);
    for (const { event, digest } of expected) {
      const where = shown.flatMap((events, i) => (events.includes(event) ? [i] : []));
      expect({ event, where }).toEqual({ event, where: [digest] });
    }
    // Nothing else is listed, and nothing twice in one digest.
    expect(shown.flat().sort()).toEqual(expected.map((e) => e.event).sort());
    expect(digests[3]?.statusChanges).toEqual([]);
  });

  it("a repeat check reads the same window: a change at or after its end is not new there", async () => {
    const programme = (await currentProgramme(db))?.code ?? "";
    // [D0, D1) holds 2 and 3; [D2, D3) nothing; [D1, D1 + 1 s) the change made at D1 itself.
    expect(await nothingNewSince(db, programme, D[0], D[1])).toBe(false);
    expect(await nothingNewSince(db, programme, D[2], D[3])).toBe(true);
    expect(await nothingNewSince(db, programme, D[1], at(D[1], 1))).toBe(false);
    expect(await nothingNewSince(db, programme, at(D[1], 3), at(D[1], 900))).toBe(true);
  });
});
