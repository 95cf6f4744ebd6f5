/**
 * Every edit and withdrawal of a reply is in exactly one digest: digests built one after another,
 * each posted, read edits and withdrawals in [previous digest's builtAt, own builtAt), as new
 * replies are read, and a reply new in a digest — the first one too — is marked edited there
 * when it was edited after it was stored. An edit made while a digest is being built (stored after its `now`, before it
 * reads the store) is not in it — neither as a mark on a new reply nor as an edited one — and the
 * next digest lists it; one made at the very instant a digest was built is the next one's.
 * Real store (SQLite, or PostgreSQL with TEST_DATABASE=postgres), the digest's own builder.
 */
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.ts";
import { insertDigest } from "../../db/digests.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { editReply, insertReply, listNamedReplies, withdrawReply } from "../../db/replies.ts";
import { buildDigestModel, EPOCH } from "../../src/digest/build.ts";
import type { DigestModel } from "../../src/digest/model.ts";
import { importedStore } from "../helpers/store.ts";
import { NOW, scriptStore } from "./support.ts";

const ZONE = "Europe/Riga";
const at = (iso: string, seconds: number) =>
  DateTime.fromISO(iso).toUTC().plus({ seconds }).toISO() ?? "";
/** The digests' build times: D0 (the first), D1, D2, D3 an hour apart each. */
const D = [NOW, at(NOW, 3600), at(NOW, 7200), at(NOW, 10800)] as const;

let db: Db;
const digests: DigestModel[] = [];

async function build(now: string): Promise<DigestModel> {
  const model = await buildDigestModel(db, { now: DateTime.fromISO(now), zone: ZONE });
  const programme = await currentProgramme(db);
  await insertDigest(db, {
    programmeId: programme?.id ?? 0,
    requestKey: `edit-windows-${digests.length}`,
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

/** Every edit a digest shows — a marked new reply or an edited one — as "CODE number @edited". */
function editsIn(model: DigestModel): string[] {
  return [...model.replies, ...(model.editedReplies ?? [])]
    .filter((r) => r.edited !== undefined)
    .map((r) => `${r.institution} ${r.number} @${r.edited}`);
}

const withdrawalsIn = (model: DigestModel) =>
  (model.withdrawn ?? []).map((w) => `${w.institution} ${w.number} @${w.at}`);

/** The edits and withdrawals made, each with the digest that must list it. */
const expected: Array<{ event: string; digest: number }> = [];

beforeAll(async () => {
  ({ db } = await importedStore());
  const { currentId } = await scriptStore(db);
  const named = await listNamedReplies(db, currentId);
  const id = (code: string, number: string) =>
    named.find((r) => r.institutionCode === code && r.taskNumber === number)?.id ?? 0;
  const edit = async (code: string, number: string, when: string, digest: number) => {
    await editReply(db, id(code, number), `${number}: labots ${when}`, when);
    expected.push({ event: `${code} ${number} @${when}`, digest });
  };
  // Edited before the first digest, which lists the reply as new: marked there, once.
  await edit("AiM", "13.2", at(D[0], -3600), 0);
  await build(D[0]);
  // A reply new in D1 (stored after D0), edited while D1 is being built: D2's edit.
  const tm = await findInstitution(db, "TM");
  const task = await db
    .selectFrom("tasks")
    .select("id")
    .where("number", "=", "13.4")
    .executeTakeFirstOrThrow();
  const { reply: fresh } = await insertReply(db, {
    cutoffId: currentId,
    institutionId: tm?.id ?? 0,
    taskId: task.id,
    channelId: "C0TM",
    ts: "1790000000.000100",
    threadTs: null,
    userId: "U0TMOK",
    text: "13.4: Melnraksts.",
    files: [],
    statusClaim: null,
    verified: true,
    source: "event",
    receivedAt: at(D[0], 600),
  });
  await edit("LM", "2", at(D[0], 1800), 1);
  // Made while D1 is built: its `now` is D[1], the store already holds them when it reads.
  await edit("IEM", "17", at(D[1], 1), 2);
  await editReply(db, fresh.id, "13.4: Galīgais.", at(D[1], 2));
  expected.push({ event: `TM 13.4 @${at(D[1], 2)}`, digest: 2 });
  // At the very instant D1 is built: D2's, as a reply stored then is.
  await edit("AiM", "13.2", D[1], 2);
  await withdrawReply(db, id("LM", "19"), at(D[1], 3));
  expected.push({ event: `LM 19 @${at(D[1], 3)}`, digest: 2 });
  await build(D[1]);
  await edit("LM", "20", at(D[1], 900), 2);
  await build(D[2]);
  await build(D[3]);
});
afterAll(async () => {
  await db?.destroy();
});

describe("edits and withdrawals across consecutive digests", () => {
  it("lists each in exactly one digest: the one whose window holds its time", () => {
    const shown = digests.map((d) => [...editsIn(d), ...withdrawalsIn(d)]);
    for (const { event, digest } of expected) {
      const where = shown.flatMap((events, i) => (events.includes(event) ? [i] : []));
      expect({ event, where }).toEqual({ event, where: [digest] });
    }
    // Nothing else is listed as changed, and nothing twice in one digest.
    expect(shown.flat().sort()).toEqual(expected.map((e) => e.event).sort());
  });

  it("shows the reply new in D1 unmarked there, and as edited in D2", () => {
    const d1 = digests[1]?.replies.find((r) => r.institution === "TM");
    expect(d1).toBeDefined();
    expect(d1?.edited).toBeUndefined();
    expect(digests[2]?.editedReplies?.map((r) => r.institution)).toContain("TM");
    expect(digests[2]?.replies.some((r) => r.institution === "TM")).toBe(false);
  });
});
