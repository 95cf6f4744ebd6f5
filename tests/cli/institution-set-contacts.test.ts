/**
 * The CLI's `institution set` treats contacts as `/institution set` does: contacts given replace
 * the previous ones, none given keeps them, `--no-contacts` clears them, and contacts together
 * with `--no-contacts` are refused (exit 2). The real CLI process, lv and en.
 */
import { describe, expect, it } from "vitest";
import { tempDir, testDatabaseUrl } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

// Each run spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("institution set and the contacts", { timeout: 120_000 }, () => {
  it("replaces with contacts given, keeps them without, clears them with --no-contacts", async () => {
    const dir = tempDir();
    const env = {
      DATABASE_URL: await testDatabaseUrl(dir, "cli.db"),
      DATA_DIR: dir,
      LOG_LEVEL: "warn",
    };
    const cli = (...args: string[]) => runCli(args, env);
    const contactsOf = async () => (await cli("institution", "show", "IEM")).stdout;

    const first = await cli("institution", "set", "IEM", "C0IEM0001", "U0ANNA001", "U0JANIS01");
    expect(first.code).toBe(0);
    const replaced = await cli("institution", "set", "IEM", "C0IEM0001", "U0PETERIS");
    expect(replaced.code).toBe(0);
    expect(await contactsOf()).toContain("U0PETERIS");
    expect(await contactsOf()).not.toContain("U0ANNA001");

    // No contact named: a new channel, the contact kept (as Slack's /institution set IEM #iem).
    const kept = await cli("institution", "set", "IEM", "C0IEM0002", "--lang", "en");
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain("#C0IEM0002");
    expect(kept.stdout).toContain("U0PETERIS");
    const shown = await contactsOf();
    expect(shown).toContain("#C0IEM0002");
    expect(shown).toContain("U0PETERIS");

    const both = await cli("institution", "set", "IEM", "C0IEM0002", "U0ANNA001", "--no-contacts");
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("`--no-contacts`");
    expect(await contactsOf()).toContain("U0PETERIS");

    const cleared = await cli("institution", "set", "IEM", "C0IEM0002", "--no-contacts");
    expect(cleared.code).toBe(0);
    expect(cleared.stdout).toContain("Kontaktpersonas noņemtas");
    const after = await contactsOf();
    expect(after).toContain("Kontaktpersonas: nav norādītas");
    expect(after).not.toContain("U0PETERIS");
  });

  it("says so in its help", async () => {
    const help = await runCli(["institution", "set", "--help"]);
    expect(help.code).toBe(0);
    const text = help.stdout.replace(/\s+/gu, " "); // commander wraps at 80 columns
    expect(text).toContain("[userIds...]");
    expect(text).toContain("contacts given replace its contacts, none keeps them");
    expect(text).toContain("--no-contacts clear the contacts");
    expect(text).not.toContain("(replaces the contacts)");
  });
});
