import { describe, expect, it } from "vitest";
import { configErrorText } from "../../src/cli/failure.ts";
import { ConfigError, loadConfig } from "../../src/config.ts";
import { tempDir } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

/** The issues `loadConfig` finds in `env` (it must find some). */
function issuesOf(env: Record<string, string>) {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
  }
  throw new Error("the configuration was valid");
}

describe("configuration errors in the operator's language", () => {
  it("names the variable, what is wrong and a valid example, in Latvian and in English", () => {
    const issues = issuesOf({ PORT: "abc", SLACK_LOCALE: "bad", REMINDER_OFFSETS: "14,xyz,0" });
    const lv = configErrorText(issues, "lv");
    expect(lv).toContain("Konfigurācija nav derīga");
    expect(lv).toContain(
      "PORT: „abc” nav derīga vērtība – jābūt porta numuram no 0 līdz 65535. Piemēram: PORT=3000",
    );
    expect(lv).toContain(
      "SLACK_LOCALE: „bad” nav derīga vērtība – jābūt ignore-english vai follow.",
    );
    expect(lv).toContain("Nederīgi: „xyz”, „0”. Piemēram: REMINDER_OFFSETS=14,7,1");
    const en = configErrorText(issues, "en");
    expect(en).toContain(
      'PORT: "abc" is not valid – must be a port number from 0 to 65535. For example: PORT=3000',
    );
    expect(en).toContain("For example: SLACK_LOCALE=ignore-english");
    expect(en).toContain('Not valid: "xyz", "0". For example: REMINDER_OFFSETS=14,7,1');
  });

  it("says which variable needs a missing one, and never echoes a secret", () => {
    const issues = issuesOf({ SLACK_BOT_TOKEN: "xoxp-secret-user-token" });
    const en = configErrorText(issues, "en");
    expect(en).toContain("SLACK_BOT_TOKEN: the value is not valid – must be a bot token");
    expect(en).toContain(
      "SLACK_SIGNING_SECRET: not set, but needed because SLACK_BOT_TOKEN is set",
    );
    expect(en).not.toContain("xoxp-secret-user-token");
  });
});

// Each run spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("npm start with an invalid configuration", { timeout: 120_000 }, () => {
  const env = { PORT: "abc", DATA_DIR: tempDir(), LOG_LEVEL: "warn" };

  it("prints the problems in Latvian by default and exits with 1", async () => {
    const result = await runCli(["serve"], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("PORT: „abc” nav derīga vērtība");
    expect(result.stderr).not.toContain("Invalid configuration");
  });

  it("in English with --lang en or DEFAULT_LOCALE=en", async () => {
    const flag = await runCli(["serve", "--lang", "en"], env);
    expect(flag.code).toBe(1);
    expect(flag.stderr).toContain('PORT: "abc" is not valid');
    const locale = await runCli(["task", "14"], { ...env, DEFAULT_LOCALE: "en" });
    expect(locale.code).toBe(1);
    expect(locale.stderr).toContain("For example: PORT=3000");
  });
});
