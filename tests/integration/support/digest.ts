/**
 * Steps of the digest's integration suites over a running test app: `/digest` asked through the
 * signed endpoint and its posting awaited, reminders and their outcomes stored as the sender
 * stores them, the fixture's institutions' replies (digest-upcoming-fixture.ts), and the posted
 * DOCX and the stored digest read back.
 */
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, expect } from "vitest";
import { recordChannelCheck } from "../../../db/channel-checks.ts";
import type { Db } from "../../../db/client.ts";
import { type Cutoff, insertCutoff } from "../../../db/cutoffs.ts";
import { listDigests } from "../../../db/digests.ts";
import { findInstitution } from "../../../db/institutions.ts";
import { currentProgramme } from "../../../db/programmes.ts";
import { markSent, markSkipped, upsertPlannedReminder } from "../../../db/reminders.ts";
import type { DigestModel } from "../../../src/digest/model.ts";
import type { RecordedCall, StoredMessage } from "../../../src/emulator/types.ts";
import type { Clock } from "../../../src/time.ts";
import { startTestApp, type TestApp } from "../../helpers/app.ts";
import { type LogWatch, watchLogs } from "../../helpers/log-watch.ts";
import {
  addCutoff,
  fileId,
  SECRETARY,
  startUpcomingFixture,
  type UpcomingFixture,
  uploaded,
  WG,
} from "../digest-upcoming-fixture.ts";
import { storeReply } from "./replies.ts";

export { SECRETARY, WG };

/**
 * Sends `/digest` as the fixture's secretary from C0LOCAL01 through the signed endpoint and
 * expects it acknowledged (HTTP 200); then waits (≤ 60 s each) for the DOCX uploaded to the
 * working group channel `channel` (default WG) and the "digest posted" log line. Returns the
 * upload call and the channel's messages as they then are.
 * @throws Error when the upload or the log line does not come in time.
 */
export async function requestDigest(
  t: TestApp,
  logs: LogWatch,
  channel = WG,
): Promise<{ docxCall: RecordedCall; messages: readonly StoredMessage[] }> {
  const docx = t.emulator.waitFor(uploaded(channel, ".docx"), 60_000);
  const res = await t.slack.command("/digest", "", { userId: SECRETARY, channelId: "C0LOCAL01" });
  expect(res.status).toBe(200);
  const docxCall = await docx;
  await logs.waitFor((l) => l.msg === "digest posted" && l.channel === channel, 60_000);
  return { docxCall, messages: t.emulator.messagesIn(channel) };
}

/** The `word/document.xml` of the DOCX a `files.completeUploadExternal` call completed. */
export function docxXml(t: TestApp, docxCall: RecordedCall): string {
  const files = unzipSync(new Uint8Array(t.emulator.files.get(fileId(docxCall))?.bytes ?? []));
  return strFromU8(files["word/document.xml"] ?? new Uint8Array());
}

/** The model of the newest stored digest (db/digests.ts listDigests' first), `{}` read as one. */
export async function storedDigest(t: TestApp): Promise<DigestModel> {
  const [stored] = await listDigests(t.app.db);
  return JSON.parse(stored?.content ?? "{}") as DigestModel;
}

/**
 * Starts the real app as the digest's suites run it: its logs watched, the clock `clock`, the
 * secretary SECRETARY (a Latvian user) and the working group's channel WG, both known to the
 * emulator. The caller stops `t`.
 */
export async function startDigestApp(clock: Clock): Promise<{ t: TestApp; logs: LogWatch }> {
  const logs = watchLogs();
  const t = await startTestApp({
    logger: logs.logger,
    clock,
    config: { secretaryUserIds: [SECRETARY], workgroupChannelId: WG },
  });
  t.emulator.addUser({ id: SECRETARY, name: "sekretare", locale: "lv-LV" });
  t.emulator.addChannel({ id: WG, name: "darba-grupa" });
  return { t, logs };
}

/**
 * Stores reminder `kind` of cut-off `cutoffId` (at `cutoffAt`) for institution `code`, planned
 * at `scheduledAt`, with its outcome: `{sent}` (posted in C0<code> as message `messageTs` at
 * `at`) or `{failed}` (skipped as failed with that detail: "no_mapping", "channel_not_found", …).
 */
export async function storeReminder(
  db: Db,
  r: {
    cutoffId: number;
    code: string;
    kind: string;
    scheduledAt: string;
    cutoffAt: string;
    outcome: { sent: { messageTs: string; at: string } } | { failed: string };
  },
): Promise<void> {
  const inst = await findInstitution(db, r.code);
  const { cutoffId, kind, scheduledAt, cutoffAt } = r;
  const institutionId = inst?.id ?? 0;
  const row = await upsertPlannedReminder(db, {
    cutoffId,
    institutionId,
    kind,
    scheduledAt,
    cutoffAt,
  });
  if ("sent" in r.outcome)
    await markSent(db, row.id, { channelId: `C0${r.code}`, ...r.outcome.sent });
  else await markSkipped(db, row.id, "failed", r.outcome.failed);
}

/**
 * A verified reply of institution `code` to task `number` for cut-off `cutoffId`, as the
 * fixture's institutions write them: in C0<code> by its contact U0<code>OK, message ts
 * `1800000000.00000<n>`, text "<number>: <code> paveikts", received at `at` (UTC ISO). Its id.
 */
export function storeFixtureReply(
  db: Db,
  cutoffId: number,
  r: { code: string; number: string; n: number; at: string },
): Promise<number> {
  const { code, number } = r;
  return storeReply(db, {
    code,
    cutoffId,
    task: number,
    channelId: `C0${code}`,
    ts: `1800000000.00000${r.n}`,
    userId: `U0${code}OK`,
    text: `${number}: ${code} paveikts`,
    verified: true,
    receivedAt: r.at,
  });
}

/** The second cut-off of the removed-cut-off suites and how the digest marks its thread's replies. */
export const HALF_CUTOFF = {
  title: "Pusgada pārskats",
  lvMark: "_(noņemtā termiņa „Pusgada pārskats” pavedienā)_",
  enMark: "_(in the thread of removed cut-off “Pusgada pārskats”)_",
};

/** A verified reply of `code` to task `number` for `cutoff`, received at `at`; its id. */
export type FixtureReply = (
  cutoff: Cutoff,
  code: string,
  number: string,
  n: number,
  at: string,
) => Promise<number>;

/**
 * The upcoming fixture (digest-upcoming-fixture.ts; its cut-off `cutoff`, "Informatīvais
 * ziņojums MK") plus `half`: cut-off {@link HALF_CUTOFF} on task 8 at 17 Feb 2027, reminders
 * planned; `reply` stores a fixture institution's reply ({@link storeFixtureReply}).
 */
export async function startHalfFixture(): Promise<
  UpcomingFixture & { half: Cutoff; reply: FixtureReply }
> {
  const fixture = await startUpcomingFixture();
  const half = await addCutoff(fixture.t, "2027-02-17T21:59:59.999Z", HALF_CUTOFF.title, ["8"]);
  const reply: FixtureReply = (cutoff, code, number, n, at) =>
    storeFixtureReply(fixture.t.app.db, cutoff.id, { code, number, n, at });
  return { ...fixture, half, reply };
}

/**
 * Registers the hooks of a suite on a digest fixture: `beforeAll` starts it with `start`
 * (default startUpcomingFixture), hands it to `set` (which keeps the app and log watch in the
 * suite's own variables), then runs `arrange` (the suite's own cut-offs, replies, digests);
 * `afterAll` stops the app.
 */
export function digestFixtureHooks<F extends UpcomingFixture>(
  start: () => Promise<F>,
  set: (fixture: UpcomingFixture) => void,
  arrange: (fixture: F) => Promise<void> = async () => {},
): void {
  let started: F | undefined;
  beforeAll(async () => {
    const fixture = await start();
    started = fixture;
    set(fixture);
    await arrange(fixture);
  });
  afterAll(async () => {
    await started?.t.stop();
  });
}

/** {@link digestFixtureHooks} on {@link startHalfFixture}. */
export function halfDigestSuite(
  set: (fixture: UpcomingFixture) => void,
  arrange: (fixture: UpcomingFixture & { half: Cutoff; reply: FixtureReply }) => Promise<void>,
): void {
  digestFixtureHooks(startHalfFixture, set, arrange);
}

/**
 * The passed cut-off "Starpziņojums" on task 5 (10 Jan 2027, 23:59:59.999 Riga) that the
 * upcoming fixture's unreachable-channel suites arrange, with Slack's last word on C0IEM
 * "not_member" (15 Jan); returns the cut-off.
 */
export async function storeUnreachableIem(db: Db): Promise<Cutoff> {
  const programme = await currentProgramme(db);
  const cutoff = await insertCutoff(db, {
    programmeId: programme?.id ?? 0,
    at: "2027-01-10T21:59:59.999Z",
    title: "Starpziņojums",
    taskNumbers: ["5"],
    createdBy: SECRETARY,
    createdAt: "2027-01-02T08:00:00.000Z",
  });
  await recordChannelCheck(db, "C0IEM", "not_member", "2027-01-15T08:00:00.000Z");
  return cutoff;
}
