/**
 * `/task N history` names a reply's cut-off "#N", as `/task` and the README do, marks a reply
 * received after its cut-off's time "(pēc ziņošanas termiņa)" / "(after the reporting
 * cut-off)", as `/task` and the digest mark it, and tells a reply's deletion as a dated line of
 * its own, with no link to the deleted message anywhere (a fresh user's findings). Signed
 * Events API callbacks and slash commands in, against the Slack emulator; waits on the app's
 * log lines, never on time.
 */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { hideUrls } from "../helpers/links.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { slashText } from "../helpers/slash.ts";
import {
  PEOPLE,
  peopleAppHooks,
  reminderThread,
  replySteps,
  type ThreadFixture,
} from "../replies/support.ts";

let t: TestApp;
let logs: LogWatch;
peopleAppHooks({ level: "debug" }, (app) => ({ t, logs } = app));
const { thread, reply, edit } = replySteps(() => ({ t, logs }), "C0HWL");

/** `/task <text>` through the signed endpoint, as text, URLs hidden. */
const task = async (text: string, userId: string = PEOPLE.anna) =>
  hideUrls(await slashText(t, "/task", text, userId));

/** The raw answer (URLs kept), to check no link leads to a deleted message. */
const raw = (text: string) => slashText(t, "/task", text, PEOPLE.anna);

let deletions = 0;
/** Slack's message_deleted for `ts`, waited for until handled. */
async function remove(f: ThreadFixture, ts: string) {
  deletions++;
  const at = `1900000002.${String(deletions).padStart(6, "0")}`;
  await t.slack.event({
    type: "message",
    subtype: "message_deleted",
    channel: f.channel,
    hidden: true,
    deleted_ts: ts,
    ts: at,
    event_ts: at,
    previous_message: { type: "message", user: PEOPLE.anna, text: "", ts },
  });
  await logs.waitFor((l) => l.msg === "reply changed" && l.ts === ts && l.result === "withdrawn");
}

/** The lines of `text` that contain `part`. */
const linesWith = (text: string, part: string) => text.split("\n").filter((l) => l.includes(part));

describe("/task N history: cut-off numbers and late replies", () => {
  it("names the cut-off #N and marks a late reply, as /task does", async () => {
    const live = await thread(["2", "14"]);
    // A cut-off ten days ago: its replies now are late.
    const passed = await reminderThread(
      { db: t.app.db, emulator: t.emulator },
      {
        code: "LM",
        channel: "C0HWLPAST",
        tasks: ["2", "14"],
        now: DateTime.utc().minus({ days: 70 }).toISO() ?? "",
      },
    );
    await reply(live, "14: laikā iesniegta");
    await reply(passed, "14: vēlu iesniegta");

    const text = await task("14 history");
    const [inTime] = linesWith(text, "laikā iesniegta");
    expect(inTime).toContain(`💬 *LM* (<@${PEOPLE.anna}>, #${live.cutoffId}, atvērt ziņu (…)):`);
    expect(inTime).not.toContain("pēc ziņošanas termiņa");
    const [late] = linesWith(text, "vēlu iesniegta");
    expect(late).toMatch(
      new RegExp(
        `💬 \\*LM\\* \\(<@${PEOPLE.anna}>, #${passed.cutoffId}, atvērt ziņu \\(…\\)\\): „vēlu iesniegta” _\\(pēc ziņošanas termiņa\\)_$`,
        "u",
      ),
    );
    expect(text).not.toContain("Informatīvais ziņojums MK");

    await chooseLanguage(t, PEOPLE.janis, "en");
    const english = await task("14 history", PEOPLE.janis);
    expect(linesWith(english, "vēlu iesniegta")[0]).toMatch(
      /, #\d+, open message \(…\)\): “vēlu iesniegta” _\(after the reporting cut-off\)_$/u,
    );
    expect(linesWith(english, "laikā iesniegta")[0]).not.toContain("after the reporting cut-off");
  });

  it("a reply moved here after the cut-off is marked late where it says when it was received", async () => {
    const passed = await reminderThread(
      { db: t.app.db, emulator: t.emulator },
      {
        code: "LM",
        channel: "C0HWLMOVE",
        tasks: ["5", "19"],
        now: DateTime.utc().minus({ days: 70 }).toISO() ?? "",
      },
    );
    const { ts } = await reply(passed, "5: sākumā par 5");
    await edit(passed, ts, "5: sākumā par 5", "19: tagad par 19");
    const here = linesWith(await task("19 history"), "pārvietota uz šo uzdevumu no uzdevuma 5");
    expect(here[0]).toMatch(
      new RegExp(
        `\\(<@\\w+>, #${passed.cutoffId}, saņemta [\\d.]+ pēc ziņošanas termiņa, atvērt ziņu \\(…\\)\\)`,
        "u",
      ),
    );
    const away = linesWith(await task("5 history"), "pārvietota uz uzdevumu 19");
    expect(away[0]).toContain(`#${passed.cutoffId}, saņemta`);
    expect(away[0]).toContain("pēc ziņošanas termiņa, atvērt ziņu");
  });
});

describe("/task N history: a deleted reply", () => {
  it("its deletion is a dated line of its own; no line links to the deleted message", async () => {
    const f = await thread(["2", "14", "19"]);
    const { ts } = await reply(f, "19: pirmais teksts");
    await edit(f, ts, "19: pirmais teksts", "19: otrais teksts");
    await remove(f, ts);

    const text = await task("19 history");
    const deleted = linesWith(text, "dzēsta");
    expect(deleted).toHaveLength(1);
    expect(deleted[0]).toMatch(
      new RegExp(
        `^\\*[^*]+ \\d\\d:\\d\\d\\* 🗑️ \\*LM\\* atbilde dzēsta un atsaukta \\(<@${PEOPLE.anna}>, #${f.cutoffId}, saņemta [\\d.]+\\)$`,
        "u",
      ),
    );
    // The receipt and the edit are still told, without the text and without a link.
    expect(text).toContain(
      `💬 *LM* (<@${PEOPLE.anna}>, #${f.cutoffId}) _(atsaukta – teksts netiek rādīts)_`,
    );
    expect(text).toContain(`✏️ *LM* atbilde labota (<@${PEOPLE.anna}>, #${f.cutoffId})`);
    expect(text).not.toContain("pirmais");
    expect(text).not.toContain("otrais");
    expect(await raw("19 history")).not.toContain(`p${ts.replace(".", "")}`);
    // Newest first: the deletion above the edit, the edit above the receipt.
    const order = ["dzēsta", "labota", "atsaukta – teksts"].map((w) =>
      text.split("\n").findIndex((l) => l.includes(w)),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));

    await chooseLanguage(t, PEOPLE.janis, "en");
    const english = await task("19 history", PEOPLE.janis);
    expect(linesWith(english, "deleted")[0]).toMatch(
      new RegExp(
        `🗑️ \\*LM\\* reply deleted and withdrawn \\(<@${PEOPLE.anna}>, #${f.cutoffId}, received [^)]+\\)$`,
        "u",
      ),
    );
  });
});
