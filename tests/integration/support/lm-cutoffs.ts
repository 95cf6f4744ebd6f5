/**
 * The world of the integration suites about LM's answers to several cut-offs (the App Home's and
 * `/task N`'s lists of who has not answered): the real app at a fixed instant with Latvian and
 * English people, LM mapped to channel C0LM with one contact, cut-offs stored directly, and LM's
 * replies stored as the event listener would store them. SQLite or PostgreSQL (TEST_DATABASE).
 */
import { afterAll, beforeAll } from "vitest";
import type { Db } from "../../../db/client.ts";
import { setMapping } from "../../../db/contacts.ts";
import { type Cutoff, insertCutoff } from "../../../db/cutoffs.ts";
import { findInstitution } from "../../../db/institutions.ts";
import { currentProgramme } from "../../../db/programmes.ts";
import { fixedClock } from "../../../src/time.ts";
import { startTestApp, type TestApp } from "../../helpers/app.ts";
import { chooseLanguage } from "../../helpers/language.ts";
import { storeReply } from "./replies.ts";

/** LM's channel in these suites. */
export const LM_CHANNEL = "C0LM";

/** A person in the emulator's workspace: Slack user id, name, Slack locale ("lv-LV", "en-US"). */
export type Person = { id: string; name: string; locale: string };

/**
 * Starts the app at `now` (clock fixed, no worker) with `people` in the emulator, `english`
 * having chosen English on the Home (as a person does), and LM mapped to {@link LM_CHANNEL}
 * with `contact` as its contact (since `now`). `secretaries`: config.secretaryUserIds (default
 * the config's own).
 */
export async function startLmApp(opts: {
  now: string;
  people: Person[];
  english: string;
  contact: string;
  secretaries?: string[];
}): Promise<TestApp> {
  const t = await startTestApp({
    clock: fixedClock(opts.now),
    worker: false,
    ...(opts.secretaries ? { config: { secretaryUserIds: opts.secretaries } } : {}),
  });
  for (const person of opts.people) t.emulator.addUser(person);
  await chooseLanguage(t, opts.english, "en");
  const lm = await findInstitution(t.app.db, "LM");
  await setMapping(t.app.db, lm?.id ?? 0, LM_CHANNEL, [opts.contact], opts.now);
  return t;
}

/**
 * Stores cut-off `title` at `at` (UTC ISO) on `taskNumbers` of the current programme, created
 * by `createdBy` at `createdAt`, and returns it.
 */
export async function storeCutoff(
  db: Db,
  c: { at: string; title: string; taskNumbers: string[]; createdBy: string; createdAt: string },
): Promise<Cutoff> {
  const programmeId = (await currentProgramme(db))?.id ?? 0;
  return insertCutoff(db, { programmeId, ...c });
}

/**
 * Stores LM's reply `text` to cut-off `cutoffId` under task `task` (its number), as message `ts`
 * of {@link LM_CHANNEL} (top level) by `userId`, received 30 Nov 2026 10:00 UTC; `verified`:
 * from LM's contact.
 * @throws Error when the store has no task `task`.
 */
export async function storeLmReply(
  db: Db,
  r: {
    cutoffId: number;
    task: string;
    ts: string;
    userId: string;
    verified: boolean;
    text: string;
  },
): Promise<void> {
  const receivedAt = "2026-11-30T10:00:00.000Z";
  await storeReply(db, { ...r, code: "LM", channelId: LM_CHANNEL, receivedAt });
}

/** A suite's app and its two cut-offs, "Pirmais" and "Trešais" (see {@link twoCutoffsSuite}). */
export type TwoCutoffs = { t: TestApp; first: Cutoff; third: Cutoff };

/**
 * Registers a suite's hooks: `beforeAll` starts the app with `start` and stores cut-offs
 * "Pirmais" at `firstAt` and "Trešais" at `thirdAt` on `taskNumbers` (created by `createdBy`
 * at `now`); `afterAll` stops the app. The returned object is filled in `beforeAll`.
 */
export function twoCutoffsSuite(
  start: () => Promise<TestApp>,
  c: { firstAt: string; thirdAt: string; taskNumbers: string[]; createdBy: string; now: string },
): TwoCutoffs {
  const s = {} as TwoCutoffs;
  beforeAll(async () => {
    s.t = await start();
    const add = (at: string, title: string) =>
      storeCutoff(s.t.app.db, {
        at,
        title,
        taskNumbers: c.taskNumbers,
        createdBy: c.createdBy,
        createdAt: c.now,
      });
    s.first = await add(c.firstAt, "Pirmais");
    s.third = await add(c.thirdAt, "Trešais");
  }, 60_000);
  afterAll(async () => {
    await s.t?.stop();
  });
  return s;
}
