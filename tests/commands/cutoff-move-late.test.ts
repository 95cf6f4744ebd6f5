/**
 * `/cutoff move` of a passed cut-off into the future takes the late mark off the replies that
 * came in after its old time: the mark is read off `receivedAt` against the cut-off's present
 * instant (`/task`, the digest, the annex, `replies`), while each author was told privately the
 * reply was late. The answer says how many (a fresh user's finding: nothing said it).
 */
import { describe, expect, it } from "vitest";
import { handle, parse } from "../../commands/cutoff.ts";
import { lateNoMore } from "../../commands/cutoff-moved.ts";
import { listCutoffs } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { insertReply, withdrawReply } from "../../db/replies.ts";
import { cutoffText } from "../../src/i18n/cutoff.ts";
import { adminSuite, as, runTask, SECRETARY, shown } from "./admin-support.ts";

const w = adminSuite({ now: "2026-12-01T10:00:00Z" });

const run = async (text: string, locale: "lv" | "en" = "lv") =>
  shown(await handle(parse(text), w.deps, as(SECRETARY, locale)));

/** Cut-off #1 on 2 December 12:00 Riga (10:00 UTC) for task 14 (LM's), and LM's replies to it. */
async function passedWithReplies(receivedAt: readonly string[]): Promise<number[]> {
  await run("add 2026-12-02 12:00 --tasks 14 Pārbaude");
  const [cutoff] = await listCutoffs(w.db);
  const lm = await findInstitution(w.db, "LM");
  const task = await w.db
    .selectFrom("tasks")
    .select("id")
    .where("number", "=", "14")
    .executeTakeFirstOrThrow();
  if (!cutoff || !lm) throw new Error("no cut-off or LM");
  const ids: number[] = [];
  for (const [i, at] of receivedAt.entries()) {
    const { reply } = await insertReply(w.db, {
      cutoffId: cutoff.id,
      institutionId: lm.id,
      taskId: task.id,
      channelId: "C0LM",
      ts: `1800000000.00010${i}`,
      threadTs: "1790000000.000100",
      userId: "U0ANNA",
      text: `14: atbilde ${i}`,
      files: [],
      statusClaim: null,
      verified: true,
      source: "event",
      receivedAt: at,
    });
    ids.push(reply.id);
  }
  w.clock.set("2026-12-03T10:00:00Z");
  return ids;
}

describe("/cutoff move of a passed cut-off with late replies", () => {
  it("says how many replies will no longer be marked late (lv), and it holds in /task", async () => {
    // In time; late; late; late but withdrawn (shown withdrawn, not late: not counted).
    const [, , , withdrawn] = await passedWithReplies([
      "2026-12-02T09:00:00.000Z",
      "2026-12-02T15:00:00.000Z",
      "2026-12-03T08:00:00.000Z",
      "2026-12-03T09:00:00.000Z",
    ]);
    await withdrawReply(w.db, withdrawn ?? 0, "2026-12-03T09:30:00.000Z");
    const before = (await runTask(w.deps, "14", SECRETARY)).shown;
    expect(before).toContain("pēc ziņošanas termiņa");
    const lv = await run("move 1 2026-12-10");
    expect(lv).toContain(
      "⚠️ 2 atbildes saņemtas pēc iepriekšējā laika, bet pirms jaunā: /task, kopsavilkumā un pielikumā tās vairs nebūs atzīmētas „pēc ziņošanas termiņa”, lai gan to autoriem tika paziņots, ka atbildes novēlotas.",
    );
    // What the answer says holds: /task no longer marks them.
    expect((await runTask(w.deps, "14", SECRETARY)).shown).not.toContain("pēc ziņošanas termiņa");
    // A move back to an earlier (still future) time leaves none of them late again.
    expect(await run("move 1 2026-12-09")).not.toContain("pēc iepriekšējā laika");
  });

  it("names one reply in the singular, and says nothing when none was late (lv, en)", async () => {
    await passedWithReplies(["2026-12-02T09:00:00.000Z", "2026-12-02T15:00:00.000Z"]);
    const en = await run("move 1 2026-12-10", "en");
    expect(en).toContain(
      "⚠️ 1 reply came in after the earlier time but before the new one: /task, the digest and the annex will no longer mark it “after the reporting cut-off”, though its author was told it was late.",
    );
    expect(cutoffText("lv").movedLate(1)).toBe(
      "⚠️ 1 atbilde saņemta pēc iepriekšējā laika, bet pirms jaunā: /task, kopsavilkumā un pielikumā tā vairs nebūs atzīmēta „pēc ziņošanas termiņa”, lai gan tās autoram tika paziņots, ka atbilde novēlota.",
    );
    expect(cutoffText("en").movedLate(3)).toContain("3 replies came in");
  });

  it("lateNoMore counts those received after the old time, at or before the new one", () => {
    const r = (receivedAt: string, withdrawnAt: string | null = null) => ({
      receivedAt,
      withdrawnAt,
    });
    const from = "2026-12-02T10:00:00.000Z";
    const to = "2026-12-10T21:59:00.000Z";
    expect(
      lateNoMore(
        [
          r("2026-12-02T10:00:00.000Z"),
          r("2026-12-02T10:00:00.001Z"),
          r("2026-12-10T21:59:00.000Z"),
          r("2026-12-10T21:59:00.001Z"),
          r("2026-12-03T00:00:00.000Z", "2026-12-03T01:00:00.000Z"),
        ],
        from,
        to,
      ),
    ).toBe(2);
    expect(lateNoMore([r("2026-12-03T00:00:00.000Z")], to, from)).toBe(0);
  });
});
