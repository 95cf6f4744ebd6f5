import { Queue } from "bullmq";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { moveCutoff } from "../../db/cutoffs.ts";
import { listDigests } from "../../db/digests.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { insertSession, removeSession } from "../../db/sessions.ts";
import { setPreferredLocale } from "../../db/user-settings.ts";
import { buildDigest, QUEUE_NAME } from "../../jobs/index.ts";
import { planDigests } from "../../src/digest/schedule.ts";
import { validateBlocks } from "../../src/slack/block-limits.ts";
import { fixedClock } from "../../src/time.ts";
import { CUTOFF_AT, NOW, scriptStore } from "../digest/support.ts";
import { type JobWorld, jobWorld } from "../helpers/jobs.ts";

const WG = "C0WG";
const clock = fixedClock(NOW);
let w: JobWorld;
let cutoffId: number;

beforeEach(async () => {
  clock.set(NOW);
  w = await jobWorld({ clock, config: { secretaryUserIds: ["U0SEC"], workgroupChannelId: WG } });
  w.emulator.addChannel({ id: WG, name: "darba-grupa" });
  w.emulator.addUser({ id: "U0SEC", name: "sekretare", locale: "en-US" });
  // Slack's en-US is no signal (SLACK_LOCALE): she chose English on the App Home.
  await setPreferredLocale(w.db, "U0SEC", "en", NOW);
  ({ currentId: cutoffId } = await scriptStore(w.db));
});
afterEach(async () => {
  await w.stop();
});

const manual: buildDigest.Data = {
  key: "manual-test",
  kind: "manual",
  at: NOW,
  requestedBy: "U0SEC",
};

function shares(channel: string) {
  return w.emulator.messagesIn(channel).filter((m) => m.subtype === "file_share");
}

describe("build-digest", () => {
  it("posts once, whatever runs twice, and continues after a failure mid-way", async () => {
    w.emulator.failNext("files.completeUploadExternal", { error: "internal_error" });
    await expect(buildDigest.process(manual, w.deps)).rejects.toThrow();
    const before = w.emulator.messagesIn(WG).length;
    expect(await buildDigest.process(manual, w.deps)).toBe("posted");
    expect(await buildDigest.process(manual, w.deps)).toBe("posted");
    const messages = w.emulator.messagesIn(WG);
    expect(messages.filter((m) => m.thread_ts === undefined)).toHaveLength(1);
    expect(shares(WG)).toHaveLength(2);
    expect(messages.length).toBe(before + 2);
    for (const m of messages) if (m.blocks) expect(validateBlocks(m.blocks, "message")).toEqual([]);
    expect(await listDigests(w.db)).toHaveLength(1);
  });

  it("names the attachments by the day in Riga (22:30 UTC on the 29th is the 30th there)", async () => {
    const at = "2026-11-29T22:30:00.000Z";
    clock.set(at);
    expect(await buildDigest.process({ ...manual, key: "manual-midnight", at }, w.deps)).toBe(
      "posted",
    );
    const names = shares(WG).flatMap((m) => (m.files ?? []).map((f) => f.name));
    expect(names).toEqual([
      expect.stringMatching(/^kopsavilkums-\d+-2026-11-30\.png$/),
      expect.stringMatching(/^kopsavilkums-\d+-2026-11-30\.docx$/),
    ]);
  });

  it("at a cut-off, tells the working group who did not answer; a moved cut-off makes it stale", async () => {
    const data: buildDigest.Data = {
      key: `cutoff-${cutoffId}`,
      kind: "cutoff",
      at: "2027-02-02T07:00:00.000Z",
      requestedBy: "schedule",
      cutoffId,
      cutoffAt: CUTOFF_AT,
    };
    clock.set("2027-02-02T07:00:00Z");
    expect(await buildDigest.process(data, w.deps)).toBe("posted");
    const text = JSON.stringify(w.emulator.messagesIn(WG));
    expect(text).toContain("Ziņošanas termiņš pagājis: Informatīvais ziņojums MK");
    expect(text).toContain(
      `*Vēl nav atbildējušas uz #${cutoffId}:* ĀM (10.1.3, 11, 13.1, 21; nepārbaudīta atbilde: 11); IEM (10.1.1`,
    );
    await moveCutoff(w.db, cutoffId, "2027-03-01T21:59:59.999Z");
    expect(await buildDigest.process({ ...data, key: "other" }, w.deps)).toBe("stale");
  });

  it("sends a session's draft to each secretary's DM, in their language, with the post button", async () => {
    const programme = await currentProgramme(w.db);
    const s = await insertSession(w.db, {
      programmeId: programme?.id ?? 0,
      at: "2027-01-22T08:00:00.000Z",
      title: "Sēde",
      createdBy: "U0SEC",
      createdAt: NOW,
    });
    const data: buildDigest.Data = {
      key: "session-x",
      kind: "session",
      at: NOW,
      requestedBy: "schedule",
      sessionId: s.id,
      sessionAt: s.at,
    };
    expect(await buildDigest.process(data, w.deps)).toBe("drafted:1");
    const dm = w.emulator.messagesIn("D0SEC");
    expect(JSON.stringify(dm[0]?.blocks)).toContain("Post to the working group");
    expect(shares("D0SEC")).toHaveLength(2);
    await removeSession(w.db, s.id, NOW);
    expect(await buildDigest.process({ ...data, key: "session-y" }, w.deps)).toBe(
      "session_removed",
    );
  });
});

describe("planning the automatic digests", () => {
  it("plans a draft per session and a digest per cut-off with fixed ids, and removes stale ones", async () => {
    const queue = new Queue(QUEUE_NAME, { connection: w.connection, prefix: w.prefix });
    try {
      const programme = await currentProgramme(w.db);
      const s = await insertSession(w.db, {
        programmeId: programme?.id ?? 0,
        at: "2027-03-29T07:00:00.000Z",
        title: "Sēde",
        createdBy: "U0SEC",
        createdAt: NOW,
      });
      const deps = { db: w.db, config: w.deps.config, clock, queue };
      expect(await planDigests(deps)).toEqual({ scheduled: 2, removed: 0 });
      expect(await planDigests(deps)).toEqual({ scheduled: 2, removed: 0 });
      const jobs = await queue.getJobs(["delayed"]);
      const byKind = Object.fromEntries(jobs.map((j) => [(j.data as buildDigest.Data).kind, j]));
      expect(jobs).toHaveLength(2);
      const draft = byKind.session;
      expect(draft?.id).toBe(`digest-session-${s.id}-${Date.parse(s.at)}`);
      // Wednesday 24 March 2027 09:00 Riga (EET) = 07:00Z: Good Friday and Easter Monday skipped.
      expect(draft?.data.at).toBe("2027-03-24T07:00:00.000Z");
      expect(draft?.delay).toBe(Date.parse("2027-03-24T07:00:00Z") - Date.parse(NOW));
      const atCutoff = byKind.cutoff;
      expect(atCutoff?.data.at).toBe("2027-02-02T07:00:00.000Z");
      expect(atCutoff?.delay).toBe(Date.parse("2027-02-02T07:00:00Z") - Date.parse(NOW));
      await removeSession(w.db, s.id, NOW);
      expect(await planDigests(deps)).toEqual({ scheduled: 1, removed: 1 });
    } finally {
      await queue.close();
    }
  });
});
