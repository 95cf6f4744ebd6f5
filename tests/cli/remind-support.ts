/**
 * The world of the `remind --now` CLI suites: a migrated SQLite store with the bundled report,
 * a cut-off (by default in three days on tasks 1, 5 and 14: LM, IEM, IZM) with its reminders
 * planned, and the environment that points a spawned CLI at it and at an emulator.
 */
import { join } from "node:path";
import { DateTime } from "luxon";
import { createDb, type Db, migrateToLatest } from "../../db/client.ts";
import { setMapping } from "../../db/contacts.ts";
import { findCutoff, insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { testConfig } from "../../src/config.ts";
import type { Emulator } from "../../src/emulator/server.ts";
import { seedIfEmpty } from "../../src/import/seed.ts";
import { planCutoff } from "../../src/reminders/plan.ts";
import { systemClock } from "../../src/time.ts";
import { localModeEnv, spawnCli } from "../faults/support.ts";

/**
 * The cut-off of {@link remindStore}: its instant (UTC ISO), title and tasks; `plan` false leaves
 * its reminders unplanned (`remind --now` plans them with the run's REMINDER_OFFSETS).
 */
export interface RemindCutoff {
  at?: string;
  title?: string;
  taskNumbers?: string[];
  plan?: boolean;
}

/**
 * The store in `dir` (cli.db) with the cut-off planned (`cutoff` given or the default one);
 * `mapped`: institution code → channel ID (the rest have no channel). `cleanups` gets the
 * store's close; `db` stays open for the test to read or change.
 */
export async function remindStore(
  dir: string,
  mapped: Record<string, string>,
  cleanups: (() => Promise<void>)[],
  cutoff: RemindCutoff = {},
): Promise<{ db: Db; path: string; cutoffId: number }> {
  const path = join(dir, "cli.db");
  const db = createDb(path);
  cleanups.push(() => db.destroy());
  await migrateToLatest(db);
  await seedIfEmpty(db, systemClock);
  const now = new Date().toISOString();
  for (const [code, channel] of Object.entries(mapped)) {
    const inst = await findInstitution(db, code);
    if (!inst) throw new Error(`no institution ${code}`);
    await setMapping(db, inst.id, channel, [], now);
  }
  const programme = await currentProgramme(db);
  const { id } = await insertCutoff(db, {
    programmeId: programme?.id ?? 0,
    at: cutoff.at ?? DateTime.utc().plus({ days: 3 }).toISO() ?? "",
    title: cutoff.title ?? "Pārbaude",
    taskNumbers: cutoff.taskNumbers ?? ["1", "5", "14"],
    createdBy: "U0FSEC",
    createdAt: now,
  });
  if (cutoff.plan === false) return { db, path, cutoffId: id };
  const row = await findCutoff(db, id);
  if (!row) throw new Error("no cut-off");
  const config = testConfig();
  const settings = {
    offsets: config.reminderOffsets,
    time: config.reminderTime,
    zone: config.timezone,
  };
  await planCutoff(db, row, settings, now);
  return { db, path, cutoffId: id };
}

/** The environment of a CLI run against the store at `path` and `emulator` (local mode, warn log). */
export function remindEnv(dir: string, path: string, emulator: Emulator): Record<string, string> {
  return {
    ...localModeEnv(dir),
    SLACK_BOT_TOKEN: emulator.botToken,
    SLACK_SIGNING_SECRET: "fault-signing-secret",
    SLACK_API_URL: emulator.apiUrl,
    DATABASE_URL: path,
    LOG_LEVEL: "warn",
  };
}

/**
 * Runs `remind --cutoff <cutoffId> --now --lang <lang>` in a real CLI process with `env`; its
 * exit code and its stdout and stderr together, as a terminal shows them.
 */
export async function runRemind(
  cutoffId: number,
  lang: string,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const cli = spawnCli(["remind", "--cutoff", String(cutoffId), "--now", "--lang", lang], env);
  return { code: await cli.exited, output: cli.output() };
}

/** `text` with the regular-expression characters escaped, to match it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
