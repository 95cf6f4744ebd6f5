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
    // Local mode: an ID or a local Slack name is taken, and the refusal says exactly that.
    expect(bare.stderr).toContain(
      "“janis” is not a Slack user ID, and the local Slack has nobody of that name. Give the ID (U…, e.g. U0LOCAL01) or a local Slack person's name (@anna)",
    );
    expect(bare.stderr).not.toContain("by ID only");
    expect(bare.stderr).toContain("@sekretars (U0LOCAL01), @anna (U0LOCAL02)");
    expect(bare.stderr).not.toContain("koordinators"); // the app's bot is nobody's contact
    expect(bare.stderr).not.toContain("with @");
    expect(bare.stderr).toContain("Help: `npm run cli -- institution --help`");

    const at = await cli("institution", "set", "IZM", "C0LOCAL02", "@janis");
    expect(at.code).toBe(2);
    expect(at.stderr).toContain("„@janis” nav Slack lietotāja ID");
    expect(at.stderr).toContain("jaunu pievieno ar `npm run slack -- --add-user <vārds>`");
    expect(at.stderr).not.toContain("piedāvātā saraksta");

    const channel = await cli("institution", "set", "IZM", "#nav-tada", "@anna");
    expect(channel.code).toBe(2);
    expect(channel.stderr).toContain(
      "„#nav-tada” nav Slack kanāla ID, un lokālajā Slack nav kanāla ar šādu nosaukumu. Norādiet ID (C…, piemēram, C0LOCAL01) vai lokālā Slack kanāla nosaukumu (#darba-grupa)",
    );
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
  it("says IDs are taken, and #name / @name only in local mode", async () => {
    const help = await runCli(["institution", "set", "--help"]);
    const text = help.stdout.replace(/\s+/gu, " "); // commander wraps at 80 columns
    expect(text).toContain(
      "C0123ABCD (not #name, except in local mode: a channel of the local Slack, e.g. #darba-grupa)",
    );
    expect(text).toContain(
      "U0123ABCD (not @name, except in local mode: a person of the local Slack, e.g. @anna)",
    );
    expect(text).toContain("With Slack credentials set the CLI cannot look names up");
    expect(text).toContain("Example: institution set IEM C0123ABCD U0123ABCD U0456EFGH");
    const role = (await runCli(["role", "add", "--help"])).stdout.replace(/\s+/gu, " ");
    expect(role).toContain("(not @name, except in local mode: a person of the local Slack");
  });

  it("with Slack credentials: a #name or @name is refused as taking IDs only", async () => {
    const dir = tempDir();
    const env = {
      DATABASE_URL: await testDatabaseUrl(dir, "cli.db"),
      DATA_DIR: dir,
      LOG_LEVEL: "warn",
      SLACK_BOT_TOKEN: "xoxb-0-0-test",
      SLACK_SIGNING_SECRET: "test-secret",
    };
    const [channel, user] = await Promise.all([
      runCli(["institution", "set", "IEM", "#iem", "--lang", "en"], env),
      runCli(["institution", "set", "IEM", "C0123ABCD", "@anna"], env),
    ]);
    expect(channel.code).toBe(2);
    expect(channel.stderr).toContain(
      "“#iem” is not a Slack channel ID. The CLI takes channels by ID only (C…, e.g. C0123ABCD), not by #name",
    );
    expect(user.code).toBe(2);
    expect(user.stderr).toContain(
      "„@anna” nav Slack lietotāja ID. Komandrindā cilvēku norāda tikai ar ID (U…, piemēram, U0123ABCD), nevis ar @vārdu",
    );
  });
});
