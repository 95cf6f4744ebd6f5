/**
 * The repeat rule of the working group's digests (src/digest/repeat.ts), one for `/digest`, the
 * CLI's `digest --post` and the after-cut-off digest: a request repeats the newest digest built
 * for the working group (by hand or after a cut-off) within the minute before it, for the same
 * window and cut-off, when nothing new has been stored since — no reply received, edited or
 * withdrawn, no status change. Real store (SQLite, or PostgreSQL with TEST_DATABASE=postgres).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { repliesChangedSince, repliesSince, statusChangesSince } from "../../db/activity.ts";
import { recordAudit } from "../../db/audit.ts";
import type { Db } from "../../db/client.ts";
import { insertDigest, type StoredDigest } from "../../db/digests.ts";
import { currentProgramme, type Programme } from "../../db/programmes.ts";
import { editReply, withdrawReply } from "../../db/replies.ts";
import { nothingNewSince, REPEAT_WINDOW_MS, repeatOf } from "../../src/digest/repeat.ts";
import { importedStore } from "../helpers/store.ts";
import { storeReply } from "../integration/support/replies.ts";
import { scriptStore } from "./support.ts";

const BUILT = "2027-01-20T10:00:00.000Z";
const at = (seconds: number) => new Date(Date.parse(BUILT) + seconds * 1000).toISOString();

let db: Db;
let programme: Programme;
let cutoffId: number;
let n = 0;

beforeEach(async () => {
  ({ db } = await importedStore());
  ({ currentId: cutoffId } = await scriptStore(db));
  const found = await currentProgramme(db);
  if (!found) throw new Error("no programme");
  programme = found;
});

/** Records a status change of task 14 (done → partial) by the secretary at `when`. */
function changeStatus(when: string): Promise<void> {
  return recordAudit(db, [
    {
      at: when,
      actor: "U0SEC",
      entity: "task",
      entityKey: `${programme.code}:14`,
      action: "update",
      field: "status",
      before: "done",
      after: "partial",
    },
  ]);
}

/** Stores a digest of `kind` built at `builtAt` for window `asked`, about cut-off `cutoff`. */
function store(
  kind: "manual" | "cutoff" | "session",
  builtAt: string,
  o: { asked?: string | null; cutoff?: number | null; posted?: boolean } = {},
): Promise<StoredDigest> {
  const cutoff = o.cutoff === undefined ? cutoffId : o.cutoff;
  return insertDigest(db, {
    programmeId: programme.id,
    requestKey: `${kind}-${++n}`,
    kind,
    since: "1970-01-01T00:00:00.000Z",
    builtAt,
    requestedBy: kind === "manual" ? "U0SEC" : "schedule",
    locale: "lv",
    sessionId: null,
    cutoffId: kind === "cutoff" ? cutoff : null,
    content: JSON.stringify({
      programme: { code: programme.code, title: programme.title },
      requestedSince: o.asked ?? null,
      cutoff: cutoff === null ? null : { id: cutoff },
    }),
    postedAt: o.posted === false ? null : builtAt,
  });
}

const asked = (seconds: number, since: string | null = null, cutoff: number | null = cutoffId) =>
  repeatOf(db, { since, at: at(seconds), cutoffId: cutoff });

describe("the repeat rule", () => {
  it("a digest by hand or after a cut-off, for the same window and cut-off, within the minute", async () => {
    const auto = await store("cutoff", BUILT);
    expect((await asked(40))?.id).toBe(auto.id);
    // Another window, another cut-off, a minute later: no repeat.
    expect(await asked(40, "2026-10-31T22:00:00.000Z")).toBeUndefined();
    expect(await asked(40, null, null)).toBeUndefined();
    expect(await asked(REPEAT_WINDOW_MS / 1000 + 0.001)).toBeUndefined();
    const dated = await store("manual", at(10), { asked: "2026-10-31T22:00:00.000Z" });
    expect((await asked(40, "2026-10-31T22:00:00.000Z"))?.id).toBe(dated.id);
    // A session's draft is not the working group's digest.
    await store("session", at(20));
    expect((await asked(40))?.id).toBe(auto.id);
    // The after-cut-off digest itself is never its own repeat.
    expect(await repeatOf(db, { since: null, at: BUILT, cutoffId, own: auto.id })).toBeUndefined();
  });

  it("is no repeat once anything a digest lists was stored since", async () => {
    await store("cutoff", BUILT);
    const reply = await storeReply(db, {
      code: "LM",
      cutoffId,
      task: "2",
      channelId: "C0LM",
      ts: "1800000001.000100",
      userId: "U0LMOK",
      text: "2: jauna",
      verified: true,
      receivedAt: at(5),
    });
    expect(await asked(4)).toBeDefined();
    expect(await asked(6)).toBeUndefined();

    const edited = await store("manual", at(10));
    expect((await asked(20))?.id).toBe(edited.id);
    await editReply(db, reply, "2: labota", at(15));
    expect(await asked(20)).toBeUndefined();

    const withdrawn = await store("manual", at(20));
    expect((await asked(30))?.id).toBe(withdrawn.id);
    await withdrawReply(db, reply, at(25));
    expect(await asked(30)).toBeUndefined();

    const status = await store("manual", at(30));
    expect((await asked(40))?.id).toBe(status.id);
    await changeStatus(at(35));
    expect(await asked(40)).toBeUndefined();
  });

  it("its check (one row at most) agrees with the digest's readers over every window", async () => {
    const reply = await storeReply(db, {
      code: "LM",
      cutoffId,
      task: "2",
      channelId: "C0LM",
      ts: "1800000001.000200",
      userId: "U0LMOK",
      text: "2: jauna",
      verified: true,
      receivedAt: at(5),
    });
    await editReply(db, reply, "2: labota", at(15));
    await withdrawReply(db, reply, at(25));
    await changeStatus(at(35));
    const code = programme.code;
    for (const [from, until] of [
      [0, 5],
      [5, 6],
      [6, 15],
      [15, 16],
      [16, 25],
      [25, 26],
      [26, 35],
      [35, 36],
      [36, 60],
      [0, 60],
    ] as const) {
      const [since, end] = [at(from), at(until)];
      const full =
        (await repliesSince(db, since, end)).length +
        (await repliesChangedSince(db, since, end)).length +
        (await statusChangesSince(db, code, since, end)).length;
      expect(await nothingNewSince(db, code, since, end), `[${from}, ${until})`).toBe(full === 0);
    }
    // The reply withdrawn at 25 s is no reply stored at 5 s any more, but a withdrawal at 25 s.
    expect(await nothingNewSince(db, code, at(5), at(6))).toBe(true);
    expect(await nothingNewSince(db, code, at(25), at(26))).toBe(false);
  });

  it("names the posted digest, not an after-cut-off one stored but never posted after it", async () => {
    const posted = await store("manual", BUILT);
    await store("cutoff", at(1), { posted: false });
    expect((await asked(30))?.id).toBe(posted.id);
    // One on its way and nothing posted: that one.
    const { db: other } = await importedStore();
    db = other;
    ({ currentId: cutoffId } = await scriptStore(db));
    const onItsWay = await store("manual", BUILT, { posted: false });
    expect((await asked(30))?.id).toBe(onItsWay.id);
  });

  it("names the posted digest an unposted after-cut-off one repeated, once that is out of the window", async () => {
    const posted = await store("manual", BUILT);
    await store("cutoff", at(50), { posted: false });
    // At 80 s only the after-cut-off digest (skipped, never posted) is within the minute: the
    // one it repeated is named, not it ("being posted" would be untrue).
    expect((await asked(80))?.id).toBe(posted.id);
  });
});
