/**
 * The CLI prints the slash commands' answers, whose hints name Slack forms ("Palīdzība:
 * `/cutoff help`"). At a terminal they must name what the operator can type there.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliHints } from "../../src/cli/terminal.ts";
import { tempDir } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

describe("cliHints", () => {
  it("help hints name the CLI's help", () => {
    expect(cliHints("Palīdzība: `/cutoff help`", "lv")).toBe(
      "Palīdzība: `npm run cli -- cutoff --help`",
    );
    expect(cliHints("Help: `/role help`", "en")).toBe("Help: `npm run cli -- role --help`");
    expect(cliHints("• `/task help` – this help", "en")).toBe(
      "• `npm run cli -- task help` – this help",
    );
    expect(cliHints("Help: `/digest help`", "en")).toBe("Help: `npm run cli -- digest --help`");
    expect(cliHints("Help: `/calendar help`", "en")).toBe(
      "Help: `npm run cli -- export calendar --help`",
    );
  });

  it("a twin's words stay; mentions become the IDs the CLI takes", () => {
    expect(cliHints("Plāns: `/cutoff plan 1`", "lv")).toBe("Plāns: `npm run cli -- cutoff plan 1`");
    expect(cliHints("`/cutoff move 3 2027-02-01 12:00`", "en")).toBe(
      "`npm run cli -- cutoff move 3 2027-02-01 --time 12:00`",
    );
    expect(cliHints("`/cutoff add 2027-02-01 12:00 --tasks 5 Pārbaude`", "en")).toBe(
      "`npm run cli -- cutoff add 2027-02-01 --time 12:00 --tasks 5 Pārbaude`",
    );
    expect(cliHints("`/cutoff add 2027-02-01 Pārbaude 12:00`", "en")).toBe(
      "`npm run cli -- cutoff add 2027-02-01 Pārbaude 12:00`",
    );
    expect(cliHints("map it: `/institution set IEM #channel @contact`.", "en")).toBe(
      "map it: `npm run cli -- institution set IEM <channelId> <userId>`.",
    );
    // README's placeholders (`institution set <code> <channelId>`), in Latvian as remind's.
    expect(cliHints("Piesaistiet: `/institution set IEM #kanāls @kontaktpersona`.", "lv")).toBe(
      "Piesaistiet: `npm run cli -- institution set IEM <kanāla ID> <lietotāja ID>`.",
    );
    expect(cliHints("See it: `/institution LM`;", "en")).toBe(
      "See it: `npm run cli -- institution show LM`;",
    );
    expect(cliHints("e.g. `/role add @anna secretary`", "en")).toBe(
      "e.g. `npm run cli -- role add <userId> secretary`",
    );
  });

  it("leaves what has no CLI form, and text outside code spans", () => {
    expect(cliHints("`/programme use 2014-2020`", "en")).toBe("`/programme use 2014-2020`");
    expect(cliHints("`/digest since 2026-11-01`", "en")).toBe("`/digest since 2026-11-01`");
    expect(cliHints("Ziņošanas termiņi: /cutoff", "lv")).toBe("Ziņošanas termiņi: /cutoff");
    expect(cliHints("a/b `x/y`", "en")).toBe("a/b `x/y`");
    expect(cliHints("`/task 14 set status partial`", "en")).toBe("`/task 14 set status partial`");
    expect(cliHints("`/task 14 history 2`", "en")).toBe("`npm run cli -- task 14 history 2`");
  });
});

// Spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("the CLI's answers name CLI forms", { timeout: 60_000 }, () => {
  const dir = tempDir();
  const env = { DATABASE_URL: join(dir, "cli.db"), DATA_DIR: dir, LOG_LEVEL: "warn" };

  it("a bad cut-off id: the example and the help hint are CLI commands (lv, en)", async () => {
    const lv = await runCli(["cutoff", "move", "abc", "2027-01-01"], env);
    expect(lv.code).toBe(2);
    // The answer's example is a complete command (3bd0a4a), written as the CLI takes it: the
    // time as --time, which `cutoff move` requires (a third argument is refused).
    expect(lv.stderr).toContain("`npm run cli -- cutoff move 3 2027-02-01 --time 12:00`");
    expect(lv.stderr).toContain("Palīdzība: `npm run cli -- cutoff --help`");
    expect(lv.stderr).not.toContain("`/cutoff");
    const en = await runCli(["role", "add", "x", "secretary", "--lang", "en"], env);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain("Help: `npm run cli -- role --help`");
  });
});
