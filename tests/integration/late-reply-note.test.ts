/**
 * Through the real app (signed Events API callbacks and interactions in, Web API calls out to
 * the emulator): a reply received after its cut-off's time is stored and its author is told,
 * privately, that it is kept and marked "(pēc ziņošanas termiņa)", naming the task, the cut-off
 * and its time in Riga — in a thread and through the "Submit update" form, in the person's
 * language; to a task the institution had answered in time (a contact's reply at or before the
 * cut-off), that it is kept as a supplement "(papildināts pēc ziņošanas termiņa)" and the
 * in-time answer stands, as the views mark it (src/domain/late-reply.ts). A reply filed under
 * no task gets only its assign prompt, no such note (it is no late answer to a task); the note
 * comes with the assign button's answer, or the edit's note, that files it. A reply in time
 * gets no such note. Waits on the emulator's records and the app's log lines.
 */
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { findCutoff } from "../../db/cutoffs.ts";
import { insertReply } from "../../db/replies.ts";
import { isCall } from "../../src/emulator/server.ts";
import { formatInstant } from "../../src/slack/format.ts";
import { ActionId } from "../../src/slack/ids.ts";
import { assignButtonValue } from "../../src/slack/render-reply-prompt.ts";
import type { TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import {
  APP_WAIT_MS,
  PEOPLE,
  reminderThread,
  replySteps,
  type ThreadFixture,
} from "../replies/support.ts";
import { findingsAppHooks } from "./support/findings.ts";

const LIMIT = { timeout: 120_000 };
let t: TestApp;
let logs: LogWatch;
findingsAppHooks((app) => ({ t, logs } = app));
beforeAll(() => chooseLanguage(t, PEOPLE.janis, "en"), LIMIT.timeout);
const { thread, reply, byForm, notesIn, edit, taskOf } = replySteps(() => ({ t, logs }), "C0LATE");

/** An LM reminder thread whose cut-off passed a day ago (planned 61 days back). */
async function passedThread(channel: string, tasks: string[]): Promise<ThreadFixture> {
  const now = DateTime.utc().minus({ days: 61 }).toISO();
  return reminderThread(
    { db: t.app.db, emulator: t.emulator },
    { code: "LM", channel, tasks, now },
  );
}

/** The cut-off's time as the note says it, in Riga, in `locale`. */
async function cutoffTime(f: ThreadFixture, locale: "lv" | "en"): Promise<string> {
  const cutoff = await findCutoff(t.app.db, f.cutoffId);
  if (!cutoff) throw new Error("no cut-off");
  return formatInstant(cutoff.at, t.config.timezone, locale);
}

/**
 * Stores, as the app would have, `user`'s reply to task `number` received a minute before the
 * thread's cut-off (in time); `verified`: `user` is a contact of LM.
 */
async function inTimeAnswer(f: ThreadFixture, number: string, user: string, verified: boolean) {
  const cutoff = await findCutoff(t.app.db, f.cutoffId);
  const task = await t.app.db
    .selectFrom("tasks")
    .select("id")
    .where("number", "=", number)
    .where("programme_id", "=", cutoff?.programmeId ?? 0)
    .executeTakeFirstOrThrow();
  const at = new Date(Date.parse(cutoff?.at ?? "") - 60_000);
  await insertReply(t.app.db, {
    cutoffId: f.cutoffId,
    institutionId: f.institutionId,
    taskId: task.id,
    channelId: f.channel,
    ts: `${Math.floor(at.getTime() / 1000)}.000100`,
    threadTs: f.threadTs,
    userId: user,
    text: `${number}: Laikā iesniegts.`,
    files: [],
    statusClaim: null,
    verified,
    source: "event",
    receivedAt: at.toISOString(),
  });
}

/** Waits for a private note to `user` in the thread's channel containing `words`. */
const noteTo = (f: ThreadFixture, user: string, words: string) =>
  t.emulator.waitFor(
    isCall(
      "chat.postEphemeral",
      (c) =>
        c.args.user === user && c.args.channel === f.channel && String(c.args.text).includes(words),
    ),
    APP_WAIT_MS,
  );

describe("a reply after its cut-off's time", () => {
  it(
    "is stored, and its author is told it is kept and marked late (lv)",
    async () => {
      const f = await passedThread("C0LATEA1", ["5", "14"]);
      const note = noteTo(f, PEOPLE.anna, "jau bija pagājis");
      const { stored } = await reply(f, "14: Grozījumi iesniegti Saeimā.");
      expect(stored?.taskId).not.toBeNull();
      const text = String((await note).args.text);
      expect(text).toContain(
        `Jūsu atbilde pie uzdevuma *14* ir saglabāta, taču ziņošanas termiņš #${f.cutoffId} (${await cutoffTime(f, "lv")}) jau bija pagājis`,
      );
      expect(text).toContain(
        "`/task`, kopsavilkumā un pielikumā tā būs atzīmēta „pēc ziņošanas termiņa”.",
      );
      expect(text).not.toContain("papildin");
    },
    LIMIT.timeout,
  );

  it(
    "through the form too, in the person's language (en)",
    async () => {
      const f = await passedThread("C0LATEB1", ["5"]);
      const note = noteTo(f, PEOPLE.janis, "had already passed");
      await byForm(f, "5", "Done in January.", PEOPLE.janis);
      const text = String((await note).args.text);
      expect(text).toContain(
        `Your reply to task *5* is stored, but reporting cut-off #${f.cutoffId} (${await cutoffTime(f, "en")}) had already passed`,
      );
      expect(text).toContain(
        "`/task`, the digest and the annex will mark it “after the reporting cut-off”.",
      );
      expect(text).not.toContain("supplement");
    },
    LIMIT.timeout,
  );

  it(
    "a reply in time gets no such note",
    async () => {
      const f = await thread(["5"]);
      await reply(f, "5: Izpildīts.");
      await byForm(f, "5", "Papildinājums.");
      // The form's confirmation is the last thing the app sends for it: after it, no note comes.
      await t.emulator.waitFor(
        isCall("chat.postMessage", (c) => c.args.channel === f.channel && c.ok),
        APP_WAIT_MS,
      );
      expect(notesIn(f).join("\n")).not.toContain("jau bija pagājis");
    },
    LIMIT.timeout,
  );
});

describe("a reply after the cut-off to a task answered in time", () => {
  it(
    "is kept as a supplement, the in-time answer standing, never 'marked late' (lv)",
    async () => {
      const f = await passedThread("C0LATEC1", ["5", "14"]);
      await inTimeAnswer(f, "5", PEOPLE.anna, true);
      const note = noteTo(f, PEOPLE.anna, "kā papildinājums");
      await reply(f, "5: Pēc termiņa papildinājums.");
      const text = String((await note).args.text);
      expect(text).toContain(
        `Jūsu atbilde pie uzdevuma *5* ir saglabāta kā papildinājums pēc ziņošanas termiņa #${f.cutoffId} (${await cutoffTime(f, "lv")}): uz šo uzdevumu jau bija atbildēts laikā, un laikā sniegtā atbilde paliek spēkā.`,
      );
      // The same places as the late note names: /task, the digest and the annex.
      expect(text).toContain(
        "`/task`, kopsavilkumā un pielikumā tā būs atzīmēta „papildināts pēc ziņošanas termiņa”, un uzdevums skaitās atbildēts laikā.",
      );
      expect(text).not.toContain("atgādinājumā");
      expect(text).not.toContain("jau bija pagājis");
      // Task 14 of the same thread, not answered in time: its late reply is marked late.
      const late = noteTo(f, PEOPLE.anna, "pie uzdevuma *14* ir saglabāta, taču");
      await reply(f, "14: Vēlu.");
      expect(String((await late).args.text)).toContain("„pēc ziņošanas termiņa”");
    },
    LIMIT.timeout,
  );

  it(
    "through the form too, in the person's language (en)",
    async () => {
      const f = await passedThread("C0LATED1", ["5"]);
      await inTimeAnswer(f, "5", PEOPLE.anna, true);
      const note = noteTo(f, PEOPLE.janis, "as a supplement");
      await byForm(f, "5", "Also done in February.", PEOPLE.janis);
      const text = String((await note).args.text);
      expect(text).toContain(
        `Your reply to task *5* is stored as a supplement after reporting cut-off #${f.cutoffId} (${await cutoffTime(f, "en")}): the task had already been answered in time, and that answer stands.`,
      );
      expect(text).toContain(
        "`/task`, the digest and the annex will mark it “supplemented after the reporting cut-off”, and the task counts as answered in time.",
      );
      expect(text).not.toContain("had already passed");
    },
    LIMIT.timeout,
  );

  it(
    "an outsider's reply in time answers nothing: a contact's reply after it is late (lv)",
    async () => {
      const f = await passedThread("C0LATEE1", ["5"]);
      await inTimeAnswer(f, "5", PEOPLE.outsider, false);
      const note = noteTo(f, PEOPLE.anna, "jau bija pagājis");
      await reply(f, "5: Izpildīts.");
      expect(String((await note).args.text)).toContain("pie uzdevuma *5* ir saglabāta, taču");
      // A second late reply to it is late too: no answer came in time.
      const second = noteTo(f, PEOPLE.anna, "jau bija pagājis");
      await reply(f, "5: Vēlreiz.");
      await second;
      expect(notesIn(f).join("\n")).not.toContain("kā papildinājums");
    },
    LIMIT.timeout,
  );
});

describe("a reply after the cut-off filed under no task", () => {
  /** Presses the assign prompt's button for task `number` as `user`; the answer's text. */
  async function assign(f: ThreadFixture, replyId: number, number: string, user: string) {
    const pressed = await t.slack.blockAction({
      actionId: `${ActionId.replyAssign}_0`,
      value: assignButtonValue(replyId, number),
      userId: user,
      channelId: f.channel,
      messageTs: f.threadTs,
    });
    return String((await t.slack.waitForResponse(pressed.responseUrl ?? "")).body.text);
  }

  it(
    "gets its assign prompt and no late note; filed with the button, told it is late (lv)",
    async () => {
      const f = await passedThread("C0LATEF1", ["5", "14"]);
      const prompt = noteTo(f, PEOPLE.anna, "Pie kura uzdevuma pievienot šo atbildi?");
      const { ts, stored } = await reply(f, "Viss kārtībā, sīkāk vēlāk.");
      expect(await taskOf(f, ts)).toBeNull();
      await prompt;
      // The late note would come before the prompt (acknowledgeReply's order): none came.
      expect(notesIn(f).join("\n")).not.toContain("termiņa");
      const answer = await assign(f, stored?.id ?? 0, "14", PEOPLE.anna);
      expect(answer).toContain(
        `✅ Atbilde pievienota uzdevumam *14*. Jūsu atbilde pie uzdevuma *14* ir saglabāta, taču ziņošanas termiņš #${f.cutoffId} (${await cutoffTime(f, "lv")}) jau bija pagājis`,
      );
      expect(answer).toContain("„pēc ziņošanas termiņa”");
      expect(await taskOf(f, ts)).toBe("14");
    },
    LIMIT.timeout,
  );

  it(
    "filed with the button under a task answered in time: told it is a supplement (en)",
    async () => {
      const f = await passedThread("C0LATEG1", ["2", "5", "14"]);
      await inTimeAnswer(f, "5", PEOPLE.anna, true);
      const prompt = noteTo(f, PEOPLE.janis, "Which task");
      const { ts, stored } = await reply(f, "All fine, details later.", PEOPLE.janis);
      expect(await taskOf(f, ts)).toBeNull();
      await prompt;
      expect(notesIn(f).join("\n")).not.toContain("cut-off");
      const answer = await assign(f, stored?.id ?? 0, "5", PEOPLE.janis);
      expect(answer).toContain(
        `✅ Reply attached to task *5*. Your reply to task *5* is stored as a supplement after reporting cut-off #${f.cutoffId} (${await cutoffTime(f, "en")})`,
      );
      expect(answer).not.toContain("had already passed");
    },
    LIMIT.timeout,
  );

  it(
    "filed by an edit starting with the number: the edit's note says it is late (lv)",
    async () => {
      const f = await passedThread("C0LATEH1", ["5", "14"]);
      const prompt = noteTo(f, PEOPLE.anna, "Pie kura uzdevuma pievienot šo atbildi?");
      const { ts } = await reply(f, "Viss kārtībā.");
      await prompt;
      const moved = noteTo(f, PEOPLE.anna, "Jūsu labotā atbilde pievienota uzdevumam *14*.");
      await edit(f, ts, "Viss kārtībā.", "14: Viss kārtībā.");
      expect(String((await moved).args.text)).toContain(
        `Jūsu labotā atbilde pievienota uzdevumam *14*. Jūsu atbilde pie uzdevuma *14* ir saglabāta, taču ziņošanas termiņš #${f.cutoffId} (${await cutoffTime(f, "lv")}) jau bija pagājis`,
      );
    },
    LIMIT.timeout,
  );
});
