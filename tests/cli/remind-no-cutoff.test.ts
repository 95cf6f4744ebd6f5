import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { failureText } from "../../src/cli/failure.ts";
import { CutoffNotFoundError } from "../../src/reminders/send-now.ts";
import { tempDir } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

describe("remind --now for a cut-off that does not exist", () => {
  it("a cut-off removed while it runs is worded as replies words an unknown one", () => {
    expect(failureText(new CutoffNotFoundError(7), "lv")).toBe(
      "Ziņošanas termiņa #7 nav. Visi termiņi: `npm run cli -- cutoff list`.",
    );
    expect(failureText(new CutoffNotFoundError(7), "en")).toBe(
      "No reporting cut-off #7. All cut-offs: `npm run cli -- cutoff list`.",
    );
  });

  // Each run spawns the real CLI (a Node process with tsx): seconds on a busy machine.
  it("says so as replies does, in the console's language, with replies' exit code", {
    timeout: 120_000,
  }, async () => {
    const dir = tempDir();
    // No app is running on DATA_DIR: the id is checked before there is anything to post through.
    const env = { DATABASE_URL: join(dir, "cli.db"), DATA_DIR: dir, LOG_LEVEL: "warn" };
    const replies = await runCli(["replies", "--cutoff", "99"], env);
    const [lv, en] = await Promise.all([
      runCli(["remind", "--cutoff", "99", "--now"], env),
      runCli(["remind", "--cutoff", "99", "--now", "--lang", "en"], env),
    ]);
    expect(lv.stderr).toBe(
      "Ziņošanas termiņa #99 nav. Visi termiņi: `npm run cli -- cutoff list`.\n",
    );
    expect(lv.stderr).toBe(replies.stderr);
    expect(lv.code).toBe(replies.code);
    expect(lv.code).toBe(1);
    expect(lv.stdout).toBe("");
    expect(en.stderr).toBe(
      "No reporting cut-off #99. All cut-offs: `npm run cli -- cutoff list`.\n",
    );
    expect(en.code).toBe(1);
  });
});
