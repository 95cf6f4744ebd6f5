/**
 * In local mode the CLI names channels as the local Slack does (`#darba-grupa`, as `npm run
 * slack` prints them), from the workspace file the local app keeps under DATA_DIR, which outlives
 * the app; with Slack credentials by Slack's names (users.info, conversations.info; the emulator
 * plays Slack here). A person or channel nobody names keeps its bare ID, never `<@…>` markup.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  channelLabel,
  channelNames,
  forgetLocalNames,
  localWorkspaceFile,
  userLabel,
  userNames,
} from "../../src/cli/local-names.ts";
import { namedTerminalText } from "../../src/cli/named-text.ts";
import { writeLocalSlackFile } from "../../src/emulator/local-file.ts";
import { startEmulator } from "../../src/emulator/server.ts";
import { tempDir } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

/** A DATA_DIR whose local app (now stopped) knew #darba-grupa and a DM. */
function dataDirWithWorkspace(): string {
  const dir = tempDir();
  mkdirSync(dir, { recursive: true });
  const channels = [
    {
      id: "C0LOCAL01",
      name: "darba-grupa",
      members: null,
      botIsMember: true,
      isIm: false,
      created: 1,
    },
    {
      id: "D0LOCAL01",
      name: "U0LOCAL01",
      members: null,
      botIsMember: true,
      isIm: true,
      created: 1,
    },
  ];
  const users = [
    { id: "U0LOCAL01", name: "darba.grupa", locale: "lv-LV", tz: "Europe/Riga", isBot: false },
  ];
  writeFileSync(
    localWorkspaceFile(dir),
    JSON.stringify({ version: 1, users, channels, messages: [] }),
  );
  return dir;
}

/** One mrkdwn section, as a command's answer carries text. */
function section(text: string): unknown[] {
  return [{ type: "section", text: { type: "mrkdwn", text } }];
}

afterEach(() => forgetLocalNames());

describe("channelNames", () => {
  it("names the local workspace's channels, not its DMs", async () => {
    const dir = dataDirWithWorkspace();
    const names = await channelNames({ dataDir: dir, slack: { mode: "local" } });
    expect([...names]).toEqual([["C0LOCAL01", "darba-grupa"]]);
    expect(channelLabel("C0LOCAL01", names)).toBe("#darba-grupa");
    expect(channelLabel("C0OTHER01", names)).toBe("C0OTHER01");
  });

  it("people it knows read @name; others, and real Slack's without a token, their bare IDs", async () => {
    const dir = dataDirWithWorkspace();
    const local = { dataDir: dir, slack: { mode: "local" } };
    expect(
      await namedTerminalText(local, section("kontaktpersonas: <@U0LOCAL01>, <@U0ANNA001>.")),
    ).toBe("kontaktpersonas: @darba.grupa, U0ANNA001.");
    const real = { dataDir: dir, slack: { mode: "http" } };
    expect(await namedTerminalText(real, section("<@U0LOCAL01> <#C0LOCAL01>"))).toBe(
      "U0LOCAL01 #C0LOCAL01",
    );
  });

  it("nothing with real Slack, or with no file", async () => {
    const dir = dataDirWithWorkspace();
    expect((await channelNames({ dataDir: dir, slack: { mode: "http" } })).size).toBe(0);
    expect((await channelNames({ dataDir: tempDir(), slack: { mode: "local" } })).size).toBe(0);
  });
});

describe("userNames", () => {
  it("local mode: the workspace file's names, read once per run", async () => {
    const dir = dataDirWithWorkspace();
    const local = { dataDir: dir, slack: { mode: "local" } };
    const names = await userNames(local, ["U0LOCAL01", "U0ANNA001", "U0LOCAL01"]);
    expect([...names]).toEqual([["U0LOCAL01", "darba.grupa"]]);
    expect(userLabel("U0LOCAL01", names)).toBe("@darba.grupa");
    expect(userLabel("U0ANNA001", names)).toBe("U0ANNA001");
    // The file is read once: a later change is not seen in the same run (nor a removal)...
    writeFileSync(localWorkspaceFile(dir), JSON.stringify({ version: 1, users: [], channels: [] }));
    expect((await userNames(local, ["U0LOCAL01"])).get("U0LOCAL01")).toBe("darba.grupa");
    expect(await namedTerminalText(local, section("<@U0LOCAL01>"))).toBe("@darba.grupa");
    expect((await channelNames(local)).get("C0LOCAL01")).toBe("darba-grupa");
    // ...until the run forgets it.
    forgetLocalNames();
    expect((await userNames(local, ["U0LOCAL01"])).size).toBe(0);
  });

  it("local mode: people the file lacks are asked of the running emulator, each once", async () => {
    const emulator = await startEmulator();
    try {
      emulator.addUser({ id: "U0ANNA001", name: "anna.berzina" });
      const dir = dataDirWithWorkspace();
      await writeLocalSlackFile(
        {
          appUrl: "http://127.0.0.1:9",
          emulatorUrl: emulator.url,
          signingSecret: "s",
          userId: "U0LOCAL01",
          channelId: "C0LOCAL01",
          teamId: "T0LOCAL01",
        },
        join(dir, "local-slack.json"),
      );
      const local = { dataDir: dir, slack: { mode: "local" } };
      const names = await userNames(local, ["U0LOCAL01", "U0ANNA001", "U0NOBODY1"]);
      expect(Object.fromEntries(names)).toEqual({
        U0LOCAL01: "darba.grupa",
        U0ANNA001: "anna.berzina",
      });
      // The answer is remembered: a stopped emulator still names Anna in this run.
      await emulator.stop();
      expect((await userNames(local, ["U0ANNA001"])).get("U0ANNA001")).toBe("anna.berzina");
    } finally {
      await emulator.stop().catch(() => {});
    }
  });

  it("with Slack credentials: Slack's users.info (display name); nobody without a token", async () => {
    const emulator = await startEmulator();
    try {
      emulator.addUser({ id: "U0ANNA001", name: "anna.berzina" });
      const slack = { mode: "http", botToken: emulator.botToken, apiUrl: emulator.apiUrl };
      const names = await userNames({ dataDir: tempDir(), slack }, ["U0ANNA001", "U0NOBODY1"]);
      expect(Object.fromEntries(names)).toEqual({ U0ANNA001: "anna.berzina" });
      const noToken = { mode: "http", botToken: null, apiUrl: emulator.apiUrl };
      expect((await userNames({ dataDir: tempDir(), slack: noToken }, ["U0ANNA001"])).size).toBe(0);
    } finally {
      await emulator.stop();
    }
  });
});

describe("with Slack credentials (the emulator as Slack)", () => {
  it("names people and channels by users.info and conversations.info; others by bare ID", async () => {
    const emulator = await startEmulator();
    try {
      emulator.addUser({ id: "U0ANNA001", name: "anna.berzina" });
      emulator.addChannel({ id: "C0IEM0001", name: "iem-kanals" });
      const slack = { mode: "http", botToken: emulator.botToken, apiUrl: emulator.apiUrl };
      const config = { dataDir: dataDirWithWorkspace(), slack };
      const blocks = section(
        "*IEM*: <#C0IEM0001>, <#C0NONE001>; <@U0ANNA001>, <@U0NOBODY1|x>; Slack names <@U0LOCAL01> itself",
      );
      expect(await namedTerminalText(config, blocks)).toBe(
        "IEM: #iem-kanals, #C0NONE001; @anna.berzina, U0NOBODY1; Slack names @local.user itself",
      );
      expect(Object.fromEntries(await channelNames(config, blocks))).toEqual({
        C0IEM0001: "iem-kanals",
      });
    } finally {
      await emulator.stop();
    }
  });
});

// Spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("institution set/show with Slack credentials", { timeout: 90_000 }, () => {
  it("prints Slack's names, and an unknown person's bare ID, never <@…> or <#…>", async () => {
    const emulator = await startEmulator();
    try {
      emulator.addUser({ id: "U0ANNA001", name: "anna.berzina" });
      emulator.addChannel({ id: "C0IEM0001", name: "iem-kanals" });
      const dir = tempDir();
      const env = {
        DATABASE_URL: join(dir, "cli.db"),
        DATA_DIR: dir,
        LOG_LEVEL: "warn",
        SLACK_BOT_TOKEN: emulator.botToken,
        SLACK_SIGNING_SECRET: "s",
        SLACK_API_URL: emulator.apiUrl,
      };
      const args = ["institution", "set", "IEM", "C0IEM0001", "U0ANNA001", "U0NOBODY1"];
      const set = await runCli([...args, "--lang", "en"], env);
      expect(set.code, set.stderr).toBe(0);
      expect(set.stdout).toContain(
        "channel #iem-kanals, contact people: @anna.berzina, U0NOBODY1.",
      );
      const shown = await runCli(["institution", "show", "IEM", "--lang", "en"], env);
      expect(shown.code, shown.stderr).toBe(0);
      expect(shown.stdout).toContain("Channel: #iem-kanals");
      expect(shown.stdout).toMatch(/^ {2}@anna\.berzina$/m);
      expect(shown.stdout).toMatch(/^ {2}U0NOBODY1$/m);
      for (const out of [set.stdout, shown.stdout]) expect(out).not.toMatch(/<[@#]/);
    } finally {
      await emulator.stop();
    }
  });
});

// Spawns the real CLI (a Node process with tsx): 10-20 s of wall time on a busy machine, so
// at most two runs per test, each test with its own limit; both tests share one DATA_DIR.
describe("institution set/show in local mode", { timeout: 90_000 }, () => {
  let env: { DATABASE_URL: string; DATA_DIR: string; LOG_LEVEL: string };

  beforeAll(() => {
    const dir = dataDirWithWorkspace();
    env = { DATABASE_URL: join(dir, "cli.db"), DATA_DIR: dir, LOG_LEVEL: "warn" };
  });

  it("shows #darba-grupa for the local channel", async () => {
    const set = await runCli(
      ["institution", "set", "LM", "C0LOCAL01", "U0LOCAL01", "--lang", "en"],
      env,
    );
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain("channel #darba-grupa, contact people: @darba.grupa.");
    expect(set.stdout).not.toContain("C0LOCAL01");
    const shown = await runCli(["institution", "show", "LM"], env);
    expect(shown.stdout).toContain("#darba-grupa");
  });

  it("shows the ID for a channel the workspace lacks", async () => {
    expect(
      (await runCli(["institution", "set", "IEM", "C0OTHER01", "U0LOCAL01"], env)).stdout,
    ).toContain("#C0OTHER01");
  });
});
