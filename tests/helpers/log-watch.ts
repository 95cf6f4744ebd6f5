import { Writable } from "node:stream";
import { createLogger, type Logger } from "../../src/logger.ts";

/** One JSON log line as pino writes it (`msg` plus the fields logged). */
export type LogLine = Record<string, unknown> & { msg?: string };

/** A real logger whose lines the test can wait on (event-driven: no polling, no sleeps). */
export interface LogWatch {
  logger: Logger;
  lines: LogLine[];
  /**
   * The first line matching `predicate`, already written or yet to come.
   * @throws Error after `timeoutMs` (default 5000), naming the last lines.
   */
  waitFor(predicate: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
}

/** A {@link LogWatch} at `level` (default "info"). */
export function watchLogs(level = "info"): LogWatch {
  const lines: LogLine[] = [];
  const listeners = new Set<(line: LogLine) => void>();
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString().split("\n")) {
        if (text.trim() === "") continue;
        const line = JSON.parse(text) as LogLine;
        lines.push(line);
        for (const listener of [...listeners]) listener(line);
      }
      done();
    },
  });
  return {
    logger: createLogger(level, stream),
    lines,
    waitFor(predicate, timeoutMs = 5000) {
      const past = lines.find(predicate);
      if (past) return Promise.resolve(past);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener);
          const last = lines.slice(-5).map((l) => l.msg);
          reject(new Error(`no such log line after ${timeoutMs} ms; last: ${last.join(" | ")}`));
        }, timeoutMs);
        const listener = (line: LogLine) => {
          if (!predicate(line)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(line);
        };
        listeners.add(listener);
      });
    },
  };
}
