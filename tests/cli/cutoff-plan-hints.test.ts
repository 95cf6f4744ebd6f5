/**
 * `npm run cli -- cutoff plan N` (and without N) advises the operator at a terminal in the
 * CLI's form: an institution with no channel, or one Slack last said the app cannot post to,
 * is fixed with `npm run cli -- institution set <CODE> <channelId>` (README: the CLI's
 * `institution set` takes IDs), never the slash command `/institution set TM #kanāls` Slack's
 * answer names (tests/commands/cutoff-unreachable, integration/cutoff-unmapped keep that one).
 * The real CLI process, its real store.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { recordChannelCheck } from "../../db/channel-checks.ts";
import { createDb } from "../../db/client.ts";
import { tempDir, testDatabaseUrl } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

const dir = tempDir();
let env: Record<string, string>;

// Each run spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("cutoff plan's advice in the CLI", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    env = { DATABASE_URL: await testDatabaseUrl(dir, "cli.db"), DATA_DIR: dir, LOG_LEVEL: "warn" };
    // Task 13.4: IEM (no channel here) and TM (a channel the app is not in).
    const added = await runCli(["cutoff", "add", "2099-05-05", "--tasks", "13.4", "Pārbaude"], env);
    expect(added.code).toBe(0);
    const set = await runCli(["institution", "set", "TM", "C0TM00001", "U0TM00001"], env);
    expect(set.code).toBe(0);
    const db = createDb(env.DATABASE_URL ?? "");
    try {
      await recordChannelCheck(db, "C0TM00001", "not_member", "2026-11-30T00:00:00.000Z");
    } finally {
      await db.destroy();
    }
  }, 120_000);

  it("names the CLI's institution set for both fixes (lv, en, with and without N)", async () => {
    const [lv, en, chosen] = await Promise.all([
      runCli(["cutoff", "plan", "1"], env),
      runCli(["cutoff", "plan", "1", "--lang", "en"], env),
      runCli(["cutoff", "plan"], env),
    ]);
    // README's placeholders (`institution set IEM <channelId> <userId>`), as remind --now's
    // advice writes them (a fresh user's finding: these hints said "C… U…").
    for (const [run, channel, user] of [
      [lv, "<kanāla ID>", "<lietotāja ID>"],
      [en, "<channelId>", "<userId>"],
      [chosen, "<kanāla ID>", "<lietotāja ID>"],
    ] as const) {
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`\`npm run cli -- institution set IEM ${channel} ${user}\``);
      expect(run.stdout).toContain(`\`npm run cli -- institution set TM ${channel}\``);
      expect(run.stdout).not.toContain("C…");
      expect(run.stdout).not.toContain("`/institution");
      expect(run.stdout).not.toContain("#kanāls");
      expect(run.stdout).not.toContain("#channel");
    }
    expect(lv.stdout).toContain("TM: kanāls #C0TM00001 nav sasniedzams");
    expect(en.stdout).toContain("TM: the channel #C0TM00001 cannot be reached");
  });
});
