/**
 * The CLI's `cutoff add` refuses the minute of another live cut-off as `/cutoff add` does
 * (commands/cutoff-twin.ts): exit 1, the existing cut-off named, nothing added; end of day and
 * `--time 23:59` are one minute. `--time` with seconds is a usage error (exit 2). The refusal
 * names the CLI's move form (`cutoff move N <datums> --time HH:MM`), and a date-only move's
 * note says to give another time with `--time` (not "after the date", which the CLI refuses).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

const dir = tempDir();
const env = { DATABASE_URL: join(dir, "cli.db"), DATA_DIR: dir, LOG_LEVEL: "warn" };

// Each run spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("cutoff add at another cut-off's instant", { timeout: 90_000 }, () => {
  it("exits 1 naming the existing cut-off; nothing is added", async () => {
    const first = await runCli(["cutoff", "add", "2027-02-01", "arabic"], env);
    expect(first.code).toBe(0);
    const again = await runCli(["cutoff", "add", "2027-02-01", "bez", "gada"], env);
    expect(again.code).toBe(1);
    const said = again.stdout + again.stderr;
    expect(said).toContain("Šajā laikā ziņošanas termiņš jau ir: #1");
    expect(said).toContain("arabic");
    expect(said).toContain("cli -- cutoff remove 1");
    const list = await runCli(["cutoff", "list", "--json"], env);
    expect(JSON.parse(list.stdout)).toMatchObject([{ id: 1, title: "arabic" }]);
  });

  it("exits 1 for --time 23:59 on an end-of-day cut-off's day, 2 for --time with seconds", async () => {
    const late = await runCli(["cutoff", "add", "2027-02-01", "late", "--time", "23:59"], env);
    expect(late.code).toBe(1);
    expect(late.stdout + late.stderr).toContain("Šajā laikā ziņošanas termiņš jau ir: #1");
    await runCli(["cutoff", "add", "2027-02-02", "noon", "--time", "12:00"], env);
    const seconds = await runCli(["cutoff", "add", "2027-02-02", "X", "--time", "12:00:45"], env);
    expect(seconds.code).toBe(2);
    expect(seconds.stderr).toContain("Laiks „12:00:45” ir ar sekundēm");
    const list = await runCli(["cutoff", "list", "--json"], env);
    expect(JSON.parse(list.stdout)).toMatchObject([
      { id: 1, title: "arabic" },
      { id: 2, title: "noon" },
    ]);
  });

  it("suggests the CLI's own move form, which works; a date-only move points to --time", async () => {
    const dup = await runCli(["cutoff", "add", "2027-02-02", "Dup", "--time", "12:00"], env);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain("npm run cli -- cutoff move 2 <datums> --time HH:MM");
    expect(dup.stderr).not.toContain("[HH:MM]");
    // What it suggests, done: exit 0.
    const moved = await runCli(["cutoff", "move", "2", "2027-02-05", "--time", "09:30"], env);
    expect(moved.code).toBe(0);
    // Only a date: the kept time, and another one given as --time (a word after the date is
    // refused by the CLI).
    const kept = await runCli(["cutoff", "move", "2", "2027-02-06"], env);
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain("saglabāts līdzšinējais laiks 09:30; citu laiku norādiet ar");
    expect(kept.stdout).not.toContain("pēc datuma");
    const endOfDay = await runCli(["cutoff", "move", "1", "2027-02-07", "--lang", "en"], env);
    expect(endOfDay.code).toBe(0);
    expect(endOfDay.stdout).toContain("for another time, give one with");
    expect(endOfDay.stdout).not.toContain("after the date");
  });
});
