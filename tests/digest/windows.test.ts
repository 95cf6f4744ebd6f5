/**
 * Each stored reply is new in exactly one digest. A digest built at `now` lists the replies
 * stored in [since, now), and the next one's `since` is that `now` (the previous digest's
 * `builtAt`), not a session held in between: a reply stored after a digest's instant (while it
 * was being built, or with the app's clock behind) is the next digest's, and one stored between
 * a digest and a later session is not skipped. The real build-digest job (posted through the
 * emulator, stored), a fixed app clock, the store's real replies; both stores.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { insertReply } from "../../db/replies.ts";
import { insertSession } from "../../db/sessions.ts";
import { buildDigest } from "../../jobs/index.ts";
import { EPOCH } from "../../src/digest/build.ts";
import type { DigestModel } from "../../src/digest/model.ts";
import { fixedClock } from "../../src/time.ts";
import { type JobWorld, jobWorld } from "../helpers/jobs.ts";
import { NOW, scriptStore } from "./support.ts";

const WG = "C0WG";
const clock = fixedClock(NOW);
let w: JobWorld;
let cutoffId: number;
let digests: DigestModel[];

/** `NOW` plus `minutes` (UTC ISO). */
function at(minutes: number): string {
  return new Date(Date.parse(NOW) + minutes * 60_000).toISOString();
}

beforeEach(async () => {
  clock.set(NOW);
  digests = [];
  w = await jobWorld({ clock, config: { workgroupChannelId: WG } });
  w.emulator.addChannel({ id: WG, name: "darba-grupa" });
  ({ currentId: cutoffId } = await scriptStore(w.db));
});
afterEach(async () => {
  await w.stop();
});

/** Builds and posts a `/digest` at `iso` on the app's clock (the real job); returns its model. */
async function digestAt(iso: string): Promise<DigestModel> {
  clock.set(iso);
  const key = `manual-window-${digests.length + 1}`;
  const data = { key, kind: "manual" as const, at: iso, requestedBy: "U0SEC" };
  expect(await buildDigest.process(data, w.deps)).toBe("posted");
  const stored = await w.db
    .selectFrom("digests")
    .select(["content", "built_at", "since", "posted_at"])
    .where("request_key", "=", key)
    .executeTakeFirstOrThrow();
  expect(stored.posted_at).not.toBeNull();
  const model = JSON.parse(stored.content) as DigestModel;
  // Stored as built: the next digest starts at this `builtAt` (null since: from EPOCH).
  expect([model.builtAt, model.since ?? EPOCH]).toEqual([stored.built_at, stored.since]);
  digests.push(model);
  return model;
}

/** LM's reply `text` to the current cut-off, sent at `sent` and stored at `stored` (UTC ISO). */
async function lmReply(ts: string, text: string, sent: string, stored: string): Promise<void> {
  const lm = await findInstitution(w.db, "LM");
  if (!lm) throw new Error("no LM");
  await insertReply(w.db, {
    cutoffId,
    institutionId: lm.id,
    taskId: null,
    channelId: "C0LM",
    ts,
    threadTs: null,
    userId: "U0LMOK",
    text,
    files: [],
    statusClaim: null,
    verified: true,
    source: "event",
    receivedAt: sent,
    storedAt: stored,
  });
}

/** The new replies' texts (excerpts) of `model`. */
function texts(model: DigestModel): string[] {
  return model.replies.map((r) => r.excerpt);
}

/** How many of `digests` list each reply of the store as new, by its Slack link. */
async function timesListed(): Promise<Map<string, number>> {
  const rows = await w.db.selectFrom("replies").select(["channel_id", "ts"]).execute();
  const links = rows.map(
    (r) => `https://slack.com/archives/${r.channel_id}/p${r.ts.replace(".", "")}`,
  );
  const shown = digests.flatMap((d) => d.replies.map((r) => r.link));
  return new Map(links.map((l) => [l, shown.filter((s) => s === l).length]));
}

describe("the digest's new replies: [since, now), the next since this now", () => {
  it("a reply stored after a digest's instant is in the next digest only", async () => {
    // Stored while the first digest was being built (its instant NOW already taken), and one
    // stored at that very instant: neither is in it.
    await lmReply("1800000001.000100", "Pēc kopsavilkuma", at(-1), at(5));
    await lmReply("1800000002.000100", "Tieši tad", at(-1), NOW);
    const first = await digestAt(NOW);
    expect(texts(first)).not.toContain("Pēc kopsavilkuma");
    expect(texts(first)).not.toContain("Tieši tad");
    expect(first.replies.length).toBeGreaterThan(0);

    const second = await digestAt(at(60));
    expect(second.since).toBe(first.builtAt);
    expect(second.previous?.builtAt).toBe(first.builtAt);
    expect(texts(second)).toEqual(["Pēc kopsavilkuma", "Tieši tad"]);
    // Sent before the first digest's instant, stored at or after it: marked with when stored.
    expect(second.replies.map((r) => r.storedAt)).toEqual([at(5), NOW]);

    expect(texts(await digestAt(at(120)))).toEqual([]);
    expect(new Set((await timesListed()).values())).toEqual(new Set([1]));
  });

  it("digest → reply → session → digest: the reply before the session is not skipped", async () => {
    const programme = await currentProgramme(w.db);
    if (!programme) throw new Error("no programme");
    const first = await digestAt(NOW);
    await lmReply("1800000003.000100", "Pirms sēdes", at(30), at(30));
    await insertSession(w.db, {
      programmeId: programme.id,
      at: at(60),
      title: "Darba grupas sēde",
      createdBy: "U0SEC",
      createdAt: at(-600),
    });
    await lmReply("1800000004.000100", "Pēc sēdes", at(90), at(90));
    const second = await digestAt(at(120));
    // Since the previous digest, not since the later session.
    expect(second.since).toBe(first.builtAt);
    expect(texts(second)).toEqual(["Pirms sēdes", "Pēc sēdes"]);
    expect(texts(await digestAt(at(180)))).toEqual([]);
    expect(new Set((await timesListed()).values())).toEqual(new Set([1]));
  });
});
