import type { Db } from "../../db/client.ts";
import { insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution, listInstitutions } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { markSent, markSkipped, upsertPlannedReminder } from "../../db/reminders.ts";
import { insertReply } from "../../db/replies.ts";
import { report } from "../helpers/store.ts";

/** The instant the scripted digests are built at (the current cut-off is ahead). */
export const NOW = "2027-01-20T10:00:00.000Z";
/** The passed cut-off and the current one. */
export const PAST_CUTOFF_AT = "2026-12-15T21:59:59.999Z";
export const CUTOFF_AT = "2027-02-01T21:59:59.999Z";

/** One scripted reply: institution, task, verified by a contact, status claim. */
export interface Scripted {
  code: string;
  number: string;
  verified: boolean;
  claim: string | null;
  cutoff: "past" | "current";
}

/** Replies to the current cut-off: LM and AiM answer everything, IEM three, ĀM one unverified. */
export const CURRENT_REPLIES: Scripted[] = [
  { code: "IEM", number: "1", verified: true, claim: "partial", cutoff: "current" },
  { code: "IEM", number: "17", verified: true, claim: "done", cutoff: "current" },
  { code: "IEM", number: "18", verified: false, claim: null, cutoff: "current" },
  ...["2", "10.1.2", "13.3", "18", "19", "20", "21"].map((number, i) => ({
    code: "LM",
    number,
    verified: true,
    claim: i % 2 === 0 ? "done" : "in_progress",
    cutoff: "current" as const,
  })),
  { code: "AiM", number: "13.2", verified: true, claim: "done", cutoff: "current" },
  { code: "ĀM", number: "11", verified: false, claim: "no_change", cutoff: "current" },
];

/** Replies to the passed cut-off: IEM answered two of its 13 tasks, nobody else anything. */
export const PAST_REPLIES: Scripted[] = [
  { code: "IEM", number: "1", verified: true, claim: null, cutoff: "past" },
  { code: "IEM", number: "17", verified: true, claim: null, cutoff: "past" },
];

/** The report's longest progress narratives, used as reply texts (the real long texts). */
export function longTexts(): string[] {
  return report()
    .tasks.map((t) => t.progress ?? "")
    .sort((a, b) => b.length - a.length);
}

/**
 * Records one reminder of `cutoff` (at `cutoffAt`, UTC ISO) for each institution id in `ids`,
 * sent (the digest rates only the cut-offs an institution was reminded for), or failed
 * "no_mapping" when `sent` is false (no channel: never reminded).
 */
export async function recordReminders(
  db: Db,
  cutoff: { id: number; at: string },
  ids: number[],
  sent = true,
): Promise<void> {
  for (const institutionId of ids) {
    const row = await upsertPlannedReminder(db, {
      cutoffId: cutoff.id,
      institutionId,
      kind: "test",
      scheduledAt: cutoff.at,
      cutoffAt: cutoff.at,
    });
    if (!sent) await markSkipped(db, row.id, "failed", "no_mapping");
    else
      await markSent(db, row.id, {
        channelId: `C0SENT${institutionId}`,
        messageTs: `1600000000.${String(row.id).padStart(6, "0")}`,
        at: cutoff.at,
      });
  }
}

/**
 * Adds the passed and the current cut-off (default scope) and the scripted replies, in the
 * channel of each institution, each text one of the report's long narratives; every institution
 * was reminded for the passed cut-off. Returns ids.
 */
export async function scriptStore(db: Db): Promise<{ pastId: number; currentId: number }> {
  const programme = await currentProgramme(db);
  if (!programme) throw new Error("no programme");
  const base = {
    programmeId: programme.id,
    taskNumbers: null,
    createdBy: "U0SEC",
    createdAt: "2026-12-01T08:00:00.000Z",
  };
  const past = await insertCutoff(db, { ...base, at: PAST_CUTOFF_AT, title: "Starpziņojums" });
  const current = await insertCutoff(db, {
    ...base,
    at: CUTOFF_AT,
    title: "Informatīvais ziņojums MK",
  });
  await recordReminders(
    db,
    past,
    (await listInstitutions(db)).map((i) => i.id),
  );
  const texts = longTexts();
  const tasks = await db.selectFrom("tasks").select(["id", "number"]).execute();
  let n = 0;
  for (const r of [...PAST_REPLIES, ...CURRENT_REPLIES]) {
    const inst = await findInstitution(db, r.code);
    const task = tasks.find((t) => t.number === r.number);
    if (!inst || !task) throw new Error(`unknown ${r.code} ${r.number}`);
    n++;
    const received =
      r.cutoff === "past" ? `2026-12-1${n % 5}T09:00:00.000Z` : `2027-01-1${n % 9}T09:00:00.000Z`;
    await insertReply(db, {
      cutoffId: r.cutoff === "past" ? past.id : current.id,
      institutionId: inst.id,
      taskId: task.id,
      channelId: `C0${r.code === "ĀM" ? "AM" : r.code.toUpperCase()}`,
      ts: `17${String(n).padStart(8, "0")}.000100`,
      threadTs: null,
      userId: `U0${r.code === "ĀM" ? "AM" : r.code.toUpperCase()}${r.verified ? "OK" : "XX"}`,
      text: `${r.number}: ${texts[n % texts.length]}`,
      files: [],
      statusClaim: r.claim,
      verified: r.verified,
      source: "event",
      receivedAt: received,
    });
  }
  return { pastId: past.id, currentId: current.id };
}
