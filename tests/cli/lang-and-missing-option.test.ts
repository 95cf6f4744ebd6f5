/**
 * `--lang` before the command is the command's `--lang` (it answered `Unknown option "--lang"`),
 * and a missing required option is said with where the help is, not the whole English help.
 */
import { describe, expect, it } from "vitest";
import { liftLang } from "../../src/cli/program-command.ts";
import { tempDir } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

describe("liftLang (pure)", () => {
  it("moves a leading --lang to the end, before a --; leaves any other argv", () => {
    expect(liftLang(["node", "cli", "--lang", "en", "export", "calendar"])).toEqual([
      "node",
      "cli",
      "export",
      "calendar",
      "--lang",
      "en",
    ]);
    expect(liftLang(["node", "cli", "--lang=en", "task", "14", "--", "x"])).toEqual([
      "node",
      "cli",
      "task",
      "14",
      "--lang=en",
      "--",
      "x",
    ]);
    const after = ["node", "cli", "task", "14", "--lang", "en"];
    expect(liftLang(after)).toEqual(after);
    expect(liftLang(["node", "cli", "--lang"])).toEqual(["node", "cli", "--lang"]);
  });
});

describe("npm run cli -- export calendar without --out", { timeout: 120_000 }, () => {
  const env = { DATA_DIR: tempDir(), LOG_LEVEL: "warn" };

  it("says it in the console's language with a hint, not the English help; --lang first works", async () => {
    const [lv, en, after] = await Promise.all([
      runCli(["export", "calendar", "--institution", "XYZ"], env),
      runCli(["--lang", "en", "export", "calendar", "--institution", "XYZ"], env),
      runCli(["export", "calendar", "--institution", "XYZ", "--lang", "en"], env),
    ]);
    expect(lv.code).toBe(2);
    expect(lv.stderr).toBe(
      "Obligātā opcija --out <file> nav norādīta.\nSkatiet `npm run cli -- export calendar --help`.\n",
    );
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(
      "Required option --out <file> not given.\nSee `npm run cli -- export calendar --help`.\n",
    );
    expect(after.stderr).toBe(en.stderr);
  });
});
