/**
 * `nextLine` (tests/replies/support.ts), which the shared `edit()` and `byForm()` steps wait
 * with: a line already written when the wait starts never ends it, even when it matches (an
 * earlier edit's "reply changed" names the same message as the next edit's); the first
 * matching line written after does. A real pino logger into a LogWatch; no app, no sleeps.
 */
import { describe, expect, it } from "vitest";
import { watchLogs } from "../helpers/log-watch.ts";
import { nextLine } from "./support.ts";

const changed = (l: { msg?: string; ts?: unknown; result?: unknown }) =>
  l.msg === "reply changed" && l.ts === "1.000100" && l.result === "edited";

describe("nextLine", () => {
  it("skips a matching line written before it started; resolves on the next one", async () => {
    const logs = watchLogs();
    logs.logger.info({ ts: "1.000100", result: "edited", edit: 1 }, "reply changed");
    // The old wait (any matching line) is satisfied by the first edit's line at once.
    expect((await logs.waitFor(changed)).edit).toBe(1);

    const second = nextLine(logs, changed);
    logs.logger.info({ ts: "1.000200", result: "edited", edit: 9 }, "reply changed");
    logs.logger.info({ ts: "1.000100", result: "refused", edit: 9 }, "reply changed");
    logs.logger.info({ ts: "1.000100", result: "edited", edit: 2 }, "reply changed");
    expect((await second()).edit).toBe(2);
  });

  it("a wait started later than the line it needs still finds it (sent before awaited)", async () => {
    const logs = watchLogs();
    const wait = nextLine(logs, changed);
    logs.logger.info({ ts: "1.000100", result: "edited", edit: 3 }, "reply changed");
    expect((await wait()).edit).toBe(3);
  });

  it("fails with the wait's own error when no new line comes in time", async () => {
    const logs = watchLogs();
    logs.logger.info({ ts: "1.000100", result: "edited", edit: 1 }, "reply changed");
    await expect(nextLine(logs, changed, 50)()).rejects.toThrow(/no such log line after 50 ms/);
  });
});
