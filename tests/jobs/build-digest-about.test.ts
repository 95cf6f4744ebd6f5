/**
 * A digest asked by hand is about the cut-off its request found, once (a reviewer's finding:
 * `digestCutoffOf` ran twice per `/digest`, in the repeat check and again in the build): `/digest`
 * and the App Home's button pass the cut-off the repeat check compared to the job
 * (`aboutCutoffId`, src/digest/repeat.ts `manualRequest`), and the build uses it — that cut-off,
 * none when the request found none, the active one when it has been removed since, belongs to
 * another programme now (the programme switched) or the job was queued before the field was kept. The job against the real store (SQLite or PostgreSQL), the
 * emulator and a private Redis; the requests through the real app's signed endpoint.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { insertCutoff, removeCutoff } from "../../db/cutoffs.ts";
import { listDigests } from "../../db/digests.ts";
import { setSetting } from "../../db/settings.ts";
import { buildDigest } from "../../jobs/index.ts";
import type { DigestModel } from "../../src/digest/model.ts";
import { ActionId } from "../../src/slack/ids.ts";
import { fixedClock } from "../../src/time.ts";
import { NOW, scriptStore } from "../digest/support.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { type JobWorld, jobWorld } from "../helpers/jobs.ts";

const WG = "C0WG";
const SECRETARY = "U0SEC";

describe("build-digest, a manual digest's cut-off", () => {
  const clock = fixedClock(NOW);
  let w: JobWorld;
  let pastId: number;
  let currentId: number;
  let n = 0;

  beforeEach(async () => {
    w = await jobWorld({
      clock,
      config: { secretaryUserIds: [SECRETARY], workgroupChannelId: WG },
    });
    w.emulator.addChannel({ id: WG, name: "darba-grupa" });
    ({ pastId, currentId } = await scriptStore(w.db));
  });
  afterEach(async () => {
    await w.stop();
  });

  /** Runs a manual job with `about` (absent when undefined); the digest it stored, as a model. */
  async function built(about?: number | null): Promise<DigestModel> {
    const data: buildDigest.Data = {
      key: `manual-about-${++n}`,
      kind: "manual",
      at: NOW,
      requestedBy: SECRETARY,
      ...(about === undefined ? {} : { aboutCutoffId: about }),
    };
    expect(await buildDigest.process(data, w.deps)).toBe("posted");
    const digest = (await listDigests(w.db)).find((d) => d.requestKey === data.key);
    return JSON.parse(digest?.content ?? "{}") as DigestModel;
  }

  it("is the one the request found, even when another is active at the build", async () => {
    // At NOW the active cut-off is the current one; the request named the earlier one.
    expect((await built(pastId)).cutoff?.id).toBe(pastId);
  });

  it("none when the request found none; the active one when absent (queued before)", async () => {
    expect((await built(null)).cutoff).toBeNull();
    expect((await built()).cutoff?.id).toBe(currentId);
  });

  it("the active one when the request's has been removed since", async () => {
    await removeCutoff(w.db, pastId, NOW);
    expect((await built(pastId)).cutoff?.id).toBe(currentId);
  });

  it("the active one when the request's belongs to another programme now (switched)", async () => {
    const other = await w.db
      .insertInto("programmes")
      .values({ code: "2014-2020", title: "Otrā programma", source: null, created_at: NOW })
      .returning("id")
      .executeTakeFirstOrThrow();
    await setSetting(w.db, "current_programme", "2014-2020", SECRETARY, NOW);
    // The new programme's cut-off comes first, so it is the active one at the build.
    const next = await insertCutoff(w.db, {
      programmeId: other.id,
      at: "2027-01-25T21:59:59.999Z",
      title: "Jaunās programmas termiņš",
      taskNumbers: null,
      createdBy: SECRETARY,
      createdAt: NOW,
    });
    expect((await built(pastId)).cutoff?.id).toBe(next.id);
  });

  it("absent, after a switch: the new programme's, though the old one's comes first", async () => {
    const other = await w.db
      .insertInto("programmes")
      .values({ code: "2014-2020", title: "Otrā programma", source: null, created_at: NOW })
      .returning("id")
      .executeTakeFirstOrThrow();
    await setSetting(w.db, "current_programme", "2014-2020", SECRETARY, NOW);
    // The old programme's cut-off (1 February) is still ahead and before the new one's.
    const next = await insertCutoff(w.db, {
      programmeId: other.id,
      at: "2027-03-01T21:59:59.999Z",
      title: "Jaunās programmas termiņš",
      taskNumbers: null,
      createdBy: SECRETARY,
      createdAt: NOW,
    });
    expect((await built()).cutoff?.id).toBe(next.id);
  });
});

describe("/digest and the Home button pass the cut-off their repeat check found", () => {
  const clock = fixedClock(NOW);
  let t: TestApp;
  let currentId: number;

  beforeAll(async () => {
    t = await startTestApp({
      clock,
      worker: false,
      config: { secretaryUserIds: [SECRETARY], workgroupChannelId: WG },
    });
    t.emulator.addUser({ id: SECRETARY, name: "sekretare", locale: "lv-LV" });
    t.emulator.addChannel({ id: WG, name: "darba-grupa" });
    ({ currentId } = await scriptStore(t.app.db));
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
  });

  /** The queued manual job asked by the secretary at `at`. */
  async function queued(at: string) {
    const key = buildDigest.manualKey(SECRETARY, at);
    const job = await t.app.queue?.getJob(buildDigest.jobId({ key } as buildDigest.Data));
    return job?.data as buildDigest.Data | undefined;
  }

  it("/digest", async () => {
    const res = await t.slack.command("/digest", "", { userId: SECRETARY, channelId: "C0LOCAL01" });
    expect(res.status).toBe(200);
    expect((await queued(NOW))?.aboutCutoffId).toBe(currentId);
  });

  it("the Home button", async () => {
    // One manual job per window waits at a time (BullMQ deduplication): the first one goes.
    const first = buildDigest.jobId({
      key: buildDigest.manualKey(SECRETARY, NOW),
    } as buildDigest.Data);
    await (await t.app.queue?.getJob(first))?.remove();
    const at = new Date(Date.parse(NOW) + 120_000).toISOString();
    clock.set(at);
    const res = await t.slack.blockAction({ actionId: ActionId.digestRequest, userId: SECRETARY });
    expect(res.status).toBe(200);
    // The button answers at once; the job is queued after the acknowledgement.
    await expect
      .poll(async () => (await queued(at))?.aboutCutoffId, { timeout: 10_000 })
      .toBe(currentId);
  });
});
