import type { Db } from "../../db/client.ts";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { LocaleResolver } from "../slack/locale.ts";
import type { SlackWeb } from "../slack/web.ts";
import type { Clock } from "../time.ts";

/**
 * What the reply pipeline uses: the store, the clock, the Web API client of the caller (Bolt's
 * `client` in a listener, the job client in the collection job) and the locale lookup for
 * messages shown to one person.
 */
export interface ReplyDeps {
  db: Db;
  config: Config;
  clock: Clock;
  logger: Logger;
  slack: SlackWeb;
  locales: LocaleResolver;
}

/** Runs a side effect that may fail without harming what was stored: failures are logged. */
export async function sideEffect(
  logger: Logger,
  step: string,
  run: () => Promise<unknown>,
): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    logger.warn(
      { step, err: error instanceof Error ? error.message : String(error) },
      "side effect failed",
    );
    return false;
  }
}
