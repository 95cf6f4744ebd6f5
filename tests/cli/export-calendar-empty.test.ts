/**
 * `export calendar` of a calendar with no events, or only past ones, says so after writing the
 * file (fresh-user finding: an empty .ics came with only "Uzrakstīts …: 0 notikumi."). The file
 * is still written as asked and the exit code stays 0 (README: the CLI). The real CLI process,
 * its real store (SQLite or PostgreSQL, TEST_DATABASE); lv and en.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { exportCommandText } from "../../src/i18n/export-command.ts";
import { tempDir, testDatabaseUrl } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

const dir = tempDir();
const CODE = "Patvērums „Drošā māja”";
const [lv, en] = [exportCommandText("lv"), exportCommandText("en")];
let env: Record<string, string>;

// Each run spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("export calendar with nothing upcoming", { timeout: 120_000 }, () => {
  beforeAll(async () => {
    env = { DATABASE_URL: await testDatabaseUrl(dir, "cli.db"), DATA_DIR: dir, LOG_LEVEL: "warn" };
  });

  it("no events: the file is written, and why it is empty said (lv, en)", async () => {
    const out = join(dir, "empty.ics");
    const r = await runCli(["export", "calendar", "--institution", CODE, "--out", out], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Uzrakstīts ${out}: 0 notikumi.`);
    expect(r.stdout).toContain(lv.calendarNothing(CODE));
    // No tasks: only sessions will come (no cut-off can concern it), said without slash commands.
    expect(r.stdout).toContain(lv.calendarNoTasks([CODE]));
    expect(r.stdout).toContain(
      "kalendārā būs tikai darba grupas sēdes, kad sekretārs tās pievienos",
    );
    expect(r.stdout).not.toContain("/session");
    expect(await readFile(out, "utf8")).toContain("BEGIN:VCALENDAR");
    const e = await runCli(
      [
        "export",
        "calendar",
        "--institution",
        'Patvērums "Drošā māja"',
        "--out",
        out,
        "--lang",
        "en",
      ],
      env,
    );
    expect(e.code).toBe(0);
    expect(e.stdout).toContain(en.calendarNothing(CODE));
    expect(e.stdout).toContain(en.calendarNoTasks([CODE]));
  });

  it("an institution with tasks but no dated event: no word of 'no tasks' (lv)", async () => {
    const out = join(dir, "aim.ics");
    const r = await runCli(["export", "calendar", "--institution", "AiM", "--out", out], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(lv.calendarNothing("AiM"));
    expect(r.stdout).not.toContain(lv.calendarNoTasks(["AiM"]));
    expect(r.stdout).not.toContain("nav uzdevumu");
  });

  it("only past deadlines: says none is upcoming; the whole group's too (lv, en)", async () => {
    const out = join(dir, "lm.ics");
    const r = await runCli(["export", "calendar", "--institution", "LM", "--out", out], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(lv.calendarNoneUpcoming);
    expect(r.stdout).not.toContain(lv.calendarNothing("LM"));
    const all = await runCli(["export", "calendar", "--out", out, "--lang", "en"], env);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain(en.calendarNoneUpcoming);
  });
});
