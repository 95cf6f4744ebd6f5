/**
 * The world of the digest suites that drive the real app through a reminder thread: an app
 * whose clock runs a few hours after the emulator's real-time stamps (START, then FIRST_AT,
 * EDITED_AT, LATER_AT an hour apart each), LM's reminder thread in `lm` on `tasks`, the
 * working group `wg`, and `replies` (key → text) posted there by anna and stored before the
 * suite starts. `digest()` runs `/digest` as the secretary and returns what it posted.
 * Waits on log lines, never on time.
 */
import { DateTime } from "luxon";
import { afterAll, beforeAll } from "vitest";
import { fixedClock } from "../../src/time.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { addPeople, PEOPLE, reminderThread, type ThreadFixture } from "../replies/support.ts";

/** What {@link digestAppSuite} registers and gives back; fields read after `beforeAll`. */
export interface DigestAppWorld<K extends string> {
  readonly t: TestApp;
  readonly logs: LogWatch;
  readonly f: ThreadFixture;
  /** The stored replies' message ts by key. */
  readonly ts: Record<K, string>;
  readonly clock: ReturnType<typeof fixedClock>;
  /** UTC ISO instants an hour apart, from the emulator's real time on. */
  readonly times: { START: string; FIRST_AT: string; EDITED_AT: string; LATER_AT: string };
  /** Runs `/digest <text>` as the secretary; the mrkdwn of every message then posted to `wg`. */
  digest(text?: string): Promise<string>;
}

/**
 * Registers `beforeAll`/`afterAll` for the world described above.
 * @throws (in `beforeAll`) when a reply is not stored within the log watch's wait.
 */
export function digestAppSuite<K extends string>(opts: {
  wg: string;
  lm: string;
  tasks: string[];
  replies: readonly (readonly [K, string])[];
}): DigestAppWorld<K> {
  // The emulator stamps messages with the real time: the app's clock runs a few hours after it.
  const hoursFromNow = (h: number) => DateTime.utc().plus({ hours: h }).toISO() ?? "";
  const times = {
    START: hoursFromNow(0),
    FIRST_AT: hoursFromNow(1),
    EDITED_AT: hoursFromNow(2),
    LATER_AT: hoursFromNow(3),
  };
  const clock = fixedClock(times.START);
  const ts = {} as Record<K, string>;
  let t: TestApp | undefined;
  let logs: LogWatch | undefined;
  let f: ThreadFixture | undefined;
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the digest app suite has not started");
    return value;
  };

  beforeAll(async () => {
    logs = watchLogs("debug");
    t = await startTestApp({
      logger: logs.logger,
      clock,
      config: { secretaryUserIds: [PEOPLE.secretary], workgroupChannelId: opts.wg },
    });
    addPeople(t.emulator);
    t.emulator.addChannel({ id: opts.wg, name: "darba-grupa" });
    f = await reminderThread(
      { db: t.app.db, emulator: t.emulator },
      { code: "LM", channel: opts.lm, tasks: opts.tasks, now: times.START },
    );
    for (const [key, text] of opts.replies) {
      const sent = await t.slack.userMessage({
        channelId: opts.lm,
        threadTs: f.threadTs,
        text,
        userId: PEOPLE.anna,
      });
      const watch = logs;
      await watch.waitFor((l) => l.msg === "reply stored" && l.ts === sent.ts);
      ts[key] = sent.ts;
    }
  });
  afterAll(async () => {
    await t?.stop();
  });

  return {
    get t() {
      return need(t);
    },
    get logs() {
      return need(logs);
    },
    get f() {
      return need(f);
    },
    ts,
    clock,
    times,
    async digest(text = "") {
      const app = need(t);
      const watch = need(logs);
      const before = app.emulator.messagesIn(opts.wg).length;
      const seen = watch.lines.filter((l) => l.msg === "digest posted").length;
      await app.slack.command("/digest", text, { userId: PEOPLE.secretary, channelId: opts.wg });
      // The log keeps earlier lines: wait for one more "digest posted" than there was.
      await watch.waitFor(
        (l) =>
          l.msg === "digest posted" &&
          l.channel === opts.wg &&
          watch.lines.filter((x) => x.msg === "digest posted").length > seen,
        20_000,
      );
      return app.emulator
        .messagesIn(opts.wg)
        .slice(before)
        .map((m) => JSON.stringify(m.blocks ?? []))
        .join("\n")
        .replace(/\\n/g, "\n");
    },
  };
}
