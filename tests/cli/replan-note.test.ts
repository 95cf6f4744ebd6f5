/**
 * A CLI change (cutoff add, institution set …) while no app runs: the reminder plan waits for
 * the app, and the operator reads that once, in the CLI's own words on stderr — not also the
 * note a Slack user gets in the answer.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliText } from "../../src/i18n/cli.ts";
import { roleText } from "../../src/i18n/role.ts";
import { freePort } from "../../src/redis-server.ts";
import { tempDir } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

const dir = tempDir();
const env = { DATABASE_URL: join(dir, "cli.db"), DATA_DIR: dir, LOG_LEVEL: "warn" };
const count = (text: string, part: string) => text.split(part).length - 1;

// Each run spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("the re-plan note of a CLI change", { timeout: 90_000 }, () => {
  it("with the app stopped: cutoff add prints its answer and one note (lv)", async () => {
    const added = await runCli(["cutoff", "add", "2027-02-01", "Test"], env);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain("Pievienots ziņošanas termiņš #1");
    expect(added.stdout).toContain("Plāns: `npm run cli -- cutoff plan 1`\n");
    const both = added.stdout + added.stderr;
    expect(both).not.toContain(roleText("lv").replanLater);
    expect(count(both, cliText("lv").redisLater)).toBe(1);
  });

  it("institution set in English: the answer, then the one note", async () => {
    const set = await runCli(
      ["institution", "set", "IEM", "C0IEM0001", "U0ANNA001", "--lang", "en"],
      env,
    );
    expect(set.code).toBe(0);
    expect(set.stdout.trim()).toBe(
      "IEM (Iekšlietu ministrija) is mapped to Slack: channel #C0IEM0001, contact people: U0ANNA001.",
    );
    expect(set.stderr.trim()).toBe(cliText("en").redisLater);
  });

  it("cutoff plan with the app stopped: the plan is stored, nothing is scheduled yet (lv, en)", async () => {
    const lv = await runCli(["cutoff", "plan", "1"], env);
    expect(lv.code).toBe(0);
    expect(lv.stdout).toContain("Atgādinājumu plāns: #1");
    expect(lv.stderr.trim()).toBe(cliText("lv").planLater);
    expect(lv.stdout + lv.stderr).not.toContain("ir atjaunots");
    expect(lv.stdout + lv.stderr).not.toContain(roleText("lv").replanLater);
    const en = await runCli(["cutoff", "plan", "1", "--json", "--lang", "en"], env);
    expect(en.code).toBe(0);
    expect(JSON.parse(en.stdout)).toMatchObject({ scheduling: "later" });
    expect(en.stderr.trim()).toBe(
      "REDIS_URL is not set and no running app was found under DATA_DIR: this plan is stored, but nothing is scheduled in the job queue yet – the app schedules the reminders when it starts.",
    );
  });

  it("a REDIS_URL that does not answer: one note that says so, no log line", async () => {
    const moved = await runCli(["cutoff", "move", "1", "2027-02-03"], {
      ...env,
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
    });
    expect(moved.code).toBe(0);
    expect(moved.stdout).not.toContain(roleText("lv").replanLater);
    expect(moved.stderr.trim()).toBe(cliText("lv").redisUnreachable);
  });
});
