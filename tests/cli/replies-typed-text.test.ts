/**
 * `npm run cli -- replies` shows a reply's text as the person typed it: Slack sends a thread
 * reply's text with `&`, `<` and `>` escaped (`&amp;`, `&lt;`, `&gt;`) and a "Submit update"
 * answer is stored escaped alike (migration 2026_12_03_090000_escape_modal_reply_text), so
 * `--json`'s `text` decodes those three (and only those: Slack's codes such as `<@U…>` stay),
 * with the field names unchanged (a contract), and the table reads the same. Real app (signed
 * requests, emulator), real CLI process on the same store.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { addPeople, replySteps } from "../replies/support.ts";
import { REPLY_JSON_FIELDS } from "./reply-json-fields.ts";
import { runCli } from "./run-cli.ts";

let t: TestApp;
let logs: LogWatch;
const steps = replySteps(() => ({ t, logs }), "C0TYPED");

beforeAll(async () => {
  logs = watchLogs();
  t = await startTestApp({ logger: logs.logger });
  addPeople(t.emulator);
});
afterAll(async () => {
  await t?.stop();
});

const cliEnv = () => ({
  DATABASE_URL: t.config.databaseUrl,
  DATA_DIR: t.config.dataDir,
  LOG_LEVEL: "warn",
});

/** What Anna typed in the thread, and what Slack sends the app for it (escaped). */
const TYPED = "R&D < 6 > 5, a literal &amp; and <@U0JANIS>";
const SENT = "14: R&amp;D &lt; 6 &gt; 5, a literal &amp;amp; and <@U0JANIS>";
/** What Anna types into the "Submit update" form for task 5 (Slack does not escape it). */
const FORM = "Izpildīts: R&D <b> & 1 > 0";

describe("`replies` shows the text as typed", { timeout: 120_000 }, () => {
  it("in --json (the same fields) and in the table, for a thread reply and a form answer", async () => {
    const f = await steps.thread(["14", "5"]);
    const { stored } = await steps.reply(f, SENT);
    expect(stored?.text).toBe(SENT);
    await steps.byForm(f, "5", FORM);

    const json = await runCli(["replies", "--cutoff", String(f.cutoffId), "--json"], cliEnv());
    expect(json.code, json.stderr).toBe(0);
    const rows = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    expect(Object.keys(rows[0] ?? {})).toEqual([...REPLY_JSON_FIELDS]);
    const byTask = Object.fromEntries(rows.map((r) => [String(r.task), r]));
    expect(byTask["14"]).toMatchObject({ source: "event", text: `14: ${TYPED}` });
    expect(byTask["5"]).toMatchObject({ source: "modal", text: FORM });
    expect(json.stdout).not.toMatch(/&lt;|&gt;|&amp;amp;/);

    const table = await runCli(
      ["replies", "--cutoff", String(f.cutoffId), "--lang", "en"],
      cliEnv(),
    );
    expect(table.code, table.stderr).toBe(0);
    const line = (task: string) =>
      table.stdout.split("\n").find((l) => new RegExp(`^LM +${task} `).test(l)) ?? "";
    // A mention reads as `slackPlainText` shows it: nobody names Jānis here, so "@" and his ID.
    expect(line("14")).toMatch(/ {2}R&D < 6 > 5, a literal &amp; and @U0JANIS$/);
    expect(line("5")).toMatch(/ {2}Izpildīts: R&D <b> & 1 > 0$/);
  });
});
