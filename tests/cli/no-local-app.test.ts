import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { failureText } from "../../src/cli/failure.ts";
import { NoLocalAppError } from "../../src/cli/slack-for.ts";
import { tempDir } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

describe("posting in local mode with no app running", { timeout: 120_000 }, () => {
  it("says to start the app, in the operator's language", async () => {
    expect(failureText(new NoLocalAppError(), "en")).toBe(new NoLocalAppError().message);
    const dir = tempDir();
    const result = await runCli(["digest", "--post"], {
      DATABASE_URL: join(dir, "cli.db"),
      DATA_DIR: dir,
      LOG_LEVEL: "warn",
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      "Slack piekļuves dati nav iestatīti, un lokālā lietotne nedarbojas: vispirms palaidiet to ar `npm start`.",
    );
  });
});
