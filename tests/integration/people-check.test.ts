/**
 * `/institution set`'s contacts and `/role add`'s person are checked with Slack (users.info), as
 * the channel is: a user Slack does not know, a deactivated account or a bot is saved with a
 * warning naming the problem. The CLI's twins ask the running local app's emulator the same and
 * never print Slack's `<@U…>` markup: people read `@name` or, unknown, their bare ID. Through the
 * app's signed endpoint against the emulator, and the real CLI process.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getMapping } from "../../db/contacts.ts";
import { findInstitution } from "../../db/institutions.ts";
import { listRoles } from "../../db/roles.ts";
import { writeLocalSlackFile } from "../../src/emulator/local-file.ts";
import { type SlackEmulator, startEmulator } from "../../src/emulator/server.ts";
import { fixedClock } from "../../src/time.ts";
import { runCli } from "../cli/run-cli.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { slashText } from "../helpers/slash.ts";
import { tempDir, testDatabaseUrl } from "../helpers/store.ts";

const SECRETARY = "U0SEC0001";
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    clock: fixedClock("2026-11-29T12:00:00Z"),
    config: { secretaryUserIds: [SECRETARY] },
  });
  t.emulator.addUser({ id: SECRETARY, name: "sekretare", locale: "lv-LV" });
  t.emulator.addUser({ id: "U0ANNA001", name: "anna", locale: "lv-LV" });
  t.emulator.addUser({ id: "U0GONE001", name: "janis", locale: "lv-LV", deleted: true });
  t.emulator.addUser({ id: "U0BOT0001", name: "cits-bots", locale: "en-US", isBot: true });
  t.emulator.addChannel({ id: "C0TM00001", name: "tm-darba-grupa" });
});
afterAll(async () => {
  await t?.stop();
});

const slash = (command: string, text: string) => slashText(t, command, text, SECRETARY);

async function contactsOf(code: string): Promise<string[]> {
  const institution = await findInstitution(t.app.db, code);
  return (await getMapping(t.app.db, institution?.id ?? 0))?.contacts.map((c) => c.userId) ?? [];
}

describe("Slack: the people named are checked", () => {
  it("unknown, deactivated and bot contacts: saved, each with its warning", async () => {
    const text = await slash(
      "/institution",
      "set TM <#C0TM00001> <@U0ANNA001> <@U0LOCAL99> <@U0GONE001> <@U0BOT0001>",
    );
    expect(text).toContain("piesaistīta Slack: kanāls");
    expect(text).toMatch(/⚠️ Slack nepazīst lietotāju \S*U0LOCAL99\S*/u);
    expect(text).toMatch(/⚠️ Lietotāja \S*U0GONE001\S* Slack konts ir deaktivizēts/u);
    expect(text).toMatch(/⚠️ \S*U0BOT0001\S* ir lietotnes \(bota\) konts/u);
    expect(text.match(/⚠️/gu)).toHaveLength(3); // Anna is fine
    expect(await contactsOf("TM")).toEqual(["U0ANNA001", "U0LOCAL99", "U0GONE001", "U0BOT0001"]);
  });

  it("people Slack knows: no warning", async () => {
    const text = await slash("/institution", "set TM <#C0TM00001> <@U0ANNA001>");
    expect(text).not.toContain("⚠️");
  });

  it("a secretary Slack does not know: saved, with the warning and how to remove", async () => {
    const text = await slash("/role", "add <@U0NOPE001> secretary");
    expect(text).toMatch(/⚠️ Slack nepazīst lietotāju \S*U0NOPE001\S*/u);
    expect(text).toContain("`/role remove U0NOPE001 secretary`");
    expect((await listRoles(t.app.db, "secretary")).map((r) => r.userId)).toContain("U0NOPE001");
    expect(await slash("/role", "add <@U0ANNA001> secretary")).not.toContain("⚠️");
  });
});

describe("CLI: asks the local app's Slack, prints no Slack markup", { timeout: 120_000 }, () => {
  let emulator: SlackEmulator;
  let env: Record<string, string>;

  beforeAll(async () => {
    emulator = await startEmulator();
    emulator.addUser({ id: "U0ANNA001", name: "anna", locale: "lv-LV" });
    emulator.addChannel({ id: "C0IZM0001", name: "izm-darba-grupa" });
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
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
    env = { DATABASE_URL: await testDatabaseUrl(dir, "cli.db"), DATA_DIR: dir, LOG_LEVEL: "warn" };
  });
  afterAll(async () => {
    await emulator?.stop();
  });

  it("institution set and role add warn about a user Slack does not know", async () => {
    const cli = (...args: string[]) => runCli(args, env);
    const set = await cli("institution", "set", "IZM", "C0IZM0001", "U0ANNA001", "U0NOPE");
    expect(set.code).toBe(0);
    expect(set.stdout).toContain("kontaktpersonas: @anna, U0NOPE.");
    expect(set.stdout).toContain("⚠️ Slack nepazīst lietotāju U0NOPE");
    expect(set.stdout).not.toContain("<@");
    expect(set.stdout).not.toContain("Lietotne nav pievienota"); // the channel checked: fine
    const shown = await cli("institution", "show", "IZM");
    expect(shown.stdout).toMatch(/Kontaktpersonas:\s+@anna\s+U0NOPE\n/u);
    expect(shown.stdout).not.toContain("<@");

    const role = await cli("role", "add", "U0NOPE", "secretary", "--lang", "en");
    expect(role.code).toBe(0);
    expect(role.stdout).toContain("U0NOPE is now a secretary.");
    expect(role.stdout).toContain("⚠️ Slack knows no user U0NOPE");
    expect(role.stdout).toContain("`npm run cli -- role remove U0NOPE secretary`");
    const list = await cli("role", "list");
    expect(list.stdout).toContain("U0NOPE");
    expect(list.stdout).not.toContain("<@");
  });
});
