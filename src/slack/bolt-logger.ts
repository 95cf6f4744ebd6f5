import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../logger.ts";

/** Bolt's logger interface over the app's pino logger, so Bolt's lines are JSON like ours. */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: "bolt" });
  // Bolt logs at debug on every request (ack, conversation): join the parts only when shown.
  const debug = child.isLevelEnabled("debug");
  return {
    debug: (...msg) => {
      if (debug) child.debug(msg.map(String).join(" "));
    },
    info: (...msg) => child.info(msg.map(String).join(" ")),
    warn: (...msg) => child.warn(msg.map(String).join(" ")),
    error: (...msg) => child.error(msg.map(String).join(" ")),
    setLevel: () => {},
    getLevel: () => (child.isLevelEnabled("debug") ? LogLevel.DEBUG : LogLevel.INFO),
    setName: () => {},
  };
}
