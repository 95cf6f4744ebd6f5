import { join } from "node:path";
import { handle, parse } from "../../commands/task.ts";
import { migrateToLatest } from "../../db/client.ts";
import type { Config, Locale } from "../config.ts";
import { cliText } from "../i18n/cli.ts";
import type { ImportSummary } from "../import/apply-import.ts";
import { importReportFile } from "../import/import-file.ts";
import { seedIfEmpty } from "../import/seed.ts";
import { start } from "../main.ts";
import { findRunningPrivateRedis } from "../redis-server.ts";
import { systemClock } from "../time.ts";
import { bannerText } from "./banner.ts";
import { openCliStore } from "./cli-store.ts";
import { replanWidenedCutoffs } from "./import-replan.ts";
import { cliLocale, importFailure } from "./locale.ts";
import { namedTerminalText } from "./named-text.ts";
import { cliHints } from "./terminal.ts";

const out = (text: string) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);

/**
 * `serve` (and `worker`, `receiver: false`): runs the app until SIGTERM/SIGINT, then stops in
 * order (receiver → store) and logs "stopped" with the time stopping took (`ms`) as its last
 * line. The banner is in `lang`, else DEFAULT_LOCALE. A `worker` without REDIS_URL uses the
 * running app's private Redis on DATA_DIR ({@link workerConfig}).
 */
export async function serve(
  config: Config,
  opts: { worker?: boolean; receiver?: boolean; lang?: Locale } = {},
): Promise<void> {
  // Listen for signals before starting: a SIGTERM while the worker is already taking jobs but
  // start() has not returned must still stop in order, not end the process mid-job.
  // Every signal, not just the first: a terminal's Ctrl-C reaches npm, tsx and the app at once
  // (tsx passes its own on), and a second SIGINT left to Node's default would end the process
  // halfway through stopping, its private Redis still running. Repeats are ignored while it stops
  // (each step of `stop` is bounded); `kill -9` remains for the impatient.
  let signalled: string | null = null;
  let stopNow: ((signal: string) => void) | null = null;
  const onSignal = (signal: string) => {
    signalled ??= signal;
    stopNow?.(signal);
  };
  process.on("SIGTERM", () => onSignal("SIGTERM"));
  process.on("SIGINT", () => onSignal("SIGINT"));
  const { lang, ...parts } = opts;
  const running = await start(await workerConfig(config, opts.receiver === false), parts);
  const { logger } = running;
  const worker = opts.receiver === false;
  if (worker) logger.info({ queue: running.config.queuePrefix }, "worker running");
  else if (!running.emulator) {
    logger.info({ url: running.url, mode: running.config.slack.mode }, "listening");
  }
  out(bannerText(running, worker ? "worker" : "serve", cliLocale(lang, config)));
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      logger.info({ signal }, "already stopping: signal ignored");
      return;
    }
    stopping = true;
    const began = performance.now();
    logger.info({ signal }, "stopping");
    await running.stop();
    // The last line, so an operator sees it ended cleanly and how long stopping took.
    logger.info({ signal, ms: Math.round(performance.now() - began) }, "stopped");
    process.exit(0);
  };
  stopNow = (signal) => void stop(signal);
  if (signalled) stopNow(signalled);
}

/**
 * The configuration a `worker` runs with: without REDIS_URL, the private Redis of the app
 * already running on DATA_DIR (as the admin commands adopt it to re-plan, see
 * `findRunningPrivateRedis`), so the worker takes that app's jobs instead of being refused for
 * wanting a second redis-server on the same data. With no app running, or for `serve`,
 * `config` unchanged (the start runs a private Redis of its own).
 */
export async function workerConfig(config: Config, worker: boolean): Promise<Config> {
  if (!worker || config.redisUrl) return config;
  const running = await findRunningPrivateRedis(join(config.dataDir, "redis"));
  return running ? { ...config, redisUrl: running } : config;
}

/**
 * `migrate [--lang]`: applies pending migrations and prints their names, or that there were
 * none, in `lang` (else DEFAULT_LOCALE). A failed migration reaches the CLI's failure text.
 * @throws MigrationError when a migration fails (nothing of the run is kept).
 */
export async function migrate(config: Config, opts: { lang?: Locale } = {}): Promise<void> {
  const t = cliText(cliLocale(opts.lang, config)).migrate;
  const db = openCliStore(config.databaseUrl);
  try {
    const applied = await migrateToLatest(db);
    out(applied.length === 0 ? t.upToDate : t.applied(applied));
  } finally {
    await db.destroy();
  }
}

/**
 * `import <file> [--dry-run] [--json] [--lang]`. A file that cannot be read or is not a report:
 * a message in the chosen language on stderr (naming the path, or what is missing and where),
 * exit 1, nothing written. Once the import is written, the cut-offs it widened are re-planned
 * (`replanWidenedCutoffs`), whose failure is its own message, never "nothing written".
 */
export async function importReport(
  config: Config,
  file: string,
  opts: { dryRun: boolean; json: boolean; lang?: Locale },
): Promise<void> {
  const locale = cliLocale(opts.lang, config);
  const t = cliText(locale).import;
  const db = openCliStore(config.databaseUrl);
  let written: ImportSummary | null = null;
  try {
    await migrateToLatest(db);
    const { report, summary } = await importReportFile(db, file, {
      ...opts,
      actor: "import:cli",
      clock: systemClock,
    });
    written = summary;
    if (opts.json) out(JSON.stringify(summary ?? report.tasks, null, 2));
    else if (!summary)
      out(t.dryRun(report.tasks.length, report.institutions.length, report.programme.code));
    else {
      out(t.summary(summary.programme, summary.tasks, summary.institutions, summary.audited));
      if (summary.notInFile.length > 0) out(t.kept(summary.notInFile.join(", ")));
    }
  } catch (error) {
    const message = importFailure(error, file, locale);
    if (message === undefined) throw error;
    process.stderr.write(`${message}\n`);
    process.exitCode = 1;
  } finally {
    await db.destroy();
  }
  if (written) await replanWidenedCutoffs(written, locale, opts.json);
}

/** `task <query> [--json] [--lang]`: what `/task <query>` answers, as text or Block Kit JSON. */
export async function task(
  config: Config,
  query: string,
  opts: { json: boolean; lang?: "lv" | "en" },
): Promise<void> {
  const db = openCliStore(config.databaseUrl);
  try {
    await migrateToLatest(db);
    await seedIfEmpty(db, systemClock);
    const reply = await handle(
      parse(query),
      { db, clock: systemClock, zone: config.timezone },
      opts.lang ?? config.defaultLocale,
    );
    out(
      opts.json
        ? JSON.stringify(reply.blocks, null, 2)
        : cliHints(
            await namedTerminalText(config, reply.blocks),
            opts.lang ?? config.defaultLocale,
          ),
    );
    if (!reply.found) process.exitCode = 1;
  } finally {
    await db.destroy();
  }
}
