/**
 * `/task N history` marks a reply after the cut-off to a task its institution had answered in
 * time for that cut-off as a supplement, "(papildināts pēc ziņošanas termiņa)" /
 * "(supplemented after the reporting cut-off)", as `/task`, the digest and the annex do
 * (src/domain/late-reply.ts); a first answer after the cut-off stays "(pēc ziņošanas
 * termiņa)", also when the institution's own reply in time was unverified (it answers
 * nothing). Signed Events API callbacks and slash commands in, against the Slack emulator (both
 * stores); the replies in time stored as the app stores them, at a time before the cut-off.
 */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { hideUrls } from "../helpers/links.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { slashText } from "../helpers/slash.ts";
import { PEOPLE, peopleAppHooks, reminderThread, replySteps } from "../replies/support.ts";
import { storeReply } from "./support/replies.ts";

let t: TestApp;
let logs: LogWatch;
peopleAppHooks({ level: "debug" }, (app) => ({ t, logs } = app));
const { reply } = replySteps(() => ({ t, logs }), "C0HSUP");

/** `/task <text>` through the signed endpoint, as text, URLs hidden. */
const task = async (text: string, userId: string = PEOPLE.anna) =>
  hideUrls(await slashText(t, "/task", text, userId));

/** The line of `text` that contains `part`, or "". */
const lineWith = (text: string, part: string) =>
  text.split("\n").find((l) => l.includes(part)) ?? "";

describe("/task N history: supplements", () => {
  it("marks a reply after the cut-off to a task answered in time as a supplement", async () => {
    // A cut-off ten days ago (60 days after the reminder's "now").
    const passed = await reminderThread(
      { db: t.app.db, emulator: t.emulator },
      {
        code: "LM",
        channel: "C0HSUPPAST",
        tasks: ["2", "14"],
        now: DateTime.utc().minus({ days: 70 }).toISO() ?? "",
      },
    );
    const inTime = DateTime.utc().minus({ days: 60 }).toISO() ?? "";
    const stored = (task: string, text: string, n: number, verified: boolean) =>
      storeReply(t.app.db, {
        code: "LM",
        cutoffId: passed.cutoffId,
        task,
        channelId: passed.channel,
        ts: `1700000000.00000${n}`,
        userId: verified ? PEOPLE.anna : PEOPLE.outsider,
        text: `${task}: ${text}`,
        verified,
        receivedAt: inTime,
      });
    await stored("14", "laikā sniegta", 1, true);
    await stored("2", "nepārbaudīta laikā", 2, false);
    await reply(passed, "14: papildinājums vēlāk");
    await reply(passed, "2: pirmā pēc termiņa");

    const fourteen = await task("14 history");
    expect(lineWith(fourteen, "laikā sniegta")).not.toContain("termiņa)_");
    const supplement = lineWith(fourteen, "papildinājums vēlāk");
    expect(supplement).toMatch(
      new RegExp(
        `💬 \\*LM\\* \\(<@${PEOPLE.anna}>, #${passed.cutoffId}, atvērt ziņu \\(…\\)\\): „papildinājums vēlāk” _\\(papildināts pēc ziņošanas termiņa\\)_$`,
        "u",
      ),
    );
    // LM's in-time answer to 2 was unverified: its first verified answer is late.
    const two = await task("2 history");
    expect(lineWith(two, "pirmā pēc termiņa")).toMatch(
      /„pirmā pēc termiņa” _\(pēc ziņošanas termiņa\)_$/u,
    );

    await chooseLanguage(t, PEOPLE.janis, "en");
    const english = await task("14 history", PEOPLE.janis);
    expect(lineWith(english, "papildinājums vēlāk")).toMatch(
      /“papildinājums vēlāk” _\(supplemented after the reporting cut-off\)_$/u,
    );
    const twoEn = await task("2 history", PEOPLE.janis);
    expect(lineWith(twoEn, "pirmā pēc termiņa")).toMatch(
      /“pirmā pēc termiņa” _\(after the reporting cut-off\)_$/u,
    );
  });
});
