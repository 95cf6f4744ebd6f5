/**
 * The shared fixture of the digest's "next 30 days" tests (digest-no-channel, digest-answered):
 * the real app and store (SQLite or PostgreSQL), a secretary and the working group channel, a
 * cut-off "Informatīvais ziņojums MK" on tasks 5 (LM, IZM, IEM), 8 (LM, IEM) and 13.4 (IEM,
 * TM), planned at `NOW` (14, 7 and 1 days before fall on 27 Jan, 3 and 9 Feb: all within 30
 * days); LM and IEM have channels (C0LM, C0IEM), IZM and TM none. Helpers to find what
 * `/digest` posts.
 */
import { setMapping } from "../../db/contacts.ts";
import { type Cutoff, insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { isCall } from "../../src/emulator/server.ts";
import { planCutoff } from "../../src/reminders/plan.ts";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";

export const SECRETARY = "U0SEC0001";
export const WG = "C0WG00001";
export const NOW = "2027-01-20T10:00:00Z";

/** The started app, its log watch and the fixture's cut-off. */
export interface UpcomingFixture {
  t: TestApp;
  logs: LogWatch;
  cutoff: Cutoff;
}

/**
 * Starts the app and stores the fixture (see the module comment). `contacts` by institution
 * code: the user IDs mapped as its contacts (none by default).
 */
export async function startUpcomingFixture(
  contacts: Record<string, string[]> = {},
): Promise<UpcomingFixture> {
  const logs = watchLogs();
  const t = await startTestApp({
    logger: logs.logger,
    clock: fixedClock(NOW),
    config: { secretaryUserIds: [SECRETARY], workgroupChannelId: WG },
  });
  t.emulator.addUser({ id: SECRETARY, name: "sekretare", locale: "lv-LV" });
  t.emulator.addChannel({ id: WG, name: "darba-grupa" });
  const db = t.app.db;
  for (const [code, channel] of [
    ["LM", "C0LM"],
    ["IEM", "C0IEM"],
    ["IZM", null],
    ["TM", null],
  ] as const) {
    const inst = await findInstitution(db, code);
    await setMapping(db, inst?.id ?? 0, channel, contacts[code] ?? [], NOW);
  }
  const cutoff = await addCutoff(t, "2027-02-10T21:59:59.999Z", "Informatīvais ziņojums MK", [
    "5",
    "8",
    "13.4",
  ]);
  return { t, logs, cutoff };
}

/** Stores a cut-off of the current programme at `at` on `taskNumbers` and plans its reminders. */
export async function addCutoff(
  t: TestApp,
  at: string,
  title: string,
  taskNumbers: string[],
): Promise<Cutoff> {
  const db = t.app.db;
  const programme = await currentProgramme(db);
  const cutoff = await insertCutoff(db, {
    programmeId: programme?.id ?? 0,
    at,
    title,
    taskNumbers,
    createdBy: SECRETARY,
    createdAt: NOW,
  });
  const settings = {
    offsets: t.config.reminderOffsets,
    time: t.config.reminderTime,
    zone: t.config.timezone,
  };
  await planCutoff(db, cutoff, settings, NOW);
  return cutoff;
}

/** The next completed upload of a file whose name ends with `ext`, in `channel`. */
export const uploaded = (channel: string, ext: string) =>
  isCall(
    "files.completeUploadExternal",
    (c) => c.ok && c.args.channel_id === channel && JSON.stringify(c.response.files).includes(ext),
  );

/** The mrkdwn of every section in `blocks`. */
export const sectionTexts = (blocks: unknown[] | undefined) =>
  (blocks ?? []).map((b) => (b as { text?: { text?: string } }).text?.text ?? "");

/** The id of the file a `files.completeUploadExternal` call completed. */
export function fileId(call: { response: Record<string, unknown> }): string {
  return (call.response.files as Array<{ id: string }>)[0]?.id ?? "";
}
