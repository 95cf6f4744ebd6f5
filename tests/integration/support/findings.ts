/**
 * Suite hooks over the findings' app (tests/replies/findings-support.ts startFindingsApp: the
 * real app, worker and store, signed Events API callbacks, the emulator, the working group's
 * channel WG, logs watched down to debug), and a digest asked for on its queue as `/digest` does.
 */
import { afterAll, beforeAll } from "vitest";
import { findDigestByKey } from "../../../db/digests.ts";
import * as buildDigest from "../../../jobs/build-digest.ts";
import type { DigestModel } from "../../../src/digest/model.ts";
import type { TestApp } from "../../helpers/app.ts";
import type { LogWatch } from "../../helpers/log-watch.ts";
import { startFindingsApp, WG } from "../../replies/findings-support.ts";
import { nextLine, PEOPLE } from "../../replies/support.ts";

/**
 * Registers a suite's hooks: `beforeAll` starts the findings' app and hands it and its log
 * watch to `set` (which keeps them in the suite's own variables); `afterAll` stops it.
 */
export function findingsAppHooks(set: (app: { t: TestApp; logs: LogWatch }) => void): void {
  let t: TestApp | undefined;
  beforeAll(async () => {
    const started = await startFindingsApp();
    t = started.t;
    set(started);
  });
  afterAll(async () => {
    await t?.stop();
  });
}

/**
 * Asks for a digest as `/digest` does (a "manual" build-digest job by the secretary, since the
 * previous digest), waits until the real worker has posted it to the working group (its "digest
 * posted" log line), and returns its model as stored. Added to the app's queue directly:
 * `/digest` collapses repeats within a minute (MANUAL_REPEAT_MS, BullMQ deduplication on Redis's
 * clock), and suites ask several times in a few seconds.
 * @throws Error when the app has no queue.
 */
export async function manualDigest(t: TestApp, logs: LogWatch): Promise<DigestModel> {
  const queue = t.app.queue;
  if (!queue) throw new Error("no queue");
  const at = new Date().toISOString();
  const data: buildDigest.Data = {
    key: buildDigest.manualKey(PEOPLE.secretary, at),
    kind: "manual",
    at,
    requestedBy: PEOPLE.secretary,
    channelId: WG,
    since: null,
  };
  const posted = nextLine(logs, (l) => l.msg === "digest posted" && l.channel === WG);
  await queue.add(buildDigest.name, data, { jobId: buildDigest.jobId(data) });
  await posted();
  const stored = await findDigestByKey(t.app.db, data.key);
  return JSON.parse(stored?.content ?? "{}") as DigestModel;
}
