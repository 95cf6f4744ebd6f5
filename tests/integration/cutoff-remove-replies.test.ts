/**
 * A removed cut-off keeps its replies (`removed_at` set, rows kept), so they stay reachable:
 * `replies --cutoff N` lists them with the heading marking the cut-off removed, and the annex
 * (the CLI's `export annex --cutoff N` and Slack's `/export annex N`) is made from them, the CLI
 * saying the cut-off was removed. An id no cut-off ever had is still refused. Real app (signed
 * requests, emulator, worker), real CLI process on the same store.
 *
 * Each CLI run is a fresh `node --import tsx` process (seconds of CPU each; over ten seconds
 * of wall time on a loaded machine), so the runs are spread over several tests, at most two in
 * each, each test with its own time limit (one run after another: each migrates the store
 * first, a write transaction).
 * Every wait is on a condition (the app's log line, the command's answer), never on time.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cliText } from "../../src/i18n/cli.ts";
import { cutoffText } from "../../src/i18n/cutoff.ts";
import { exportCommandText } from "../../src/i18n/export-command.ts";
import { runCli } from "../cli/run-cli.ts";
import type { TestApp } from "../helpers/app.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { slashText } from "../helpers/slash.ts";
import { tempDir } from "../helpers/store.ts";
import { PEOPLE, peopleAppHooks, replySteps, type ThreadFixture } from "../replies/support.ts";
import { appCliEnv, SLOW_MS } from "./support/cutoffs.ts";

const LIMIT = { timeout: 120_000 };

let t: TestApp;
let logs: LogWatch;
const steps = replySteps(() => ({ t, logs }), "C0REMOVED");

peopleAppHooks(
  { secretaries: [PEOPLE.secretary], timeoutMs: LIMIT.timeout },
  (app) => ({ t, logs } = app),
);

const cliEnv = () => appCliEnv(t);

describe("a removed cut-off's replies", LIMIT, () => {
  let f: ThreadFixture;

  // A thread with one reply on task 14, then its cut-off removed with the signed /cutoff remove.
  beforeAll(async () => {
    f = await steps.thread(["14"]);
    const { ts } = await t.slack.userMessage({
      channelId: f.channel,
      threadTs: f.threadTs,
      text: "14: grozījumi pieņemti",
      userId: PEOPLE.anna,
    });
    await logs.waitFor((l) => l.msg === "reply stored" && l.ts === ts, SLOW_MS);
    const removed = await slashText(t, "/cutoff", `remove ${f.cutoffId}`, PEOPLE.secretary);
    expect(removed).toContain("Saņemtās atbildes paliek.");
  }, LIMIT.timeout);

  it("are listed by `replies --cutoff N`, the heading marking it removed (and as JSON)", async () => {
    const id = String(f.cutoffId);
    const listed = await runCli(["replies", "--cutoff", id], cliEnv());
    const json = await runCli(["replies", "--cutoff", id, "--json"], cliEnv());
    expect(listed.stderr).not.toContain(cliText("lv").noCutoff(f.cutoffId));
    expect(listed.code).toBe(0);
    const [heading] = listed.stdout.split("\n");
    expect(heading).toContain(`Ziņošanas termiņš #${f.cutoffId}:`);
    expect(heading).toContain(`[${cutoffText("lv").removedMark}]`);
    expect(listed.stdout).toContain("grozījumi pieņemti");
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject([{ task: "14", institution: "LM" }]);
  });

  it("`replies --cutoff N --lang en` marks it removed in English", async () => {
    const en = await runCli(["replies", "--cutoff", String(f.cutoffId), "--lang", "en"], cliEnv());
    expect(en.code).toBe(0);
    expect(en.stdout.split("\n")[0]).toContain(`[${cutoffText("en").removedMark}]`);
  });

  it("are exported by the CLI's `export annex --cutoff N`, which says it was removed", async () => {
    const out = join(tempDir(), "annex.csv");
    const exported = await runCli(
      ["export", "annex", "--cutoff", String(f.cutoffId), "--out", out],
      cliEnv(),
    );
    expect(exported.stderr).toBe("");
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(cutoffText("lv").removedExport(f.cutoffId));
    expect(readFileSync(out, "utf8")).toContain("grozījumi pieņemti");
  });

  it("are exported by Slack's `/export annex N`", async () => {
    const slack = await slashText(t, "/export", `annex ${f.cutoffId} csv`, PEOPLE.secretary);
    expect(slack).not.toContain(exportCommandText("lv").noCutoff(f.cutoffId));
    expect(slack).toContain("Nosūtīju jums privātā ziņā");
  });

  it("an id no cut-off ever had is still refused (CLI exit 1, Slack's answer)", async () => {
    const out = join(tempDir(), "none.csv");
    const listed = await runCli(["replies", "--cutoff", "9999"], cliEnv());
    const exported = await runCli(["export", "annex", "--cutoff", "9999", "--out", out], cliEnv());
    expect(listed.code).toBe(1);
    expect(listed.stderr).toContain(cliText("lv").noCutoff(9999));
    expect(exported.code).toBe(1);
    expect(exported.stderr).toContain(cliText("lv").noCutoff(9999));
    const slack = await slashText(t, "/export", "annex 9999 csv", PEOPLE.secretary);
    expect(slack).toContain(exportCommandText("lv").noCutoff(9999));
  });
});
