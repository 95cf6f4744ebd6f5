/**
 * `/task N history` tells each task the truth about a reply (a fresh user's finding): the 💬
 * "received" entry stands on the task the reply was first filed under, with the text it had
 * then (the text its first edit replaced); the task it moved to shows the ↪️ "moved here" entry
 * with the text at the move, and later edits, never a received entry with today's text. A reply
 * first filed under no task shows only the "attributed" entry; a withdrawn one never its text.
 * Signed Events API callbacks (messages, message_changed, message_deleted), the assign button
 * and slash commands against the Slack emulator; lv and en; waits on log lines, never on time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeCutoff } from "../../db/cutoffs.ts";
import { ActionId } from "../../src/slack/ids.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { hideUrls } from "../helpers/links.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { slashText } from "../helpers/slash.ts";
import { addPeople, nextLine, PEOPLE, replySteps, type ThreadFixture } from "../replies/support.ts";

const LIMIT = { timeout: 120_000 };
/** The latest thread's cut-off as the history names a reply's ("#3", as `/task` does). */
let CUTOFF = "";
let t: TestApp;
let logs: LogWatch;
beforeAll(async () => {
  logs = watchLogs("debug");
  t = await startTestApp({ logger: logs.logger });
  addPeople(t.emulator);
  await chooseLanguage(t, PEOPLE.janis, "en");
}, LIMIT.timeout);
afterAll(async () => {
  await t?.stop();
});
const { thread, reply, edit, taskOf } = replySteps(() => ({ t, logs }), "C0HFIRST");

/** `/task <text>` through the signed endpoint, as text (blocks checked against Slack's limits). */
const task = async (text: string, userId: string = PEOPLE.anna) =>
  hideUrls(await slashText(t, "/task", text, userId));
/** The lines of `/task <number> history` (as `userId`) that contain `part`. */
async function lines(number: string, part: string, userId: string = PEOPLE.anna) {
  const text = await task(`${number} history`, userId);
  return text.split("\n").filter((l) => l.includes(part));
}

let deletes = 0;
/** Slack's message_deleted for anna's `ts`, waited for until the app has withdrawn it. */
async function withdraw(f: ThreadFixture, ts: string) {
  deletes++;
  const at = `1900000300.${String(deletes).padStart(6, "0")}`;
  const done = nextLine(logs, (l) => l.msg === "reply changed" && l.ts === ts);
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
  await done();
}

describe("a reply moved from 5 to 14 by an edit, then edited", LIMIT, () => {
  beforeAll(async () => {
    const f = await thread(["5", "14"]);
    CUTOFF = `#${f.cutoffId}`;
    const sent = await reply(f, "5: grozījumi sagatavoti");
    await edit(f, sent.ts, "5: grozījumi sagatavoti", "14: grozījumi sagatavoti");
    await edit(
      f,
      sent.ts,
      "14: grozījumi sagatavoti",
      "14: grozījumi pieņemti un publicēti Latvijas Vēstnesī",
    );
    expect(await taskOf(f, sent.ts)).toBe("14");
  }, LIMIT.timeout);

  it("on 14: moved here and the later edit, no received entry with today's text", async () => {
    const all = await lines("14", "grozījumi");
    expect(all.filter((l) => l.includes("💬"))).toEqual([]);
    expect(all).toEqual([
      expect.stringContaining(
        `✏️ *LM* atbilde labota (<@${PEOPLE.anna}>, ${CUTOFF}, atvērt ziņu (…)): „grozījumi sagatavoti” → „grozījumi pieņemti un publicēti Latvijas Vēstnesī”`,
      ),
      expect.stringContaining(
        "pārvietota uz šo uzdevumu no uzdevuma 5, labojot tekstu: „5: grozījumi sagatavoti” → „14: grozījumi sagatavoti”",
      ),
    ]);
    const en = await lines("14", "grozījumi", PEOPLE.janis);
    expect(en.filter((l) => l.includes("💬"))).toEqual([]);
    expect(en[1]).toContain(
      "moved here from task 5 by an edit: “5: grozījumi sagatavoti” → “14: grozījumi sagatavoti”",
    );
  });

  it("on 5: received with its first text, moved away, never the later text", async () => {
    const all = await lines("5", "grozījumi");
    expect(all).toEqual([
      expect.stringContaining("pārvietota uz uzdevumu 14: „grozījumi sagatavoti”"),
      expect.stringContaining(
        `💬 *LM* (<@${PEOPLE.anna}>, ${CUTOFF}, atvērt ziņu (…)): „grozījumi sagatavoti”`,
      ),
    ]);
    expect(all.join("\n")).not.toContain("publicēti");
    const en = await lines("5", "grozījumi", PEOPLE.janis);
    expect(en[1]).toContain(
      `💬 *LM* (<@${PEOPLE.anna}>, ${CUTOFF}, open message (…)): “grozījumi sagatavoti”`,
    );
    expect(en.join("\n")).not.toContain("publicēti");
  });
});

describe("a reply never moved, edited twice", LIMIT, () => {
  it("is received with its first text; each edit shows before → after", async () => {
    const f = await thread(["5", "14"]);
    CUTOFF = `#${f.cutoffId}`;
    const sent = await reply(f, "14: atzinums nosūtīts");
    await edit(f, sent.ts, "14: atzinums nosūtīts", "14: atzinums nosūtīts ministrijai");
    await edit(
      f,
      sent.ts,
      "14: atzinums nosūtīts ministrijai",
      "14: atzinums nosūtīts ministrijai un saskaņots",
    );
    const all = await lines("14", "atzinums");
    expect(all).toEqual([
      expect.stringContaining(
        `atbilde labota (<@U0ANNA>, ${CUTOFF}, atvērt ziņu (…)): „atzinums nosūtīts ministrijai” → „atzinums nosūtīts ministrijai un saskaņots”`,
      ),
      expect.stringContaining(
        `atbilde labota (<@U0ANNA>, ${CUTOFF}, atvērt ziņu (…)): „atzinums nosūtīts” → „atzinums nosūtīts ministrijai”`,
      ),
      expect.stringContaining(
        `💬 *LM* (<@${PEOPLE.anna}>, ${CUTOFF}, atvērt ziņu (…)): „atzinums nosūtīts”`,
      ),
    ]);
    const en = await lines("14", "atzinums", PEOPLE.janis);
    expect(en[2]).toContain(
      `💬 *LM* (<@${PEOPLE.anna}>, ${CUTOFF}, open message (…)): “atzinums nosūtīts”`,
    );
    expect(en[0]).toContain(
      `reply edited (<@U0ANNA>, ${CUTOFF}, open message (…)): “atzinums nosūtīts ministrijai” → “atzinums nosūtīts ministrijai un saskaņots”`,
    );
  });
});

describe("a reply first filed under no task", LIMIT, () => {
  it("attributed by an edit: only the attributed entry, with its text before and after", async () => {
    const f = await thread(["5", "14"]);
    CUTOFF = `#${f.cutoffId}`;
    const sent = await reply(f, "Darbs pie projekta turpinās");
    expect(await taskOf(f, sent.ts)).toBeNull();
    await edit(f, sent.ts, "Darbs pie projekta turpinās", "14: Darbs pie projekta turpinās");
    await edit(f, sent.ts, "14: Darbs pie projekta turpinās", "14: Darbs pie projekta pabeigts");
    const all = await lines("14", "projekta");
    expect(all.filter((l) => l.includes("💬"))).toEqual([]);
    expect(all).toEqual([
      expect.stringContaining("„Darbs pie projekta turpinās” → „Darbs pie projekta pabeigts”"),
      expect.stringContaining(
        "piesaistīta šim uzdevumam, labojot tekstu: „Darbs pie projekta turpinās” → „14: Darbs pie projekta turpinās”",
      ),
    ]);
    const en = await lines("14", "projekta", PEOPLE.janis);
    expect(en.filter((l) => l.includes("💬"))).toEqual([]);
    expect(en[1]).toContain(
      "attributed to this task by an edit: “Darbs pie projekta turpinās” → “14: Darbs pie projekta turpinās”",
    );
  });

  it("attributed by the assign button: the attributed entry with the text it came with", async () => {
    const f = await thread(["5", "14"]);
    CUTOFF = `#${f.cutoffId}`;
    const sent = await reply(f, "Sadarbība ar pašvaldībām notiek");
    expect(await taskOf(f, sent.ts)).toBeNull();
    const replyId = sent.stored?.id ?? 0;
    const assigned = nextLine(logs, (l) => l.msg === "reply assigned" && l.replyId === replyId);
    await t.slack.blockAction({
      actionId: `${ActionId.replyAssign}_0`,
      value: `${replyId}:14`,
      userId: PEOPLE.anna,
      channelId: f.channel,
      messageTs: f.threadTs,
    });
    await assigned();
    const all = await lines("14", "pašvaldībām");
    expect(all).toEqual([
      expect.stringContaining(`↪️ *LM* atbilde (<@${PEOPLE.anna}>, ${CUTOFF}, saņemta `),
    ]);
    expect(all[0]).toContain("piesaistīta šim uzdevumam: „Sadarbība ar pašvaldībām notiek”");
    const en = await lines("14", "pašvaldībām", PEOPLE.janis);
    expect(en).toEqual([
      expect.stringContaining("attributed to this task: “Sadarbība ar pašvaldībām notiek”"),
    ]);
  });
});

describe("a withdrawn reply moved from 5 to 14", LIMIT, () => {
  it("shows no text on either task: received on 5, moved here on 14, both marked", async () => {
    const f = await thread(["5", "14"]);
    CUTOFF = `#${f.cutoffId}`;
    const sent = await reply(f, "5: slepenais melnraksts");
    await edit(f, sent.ts, "5: slepenais melnraksts", "14: slepenais melnraksts");
    await withdraw(f, sent.ts);
    for (const [user, mark] of [
      [PEOPLE.anna, "_(atsaukta – teksts netiek rādīts)_"],
      [PEOPLE.janis, "_(withdrawn – the text is not shown)_"],
    ] as const) {
      const on14 = await task("14 history", user);
      const on5 = await task("5 history", user);
      expect(on14).not.toContain("slepenais");
      expect(on5).not.toContain("slepenais");
      const here = on14.split("\n").filter((l) => l.includes("↪️") && l.includes(mark));
      expect(here).toHaveLength(1);
      expect(here[0]).toMatch(/(?:no uzdevuma 5|from task 5)/u);
      // The withdrawn reply is received on 5 only (this suite withdraws no other reply).
      expect(on14.split("\n").filter((l) => l.includes("💬") && l.includes(mark))).toEqual([]);
      expect(on5.split("\n").filter((l) => l.includes("💬") && l.includes(mark))).toHaveLength(1);
      expect(on5.split("\n").filter((l) => l.includes("↪️") && l.includes(mark))).toHaveLength(1);
    }
  });
});

describe("a reply in a removed cut-off's thread moved from 14 to 5, then edited", LIMIT, () => {
  it("is received on 14 with its first text; 5 shows the move and the edit", async () => {
    const f = await thread(["5", "14"]);
    CUTOFF = `#${f.cutoffId}`;
    const sent = await reply(f, "14: iesniegts projekts");
    await removeCutoff(t.app.db, f.cutoffId, new Date().toISOString());
    await edit(f, sent.ts, "14: iesniegts projekts", "5: iesniegts projekts");
    await edit(f, sent.ts, "5: iesniegts projekts", "5: iesniegts un apstiprināts projekts");
    expect(await taskOf(f, sent.ts)).toBe("5");
    const on5 = await lines("5", "projekts");
    expect(on5.filter((l) => l.includes("💬"))).toEqual([]);
    expect(on5).toEqual([
      expect.stringContaining("„iesniegts projekts” → „iesniegts un apstiprināts projekts”"),
      expect.stringContaining("pārvietota uz šo uzdevumu no uzdevuma 14, labojot tekstu"),
    ]);
    const on14 = await lines("14", "projekts");
    expect(on14).toEqual([
      expect.stringContaining("pārvietota uz uzdevumu 5: „iesniegts projekts”"),
      expect.stringContaining(
        `💬 *LM* (<@${PEOPLE.anna}>, ${CUTOFF}, atvērt ziņu (…)): „iesniegts projekts”`,
      ),
    ]);
    expect(on14.join("\n")).not.toContain("apstiprināts");
    const en = await lines("5", "projekts", PEOPLE.janis);
    expect(en.filter((l) => l.includes("💬"))).toEqual([]);
    expect(en[1]).toContain("moved here from task 14 by an edit");
  });
});
