/**
 * The command deps a CLI command runs with (`withDeps`): the store, the system clock, the
 * configuration, a logger on stderr, and the app's job queue for re-plans (cli-queue.ts).
 *
 * Re-planning: a change schedules its reminder jobs at once (under QUEUE_PREFIX, as `serve`
 * does) on REDIS_URL's Redis or, when REDIS_URL is unset, on the private redis-server a
 * running `serve` started under DATA_DIR/redis. With neither (or when that Redis does not
 * answer), only the store's plan is updated, one note on stderr says so, and the app schedules
 * the jobs at its next start or once Redis is back (jobs it already holds check the store
 * before sending, so a moved or removed cut-off sends nothing stale).
 */
import type { CommandDeps } from "../../commands/types.ts";
import { migrateToLatest } from "../../db/client.ts";
import { configFromEnvironment, type Locale } from "../config.ts";
import { type CliText, cliText } from "../i18n/cli.ts";
import { seedIfEmpty } from "../import/seed.ts";
import { createLogger } from "../logger.ts";
import { systemClock } from "../time.ts";
import { cliQueue, type Deferral } from "./cli-queue.ts";
import { openCliStore } from "./cli-store.ts";
import { cliLocale } from "./locale.ts";

/**
 * Opens the store (migrated; the bundled report imported when empty), runs `work` with
 * command deps acting as the trusted "cli" user on the system clock, and closes everything.
 * `work`'s second argument tells whether a re-plan it caused was deferred (no queue reached):
 * then, once `work` is done, one note on stderr says why and when the jobs will be scheduled,
 * in `lang` (default DEFAULT_LOCALE). `after` words that note: a `change` (the default) was
 * saved with its plan; a `plan` shown (`cutoff plan`) is the store's, not yet in the queue.
 * `deps.enqueue` adds jobs to the app's queue too (as `serve`'s does), opening it on first use,
 * so `cutoff move` asks the app's worker to refresh the reminder threads' roots, as `/cutoff
 * move` does; without a queue it throws `NoQueueError` and no refresh is promised.
 * Logs go to stderr.
 */
export async function withDeps(
  work: (deps: CommandDeps, deferred: () => boolean) => Promise<void>,
  lang?: Locale,
  after: "change" | "plan" = "change",
): Promise<void> {
  const config = configFromEnvironment();
  const db = openCliStore(config.databaseUrl);
  const logger = createLogger(
    config.logLevel === "info" ? "warn" : config.logLevel,
    process.stderr,
  );
  let later: Deferral | null = null;
  const queue = cliQueue(config);
  try {
    await migrateToLatest(db);
    await seedIfEmpty(db, systemClock);
    const deps: CommandDeps = {
      db,
      clock: systemClock,
      config,
      logger,
      replan: async (cutoffId) => {
        const reached = await queue.open();
        if (typeof reached === "string") {
          later = reached;
          return null;
        }
        // The planner (and the jobs it schedules) loads with the queue, on a change only.
        const { replan } = await import("../reminders/schedule.ts");
        return replan({ db, config, clock: systemClock, queue: reached }, cutoffId);
      },
      // A plain function, not a getter: deps are spread (`{ ...deps, slack }`), which would copy
      // a getter's value from before a re-plan opened the queue.
      enqueue: (name, data) => queue.enqueue(name, data),
    };
    await work(deps, () => later !== null);
    const t = cliText(cliLocale(lang, config));
    if (later) process.stderr.write(`${deferralNote(t, later, after)}\n`);
  } finally {
    await queue.close();
    await db.destroy();
  }
}

/** The note for a deferred re-plan: why (no app, Redis silent) and after what (a change, a plan shown). */
function deferralNote(t: CliText, why: Deferral, after: "change" | "plan"): string {
  if (after === "plan") return why === "no_app" ? t.planLater : t.planUnreachable;
  return why === "no_app" ? t.redisLater : t.redisUnreachable;
}
