/**
 * `/task N history` tells a moved reply's story on both tasks and shows what an edit changed (a
 * fresh user's findings): a reply moved from 14 to 5 by its author's edit reads, on 14, "LM's
 * reply (Anna, cut-off, received <day>) moved to task 5: „<the text it had>”" and, on 5, "moved
 * here from task 14, by editing: „14: …” → „5: …”"; an edit shows its text before and after,
 * around what changed, so a narrative of thousands of characters stays within Block Kit's
 * limits. Signed Events API callbacks (message_changed) and slash commands against the Slack
 * emulator, and the real CLI's `task 14 history`; waits on log lines, never on time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findReplyByMessage } from "../../db/replies.ts";
import { EDIT_SIDE_MAX, MOVED_EXCERPT_MAX } from "../../src/history/reply-story.ts";
import { SECTION_TEXT_MAX } from "../../src/slack/block-limits.ts";
import { formatInstantDay } from "../../src/slack/format.ts";
import { runCli } from "../cli/run-cli.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { chooseLanguage } from "../helpers/language.ts";
import { hideUrls } from "../helpers/links.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { slashText } from "../helpers/slash.ts";
import {
  APP_WAIT_MS,
  addPeople,
  nextLine,
  PEOPLE,
  replySteps,
  sendMessageChanged,
  type ThreadFixture,
} from "../replies/support.ts";

const LIMIT = { timeout: 120_000 };
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
const { thread, reply, taskOf } = replySteps(() => ({ t, logs }), "C0HMOVE");

let edits = 0;
/**
 * Anna edits `ts` from `before` to `after` (Slack's signed message_changed) and waits for the
 * app's "reply changed" line of that message written after this event was sent (the line names
 * only the message, so lines of its earlier edits are left out: each edit waits for its own),
 * then checks the store holds the new text (texts here need no escaping).
 */
async function edit(f: ThreadFixture, ts: string, before: string, after: string) {
  edits++;
  const changed = nextLine(
    logs,
    (l) => l.msg === "reply changed" && l.channel === f.channel && l.ts === ts,
    APP_WAIT_MS,
  );
  await sendMessageChanged(t, f, ts, before, after, `1900000200.${String(edits).padStart(6, "0")}`);
  expect((await changed()).result).toBe("edited");
  expect((await findReplyByMessage(t.app.db, f.channel, ts))?.text).toBe(after);
}

/** `/task <text>` through the signed endpoint as text (blocks checked against Slack's limits). */
const task = async (text: string, userId: string = PEOPLE.anna) =>
  hideUrls(await slashText(t, "/task", text, userId));
/** The lines of an answer that contain `part`. */
const linesWith = (text: string, part: string) => text.split("\n").filter((l) => l.includes(part));
const day = (iso: string, locale: "lv" | "en") => formatInstantDay(iso, t.config.timezone, locale);
/** The latest thread's cut-off as the history names a reply's ("#3", as `/task` does). */
let CUTOFF = "";

describe("/task N history: a reply moved from 14 to 5 by its author's edit", LIMIT, () => {
  let received = "";
  beforeAll(async () => {
    const f = await thread(["5", "14"]);
    CUTOFF = `#${f.cutoffId}`;
    const sent = await reply(f, "14: Noteikumi pieņemti 2010. gadā");
    received = sent.stored?.receivedAt ?? "";
    // Edited while under 14, then moved to 5 by naming it.
    await edit(
      f,
      sent.ts,
      "14: Noteikumi pieņemti 2010. gadā",
      "14: Noteikumi pieņemti 2011. gadā",
    );
    await edit(f, sent.ts, "14: Noteikumi pieņemti 2011. gadā", "5: Noteikumi pieņemti 2011. gadā");
    expect(await taskOf(f, sent.ts)).toBe("5");
  }, LIMIT.timeout);

  it("on 14: whose reply of which day went to task 5, with the text it had here", async () => {
    const text = await task("14 history");
    const [away, ...more] = linesWith(text, "pārvietota uz uzdevumu 5");
    expect(more).toEqual([]);
    expect(away).toContain(
      `↪️ *LM* atbilde (<@${PEOPLE.anna}>, ${CUTOFF}, saņemta ${day(received, "lv")}, atvērt ziņu (…)) pārvietota uz uzdevumu 5: „Noteikumi pieņemti 2011. gadā”`,
    );
    // Received here, with the text it had then (not the text of a later edit).
    expect(linesWith(text, "💬 *LM*").filter((l) => l.includes("Noteikumi"))).toEqual([
      expect.stringContaining(
        `(<@${PEOPLE.anna}>, ${CUTOFF}, atvērt ziņu (…)): „Noteikumi pieņemti 2010. gadā”`,
      ),
    ]);
    // The edit made while it was 14's stays in 14's history, with what it changed.
    expect(linesWith(text, "atbilde labota")).toEqual([
      expect.stringContaining(
        `✏️ *LM* atbilde labota (<@${PEOPLE.anna}>, ${CUTOFF}, atvērt ziņu (…)): „Noteikumi pieņemti 2010. gadā” → „Noteikumi pieņemti 2011. gadā”`,
      ),
    ]);

    const english = await task("14 history", PEOPLE.janis);
    expect(english).toContain(
      `↪️ *LM* reply (<@${PEOPLE.anna}>, ${CUTOFF}, received ${day(received, "en")}, open message (…)) moved to task 5: “Noteikumi pieņemti 2011. gadā”`,
    );
    expect(english).toContain(
      `reply edited (<@U0ANNA>, ${CUTOFF}, open message (…)): “Noteikumi pieņemti 2010. gadā” → “Noteikumi pieņemti 2011. gadā”`,
    );
  });

  it("on 5: moved here from task 14 by the edit, with its text before and after", async () => {
    const text = await task("5 history");
    expect(linesWith(text, "no uzdevuma 14")).toEqual([
      expect.stringContaining(
        `↪️ *LM* atbilde (<@${PEOPLE.anna}>, ${CUTOFF}, saņemta ${day(received, "lv")}, atvērt ziņu (…)) pārvietota uz šo uzdevumu no uzdevuma 14, labojot tekstu: „14: Noteikumi pieņemti 2011. gadā” → „5: Noteikumi pieņemti 2011. gadā”`,
      ),
    ]);
    // Received on 14, not here: no 💬 entry on 5; the edit under 14 is not 5's, nor told twice.
    expect(linesWith(text, "Noteikumi").filter((l) => l.includes("💬"))).toEqual([]);
    expect(text).not.toContain("atbilde labota");
    expect(text).not.toContain("2010");

    const english = await task("5 history", PEOPLE.janis);
    expect(english).toContain(
      `↪️ *LM* reply (<@${PEOPLE.anna}>, ${CUTOFF}, received ${day(received, "en")}, open message (…)) moved here from task 14 by an edit: “14: Noteikumi pieņemti 2011. gadā” → “5: Noteikumi pieņemti 2011. gadā”`,
    );
  });

  it("the CLI's task 14 history prints the same story", async () => {
    const cli = await runCli(["task", "14", "history"], {
      DATABASE_URL: t.config.databaseUrl,
      DATA_DIR: t.config.dataDir,
      LOG_LEVEL: "warn",
    });
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain("pārvietota uz uzdevumu 5: „Noteikumi pieņemti 2011. gadā”");
    expect(cli.stdout).toContain(
      "„Noteikumi pieņemti 2010. gadā” → „Noteikumi pieņemti 2011. gadā”",
    );
  });
});

/**
 * "14: " and a narrative of `n` numbered sentences (~75 characters each), sentence `i` (0-based)
 * saying `words.get(i)` where given.
 */
function narrative(n: number, words: ReadonlyMap<number, string> = new Map()): string {
  const sentences = Array.from(
    { length: n },
    (_, i) =>
      `${i + 1}. teikumā aprakstīts darbs ar ${words.get(i) ?? "pašvaldībām"} un nevalstiskajām organizācijām.`,
  );
  return `14: ${sentences.join(" ")}`;
}

describe("/task N history: edits of a long narrative", LIMIT, () => {
  it("show each change around what changed, within Slack's limits, in lv and en", async () => {
    const f = await thread(["5", "14"]);
    CUTOFF = `#${f.cutoffId}`;
    const words = new Map<number, string>();
    let text = narrative(60);
    expect(text.length).toBeGreaterThan(4_000);
    const sent = await reply(f, text);
    // Eleven edits, each changing one more sentence deep inside: more than a page of long lines.
    for (let i = 0; i < 11; i++) {
      words.set(20 + i * 3, `labojumu-${i}`);
      const next = narrative(60, words);
      await edit(f, sent.ts, text, next);
      text = next;
    }
    // A long reply moved away keeps a short excerpt of it on the task it left.
    const long = narrative(50, new Map([[1, "policiju"]]));
    const moved = await reply(f, long);
    await edit(f, moved.ts, long, long.replace(/^14:/u, "5:"));

    for (const [user, arrow] of [
      [PEOPLE.anna, "” → „"],
      [PEOPLE.janis, "” → “"],
    ] as const) {
      const page = await task("14 history", user);
      const edits = page.split("\n").filter((l) => l.includes(arrow));
      // Ten entries a page: the moved reply's move and its receipt here (it was first 14's), 8 edits.
      expect(edits.length).toBeGreaterThanOrEqual(8);
      for (const line of edits) {
        expect(line.length).toBeLessThan(2 * EDIT_SIDE_MAX + 200);
        expect(line.length).toBeLessThan(SECTION_TEXT_MAX);
      }
      // The latest edit: both sides start just before sentence 51 and show the changed words.
      const latest = edits.find((l) => l.includes("labojumu-10")) ?? "";
      expect(latest).toMatch(/…[^„“]*51\. teikumā aprakstīts darbs ar pašvaldībām/u);
      expect(latest).toContain("51. teikumā aprakstīts darbs ar labojumu-10");
      expect(latest).not.toContain(
        "1. teikumā aprakstīts darbs ar pašvaldībām un nevalstiskajām organizācijām. 2.",
      );
      const away = page.split("\n").find((l) => /(?:uzdevumu|task) 5: /u.test(l));
      expect(away).toBeDefined();
      const quoted = /(?:„|“)(.*)”/u.exec(away ?? "")?.[1] ?? "";
      expect(quoted.length).toBeLessThanOrEqual(MOVED_EXCERPT_MAX);
      expect(quoted).toMatch(/^1\. teikumā aprakstīts darbs ar pašvaldībām.*…$/u);
      // An older page holds the rest, also within the limits (slashText checks the blocks).
      expect(await task("14 history 2", user)).toContain("labojumu-0");
    }
  });
});

describe("/task N history: an edit of only whitespace", LIMIT, () => {
  it("says only whitespace changed instead of quoting the same text twice, lv and en", async () => {
    const f = await thread(["5", "14"]);
    CUTOFF = `#${f.cutoffId}`;
    const sent = await reply(f, "14: Atzinums nosūtīts ministrijai");
    await edit(
      f,
      sent.ts,
      "14: Atzinums nosūtīts ministrijai",
      "14: Atzinums nosūtīts\nministrijai",
    );
    const lv = linesWith(await task("14 history"), "labotas tikai atstarpes");
    expect(lv).toEqual([
      expect.stringContaining(
        `✏️ *LM* atbilde labota (<@${PEOPLE.anna}>, ${CUTOFF}, atvērt ziņu (…)): labotas tikai atstarpes`,
      ),
    ]);
    expect(lv[0]).not.toContain("„Atzinums");
    const en = linesWith(await task("14 history", PEOPLE.janis), "only whitespace changed");
    expect(en).toEqual([
      expect.stringContaining(
        `✏️ *LM* reply edited (<@${PEOPLE.anna}>, ${CUTOFF}, open message (…)): only whitespace changed`,
      ),
    ]);
  });
});
