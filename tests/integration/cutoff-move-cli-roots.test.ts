/**
 * The CLI's `cutoff move` next to a running app: it reaches the app's private Redis under
 * DATA_DIR (as its re-plan does) and queues the same refresh of the reminder threads' roots as
 * `/cutoff move`, so the app's worker rewrites each root with the new time and the answer says
 * so. Without a queue (no app under DATA_DIR) it promises no refresh. Real app, emulator,
 * worker and CLI process.
 */
import { describe, expect, it } from "vitest";
import { cutoffText } from "../../src/i18n/cutoff.ts";
import { runCli } from "../cli/run-cli.ts";
import type { TestApp } from "../helpers/app.ts";
import { tempDir, testDatabaseUrl } from "../helpers/store.ts";
import { PEOPLE, peopleAppHooks, sentReminder } from "../replies/support.ts";
import { appCliEnv, untilRoot } from "./support/cutoffs.ts";

let t: TestApp;

peopleAppHooks({ secretaries: [PEOPLE.secretary] }, (app) => ({ t } = app));

/** LM mapped to a channel, a cut-off on task 14, its first reminder posted: the thread's root. */
const postedReminder = () =>
  sentReminder(t, {
    channel: "C0CLIROOT",
    name: "cli-root",
    at: "2099-02-02T10:00:00.000Z",
    title: "CLI pārbaude",
    tasks: ["14"],
  });

// Spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("CLI cutoff move and the reminder threads' roots", { timeout: 120_000 }, () => {
  it("queues the roots' refresh on the running app's Redis; the worker shows the new time", async () => {
    const { cutoffId, channel, rootTs } = await postedReminder();
    expect(JSON.stringify(t.emulator.messagesIn(channel).find((m) => m.ts === rootTs))).toContain(
      "02.02.2099. 12:00",
    );
    const moved = await runCli(
      ["cutoff", "move", String(cutoffId), "2099-03-03", "--time", "12:00"],
      appCliEnv(t),
    );
    expect(moved.code).toBe(0);
    expect(moved.stderr).not.toContain("REDIS_URL nav iestatīts");
    expect(moved.stderr).not.toContain("root refresh not queued");
    expect(moved.stdout).toContain(cutoffText("lv").movedThreads(1));
    const after = await untilRoot(t, channel, rootTs, (text) => text.includes("03.03.2099. 12:00"));
    expect(after).toContain("līdz *otrd. 03.03.2099. 12:00*");
    expect(after).toContain("_(ziņošanas termiņš pārcelts no pirmd. 02.02.2099. 12:00)_");
  });

  it("without a queue it promises no refresh and says the app will schedule the jobs", async () => {
    const dir = tempDir();
    const env = {
      DATABASE_URL: await testDatabaseUrl(dir, "cli.db"),
      DATA_DIR: dir,
      LOG_LEVEL: "warn",
    };
    const added = await runCli(["cutoff", "add", "2099-04-01", "Bez", "rindas"], env);
    expect(added.code).toBe(0);
    const moved = await runCli(["cutoff", "move", "1", "2099-04-02", "--lang", "en"], env);
    expect(moved.code).toBe(0);
    expect(moved.stdout).toContain("Cut-off #1 moved");
    expect(moved.stdout).not.toContain("will show the new time");
    expect(moved.stderr).toContain("REDIS_URL is not set");
    expect(moved.stderr).not.toContain("root refresh not queued");
  });
});
