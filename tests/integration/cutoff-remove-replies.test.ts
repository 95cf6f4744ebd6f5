/**
 * A removed cut-off keeps its replies (`removed_at` set, rows kept), so they stay reachable:
 * `replies --cutoff N` lists them with the heading marking the cut-off removed, and the annex
 * (the CLI's `export annex --cutoff N` and Slack's `/export annex N`) is made from them, the CLI
 * saying the cut-off was removed. An id no cut-off ever had is still refused. Real app (signed
 * requests, emulator, worker), real CLI process on the same store.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliText } from "../../src/i18n/cli.ts";
import { cutoffText } from "../../src/i18n/cutoff.ts";
import { exportCommandText } from "../../src/i18n/export-command.ts";
import { runCli } from "../cli/run-cli.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { type LogWatch, watchLogs } from "../helpers/log-watch.ts";
import { slashText } from "../helpers/slash.ts";
import { tempDir } from "../helpers/store.ts";
import { addPeople, PEOPLE, replySteps } from "../replies/support.ts";

let t: TestApp;
let logs: LogWatch;
const steps = replySteps(() => ({ t, logs }), "C0REMOVED");

beforeAll(async () => {
  logs = watchLogs();
  t = await startTestApp({
    logger: logs.logger,
    config: { secretaryUserIds: [PEOPLE.secretary] },
  });
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

describe("a removed cut-off's replies", { timeout: 120_000 }, () => {
  it("are listed and exported after /cutoff remove", async () => {
    const f = await steps.thread(["14"]);
    await steps.reply(f, "14: grozījumi pieņemti");
    const removed = await slashText(t, "/cutoff", `remove ${f.cutoffId}`, PEOPLE.secretary);
    expect(removed).toContain("Saņemtās atbildes paliek.");

    const listed = await runCli(["replies", "--cutoff", String(f.cutoffId)], cliEnv());
    expect(listed.stderr).not.toContain(cliText("lv").noCutoff(f.cutoffId));
    expect(listed.code).toBe(0);
    const [heading] = listed.stdout.split("\n");
    expect(heading).toContain(`Ziņošanas termiņš ${f.cutoffId}:`);
    expect(heading).toContain(`[${cutoffText("lv").removedMark}]`);
    expect(listed.stdout).toContain("grozījumi pieņemti");
    const json = await runCli(["replies", "--cutoff", String(f.cutoffId), "--json"], cliEnv());
    expect(JSON.parse(json.stdout)).toMatchObject([{ task: "14", institution: "LM" }]);
    const en = await runCli(["replies", "--cutoff", String(f.cutoffId), "--lang", "en"], cliEnv());
    expect(en.stdout.split("\n")[0]).toContain(`[${cutoffText("en").removedMark}]`);

    const out = join(tempDir(), "annex.csv");
    const exported = await runCli(
      ["export", "annex", "--cutoff", String(f.cutoffId), "--out", out],
      cliEnv(),
    );
    expect(exported.stderr).toBe("");
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(cutoffText("lv").removedExport(f.cutoffId));
    expect(readFileSync(out, "utf8")).toContain("grozījumi pieņemti");

    const slack = await slashText(t, "/export", `annex ${f.cutoffId} csv`, PEOPLE.secretary);
    expect(slack).not.toContain(exportCommandText("lv").noCutoff(f.cutoffId));
  });

  it("an id no cut-off ever had is still refused (exit 1)", async () => {
    const listed = await runCli(["replies", "--cutoff", "9999"], cliEnv());
    expect(listed.code).toBe(1);
    expect(listed.stderr).toContain(cliText("lv").noCutoff(9999));
    const out = join(tempDir(), "none.csv");
    const exported = await runCli(["export", "annex", "--cutoff", "9999", "--out", out], cliEnv());
    expect(exported.code).toBe(1);
    expect(exported.stderr).toContain(cliText("lv").noCutoff(9999));
  });
});
