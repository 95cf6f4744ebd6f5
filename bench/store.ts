/**
 * Stores for the benchmarks: the bundled report (35 rows) or a generated programme of any
 * size, each with an active reporting cut-off, mapped institutions, planned reminders and
 * some replies, so `/task N` shows everything it shows in a reporting period.
 * `BENCH_DATABASE=postgres` puts them in fresh PostgreSQL databases (dropped by `dropStore`).
 */
import { join } from "node:path";
import { DateTime } from "luxon";
import { createDb, type Db, dialectOf, migrateToLatest } from "../db/client.ts";
import { setMapping } from "../db/contacts.ts";
import { insertCutoff } from "../db/cutoffs.ts";
import { currentProgramme } from "../db/programmes.ts";
import { insertReply } from "../db/replies.ts";
import { scopeOfCutoff } from "../db/scope.ts";
import { testConfig } from "../src/config.ts";
import type { ImportedReport, ImportedTask, Section } from "../src/domain/types.ts";
import { applyImport } from "../src/import/apply-import.ts";
import { seedIfEmpty } from "../src/import/seed.ts";
import { planCutoff } from "../src/reminders/plan.ts";
import { systemClock } from "../src/time.ts";
import { createTestDatabase, dropTestDatabase } from "../tests/helpers/postgres.ts";
import { report as bundledReport, tempDir } from "../tests/helpers/store.ts";

/** A prepared store: its URL and the task numbers worth asking for. */
export interface BenchStore {
  url: string;
  numbers: string[];
}

/** A fresh store URL: a SQLite file under a temp dir, or a PostgreSQL database. */
export async function freshStoreUrl(name: string): Promise<string> {
  if (process.env.BENCH_DATABASE === "postgres") return createTestDatabase();
  return join(tempDir("koordinators-bench-"), `${name}.db`);
}

/** Drops a PostgreSQL store made by {@link freshStoreUrl}; SQLite files stay in the temp dir. */
export async function dropStore(url: string): Promise<void> {
  if (dialectOf(url) === "postgres") await dropTestDatabase(url);
}

/**
 * A programme of `tasks` rows: top-level tasks "1", "2", … each with four sub-tasks ("1.1" …
 * "1.4"), the bundled report's institutions, two per task, a mix of statuses and deadlines.
 */
const STATUSES = ["done", "partial", "not_done", "ongoing"] as const;

export function generatedReport(tasks: number): ImportedReport {
  const base = bundledReport();
  const codes = base.institutions.map((i) => i.code);
  const sections: Section[] = ["I", "II", "III", "IV", "V"];
  const rows: ImportedTask[] = [];
  for (let top = 1; rows.length < tasks; top++) {
    for (let sub = 0; sub <= 4 && rows.length < tasks; sub++) {
      const i = rows.length;
      const number = sub === 0 ? String(top) : `${top}.${sub}`;
      rows.push({
        number,
        parent: sub === 0 ? null : String(top),
        section: sections[top % sections.length] ?? "I",
        title: `Uzdevums ${number}: pilnveidot sadarbību starp institūcijām (${i})`,
        deadline:
          i % 3 === 0
            ? { text: "regulāri", due: null, recurrence: "recurring" }
            : { text: `${2010 + (i % 4)}.gads`, due: `${2010 + (i % 4)}-12-31`, recurrence: null },
        institutions: [
          { code: codes[i % codes.length] ?? "IEM", role: "responsible" },
          { code: codes[(i + 7) % codes.length] ?? "LM", role: "co_responsible" },
        ],
        status: sub === 0 ? null : (STATUSES[i % 4] ?? null),
        indicator: `Rādītājs ${number}`,
        progress: `Izpildes gaita ${number}. `.repeat(20),
      });
    }
  }
  return {
    programme: { code: `bench-${tasks}`, title: `Ģenerēta programma (${tasks} uzdevumi)` },
    institutions: base.institutions,
    tasks: rows,
  };
}

/**
 * Prepares a store at `url`: the bundled report (or, with `generated`, a generated programme
 * of that many rows after it, so it is the current one), an active cut-off 20 days ahead on
 * the default scope, every institution mapped to a channel, reminders planned, and a reply
 * for every third task in scope.
 */
export async function prepareStore(url: string, generated?: number): Promise<BenchStore> {
  const db = createDb(url);
  try {
    await migrateToLatest(db);
    await seedIfEmpty(db, systemClock);
    if (generated)
      await applyImport(db, generatedReport(generated), {
        actor: "bench",
        at: new Date().toISOString(),
        source: "generated",
      });
    return { url, numbers: await reportingPeriod(db) };
  } finally {
    await db.destroy();
  }
}

async function reportingPeriod(db: Db): Promise<string[]> {
  const programme = await currentProgramme(db);
  if (!programme) throw new Error("no programme");
  const now = DateTime.utc();
  const at = now.toISO() ?? "";
  const institutions = await db.selectFrom("institutions").select(["id", "code"]).execute();
  for (const inst of institutions)
    await setMapping(db, inst.id, `C0${inst.code.toUpperCase().replace(/\W/g, "X")}`, [], at);
  const cutoff = await insertCutoff(db, {
    programmeId: programme.id,
    at: now.plus({ days: 20 }).toISO() ?? "",
    title: "Informatīvais ziņojums MK",
    taskNumbers: null,
    createdBy: "U0BENCH",
    createdAt: at,
  });
  const config = testConfig();
  await planCutoff(
    db,
    cutoff,
    { offsets: config.reminderOffsets, time: config.reminderTime, zone: config.timezone },
    at,
  );
  const scope = await scopeOfCutoff(db, cutoff);
  for (const [i, task] of scope.entries()) {
    const inst = task.institutions[0];
    if (i % 3 !== 0 || !inst) continue;
    await insertReply(db, {
      cutoffId: cutoff.id,
      institutionId: inst.institutionId,
      taskId: task.taskId,
      channelId: "C0REPLIES",
      ts: `${1_800_000_000 + i}.000100`,
      threadTs: "1800000000.000001",
      userId: "U0ANNA",
      text: `${task.number}: izpildīts daļēji, turpinām darbu.`,
      files: [],
      statusClaim: null,
      verified: true,
      source: "event",
      // Each reply at its own minute, as people send them: nothing per-instant is shared.
      receivedAt: now.minus({ minutes: i, seconds: i % 60 }).toISO() ?? at,
    });
  }
  const rows = await db
    .selectFrom("tasks")
    .select("number")
    .where("programme_id", "=", programme.id)
    .orderBy("position")
    .execute();
  return rows.map((r) => r.number);
}
