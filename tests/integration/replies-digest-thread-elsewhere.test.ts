/**
 * A contact writing "14: …" in the digest's thread is pointed to the reminder thread that asks
 * task 14 — another live cut-off's, when the current cut-off's reminder asks their institution
 * only task 3 (a fresh user's finding: the note linked the thread asking 3). A number no live
 * cut-off asks ("2: …") still links the current cut-off's thread, as before. lv and en. Real
 * app, signed Events API callbacks, the emulator; SQLite or PostgreSQL (TEST_DATABASE).
 */
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { groupPostOf, listDigests } from "../../db/digests.ts";
import { messageLink } from "../../src/slack/render-task-cutoff.ts";
import type { TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { WG } from "../replies/findings-support.ts";
import { ephemeralTo, PEOPLE, reminderThread } from "../replies/support.ts";
import { findingsAppHooks } from "./support/findings.ts";

const LIMIT = { timeout: 120_000 };
let t: TestApp;
let logs: LogWatch;
findingsAppHooks((app) => ({ t, logs } = app));
beforeAll(() => chooseLanguage(t, PEOPLE.janis, "en"), LIMIT.timeout);

describe("the digest thread's note for a task another live cut-off asks", LIMIT, () => {
  it("links the thread whose reminder asks it, else the current one (lv, en)", async () => {
    const env = { db: t.app.db, emulator: t.emulator };
    // The current cut-off (the next ahead, in 30 days) asks LM only 3; a later one asks 14.
    const now = DateTime.utc().minus({ days: 30 }).toISO();
    const current = await reminderThread(env, { code: "LM", channel: "C0DTE1", tasks: ["3"], now });
    const later = await reminderThread(env, { code: "LM", channel: "C0DTE2", tasks: ["14"] });
    await t.slack.command("/digest", "", { userId: PEOPLE.secretary, channelId: WG });
    await logs.waitFor((l) => l.msg === "digest posted", 20_000);
    const digest = (await listDigests(t.app.db, 1))[0];
    const post = digest ? await groupPostOf(t.app.db, digest.id) : undefined;
    if (!post) throw new Error("the digest was not posted to the working group");
    const laterLink = messageLink(later.channel, later.threadTs);
    const currentLink = messageLink(current.channel, current.threadTs);

    const cases = [
      [PEOPLE.anna, "14: apmācības notika", `(LM: <${laterLink}|atvērt>)`, "„14: …”"],
      [PEOPLE.anna, "3: apmācības notika", `(LM: <${currentLink}|atvērt>)`, "„3: …”"],
      [PEOPLE.anna, "2: apmācības notika", `(LM: <${currentLink}|atvērt>)`, "„2: …”"],
      [PEOPLE.janis, "14: training held", `(LM: <${laterLink}|open>)`, '"14: …"'],
    ] as const;
    for (const [user, text, link, example] of cases) {
      const told = t.emulator.waitFor(ephemeralTo(user, WG));
      await t.slack.userMessage({ channelId: WG, threadTs: post.parentTs, text, userId: user });
      const note = String((await told).args.text);
      expect(note, text).toContain(link);
      expect(note, text).toContain(example);
    }
  });
});
