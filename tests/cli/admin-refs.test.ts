/**
 * The CLI's admin twins take people and channels as Slack IDs, and in local mode by the names
 * the local Slack gives them (`@anna`, `#iem-darba-grupa`, from the workspace file under
 * DATA_DIR). Anything else is refused (exit 2) in the CLI's words, which say how to find the ID
 * and list the local Slack's people or channels, never Slack's "choose from the list when
 * typing @". The real CLI process, its real store.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { localWorkspaceFile } from "../../src/cli/local-names.ts";
import { tempDir, testDatabaseUrl } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

/** A DATA_DIR whose local app (now stopped) knew @anna and #iem-darba-grupa. */
function dataDirWithWorkspace(): string {
  const dir = tempDir();
  mkdirSync(dir, { recursive: true });
  const channel = (id: string, name: string, isIm = false) => ({
    id,
    name,
    members: null,
    botIsMember: true,
    isIm,
    created: 1,
  });
  const user = (id: string, name: string, isBot = false) => ({
    id,
    name,
    locale: "lv-LV",
    tz: "Europe/Riga",
    isBot,
  });
  writeFileSync(
    localWorkspaceFile(dir),
    JSON.stringify({
      version: 1,
      users: [
        user("U0LOCAL01", "sekretars"),
        user("U0LOCAL02", "anna"),
        user("U0LOCALBT", "koordinators", true),
      ],
      channels: [
        channel("C0LOCAL01", "darba-grupa"),
        channel("C0LOCAL02", "iem-darba-grupa"),
        channel("D0LOCAL01", "U0LOCAL01", true),
      ],
      messages: [],
    }),
  );
  return dir;
}

// Each run spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("people and channels in the CLI", { timeout: 120_000 }, () => {
  it("takes the local Slack's names, and refuses others saying how to find the ID", async () => {
    const dir = dataDirWithWorkspace();
    const env = {
      DATABASE_URL: await testDatabaseUrl(dir, "cli.db"),
      DATA_DIR: dir,
      LOG_LEVEL: "warn",
    };
    const cli = (...args: string[]) => runCli(args, env);

    const set = await cli("institution", "set", "IZM", "#iem-darba-grupa", "@anna", "--lang", "en");
    expect(set.code).toBe(0);
    expect(set.stdout).toContain("#iem-darba-grupa");
    expect(set.stdout).toContain("@anna");
    const shown = await cli("institution", "show", "IZM");
    expect(shown.stdout).toContain("Kanāls: #iem-darba-grupa");
    expect(shown.stdout).toContain("Kontaktpersonas: @anna");

    const bare = await cli("institution", "set", "IZM", "C0LOCAL02", "janis", "--lang", "en");
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain("“janis” is not a Slack user ID");
    expect(bare.stderr).toContain("Copy member ID");
    expect(bare.stderr).toContain("@sekretars (U0LOCAL01), @anna (U0LOCAL02)");
    expect(bare.stderr).not.toContain("koordinators"); // the app's bot is nobody's contact
    expect(bare.stderr).not.toContain("with @");
    expect(bare.stderr).toContain("Help: `npm run cli -- institution --help`");

    const at = await cli("institution", "set", "IZM", "C0LOCAL02", "@janis");
    expect(at.code).toBe(2);
    expect(at.stderr).toContain("„@janis” nav Slack lietotāja ID");
    expect(at.stderr).toContain("Slack lietotnē atveriet viņa profilu");
    expect(at.stderr).not.toContain("piedāvātā saraksta");

    const channel = await cli("institution", "set", "IZM", "#nav-tada", "@anna");
    expect(channel.code).toBe(2);
    expect(channel.stderr).toContain("„#nav-tada” nav Slack kanāla ID");
    expect(channel.stderr).toContain("#darba-grupa (C0LOCAL01), #iem-darba-grupa (C0LOCAL02)");
    expect(channel.stderr).not.toContain("D0LOCAL01");
    expect((await cli("institution", "show", "IZM")).stdout).toContain("#iem-darba-grupa");

    const role = await cli("role", "add", "@anna", "secretary");
    expect(role.code).toBe(0);
    expect((await cli("role", "list")).stdout).toContain("@anna");
    const away = await cli("institution", "away", "anna", "2099-01-15");
    expect(away.code).toBe(0);
    expect(away.stdout).toContain("@anna");

    const noFile = await runCli(["role", "add", "@anna", "secretary", "--lang", "en"], {
      ...env,
      DATA_DIR: tempDir(),
    });
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain("“@anna” is not a Slack user ID");
    expect(noFile.stderr).not.toContain("local Slack's people");
  });
});

describe("the admin twins' help", { timeout: 60_000 }, () => {
  it("says the local Slack's names are taken too", async () => {
    const help = await runCli(["institution", "set", "--help"]);
    const text = help.stdout.replace(/\s+/gu, " "); // commander wraps at 80 columns
    expect(text).toContain("C0123ABCD (locally also #name)");
    expect(text).toContain("U0123ABCD (locally also @name)");
    const role = (await runCli(["role", "add", "--help"])).stdout.replace(/\s+/gu, " ");
    expect(role).toContain("(locally also @name)");
  });
});
