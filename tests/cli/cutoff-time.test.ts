/**
 * `cutoff add --time`: a value that is no time is refused (exit 2, as a bad date or task list
 * is), naming it and the accepted forms, and nothing is created; a time with seconds is refused
 * alike, naming the minute to write (as `/session` refuses seconds).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

const dir = tempDir();
const env = { DATABASE_URL: join(dir, "cli.db"), DATA_DIR: dir, LOG_LEVEL: "warn" };

async function cutoffs(): Promise<Array<{ at: string; title: string }>> {
  const list = await runCli(["cutoff", "list", "--json"], env);
  expect(list.code).toBe(0);
  return JSON.parse(list.stdout);
}

// Each run spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("cutoff add --time", { timeout: 90_000 }, () => {
  it("refuses --time abc with 2, naming the value and the forms; nothing is created", async () => {
    const lv = await runCli(["cutoff", "add", "2027-02-02", "Y", "--time", "abc"], env);
    expect(lv.code).toBe(2);
    expect(lv.stdout).toBe("");
    expect(lv.stderr).toContain("Laiks „abc” nav derīgs");
    expect(lv.stderr).toContain("(HH:MM)");
    const en = await runCli(
      ["cutoff", "add", "2027-02-02", "Y", "--time", "abc", "--lang", "en"],
      env,
    );
    expect(en.code).toBe(2);
    expect(en.stderr).toContain("“abc” is not a time");
    const bad = await runCli(["cutoff", "add", "2027-02-02", "Y", "--time", "6:1"], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Laiks „6:1” nav derīgs");
    const moved = await runCli(["cutoff", "move", "1", "2027-02-03", "--time", "abc"], env);
    expect(moved.code).toBe(2);
    expect(moved.stderr).toContain("Laiks „abc” nav derīgs");
    expect(await cutoffs()).toEqual([]);
  });

  it("names a --tasks value it cannot read", async () => {
    const tasks = await runCli(["cutoff", "add", "2027-02-01", "X", "--tasks", "abc"], env);
    expect(tasks.code).toBe(2);
    expect(tasks.stderr).toContain("„abc” nav uzdevumu numuru saraksts");
    expect(await cutoffs()).toEqual([]);
  });

  it("refuses --time 3:30:15, takes --time 'plkst. 12:00' as a time, not as the title", async () => {
    const seconds = await runCli(["cutoff", "add", "2027-02-02", "Y", "--time", "3:30:15"], env);
    expect(seconds.code).toBe(2);
    expect(seconds.stderr).toContain("Laiks „3:30:15” ir ar sekundēm");
    expect(seconds.stderr).toContain("piemēram, 03:30.");
    const clock = await runCli(["cutoff", "add", "2027-02-02", "Z", "--time", "plkst. 12:00"], env);
    expect(clock.code).toBe(0);
    expect(await cutoffs()).toMatchObject([{ at: "2027-02-02T10:00:00.000Z", title: "Z" }]);
  });
});
