/**
 * The CLI's `institution set` with its arguments in the wrong order, or a name where an ID is
 * expected: exit 2, nothing saved, and the answer says what is wrong (the channel comes first;
 * the code before the channel), how the arguments were read, and the CLI's syntax with an
 * example. The real CLI process, lv and en.
 */
import { describe, expect, it } from "vitest";
import { tempDir, testDatabaseUrl } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

const SYNTAX_LV =
  "Jāraksta: `npm run cli -- institution set <KODS> <kanāla ID> [<lietotāja ID> …]`, piemēram, `npm run cli -- institution set TM C0123ABCD U0123ABCD`.";
const SYNTAX_EN =
  "Expected: `npm run cli -- institution set <CODE> <channelId> [<userId> …]`, e.g. `npm run cli -- institution set TM C0123ABCD U0123ABCD`.";
const HELP_LV = "Palīdzība: `npm run cli -- institution --help`";

// Each run spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("institution set, arguments in the wrong order", { timeout: 180_000 }, () => {
  it("says the channel comes first, what it read and the syntax; exit 2, nothing saved", async () => {
    const dir = tempDir();
    const env = {
      DATABASE_URL: await testDatabaseUrl(dir, "cli.db"),
      DATA_DIR: dir,
      LOG_LEVEL: "warn",
    };
    const cli = (...args: string[]) => runCli(args, env);

    // The finding: a channel name after a contact's.
    const named = await cli("institution", "set", "TM", "@anna", "#kanāls");
    expect(named.code).toBe(2);
    expect(named.stderr.trim()).toBe(
      [
        "Kanāls jānorāda pirms kontaktpersonām: vispirms institūcijas kods, tad kanāls, tad kontaktpersonas.",
        "Sapratu: institūcija „TM”; kanāls #kanāls; kontaktpersona @anna.",
        SYNTAX_LV,
        HELP_LV,
      ].join("\n"),
    );

    const ids = await cli("institution", "set", "TM", "U0ANNA001", "C0TM00001", "--lang", "en");
    expect(ids.code).toBe(2);
    expect(ids.stderr).toContain(
      "The channel comes first, before the contact people: the institution's code, then the channel, then the contacts.\nUnderstood: institution “TM”; channel C0TM00001; contact U0ANNA001.",
    );
    expect(ids.stderr).toContain(SYNTAX_EN);

    const codeLast = await cli("institution", "set", "C0TM00001", "TM");
    expect(codeLast.code).toBe(2);
    expect(codeLast.stderr).toContain(
      "Institūcijas kods jānorāda pirms kanāla: vispirms kods, tad kanāls, tad kontaktpersonas.\nSapratu: institūcija „TM”; kanāls C0TM00001.",
    );

    // A name where a user ID is expected: the CLI's words on IDs, then what it read.
    const name = await cli("institution", "set", "TM", "C0TM00001", "anna");
    expect(name.code).toBe(2);
    expect(name.stderr.trim().split("\n").slice(1)).toEqual([
      "Sapratu: institūcija „TM”; kanāls C0TM00001; „anna” – nav ne kanāls, ne kontaktpersona (kanālu norāda ar ID C…, kontaktpersonu ar ID U…).",
      SYNTAX_LV,
      HELP_LV,
    ]);
    expect(name.stderr).toContain("„anna” nav Slack lietotāja ID");

    // A name with no channel: the CLI's words (no channel picker there), what it read, the syntax.
    const noChannel = await cli("institution", "set", "TM", "kanāls");
    expect(noChannel.code).toBe(2);
    expect(noChannel.stderr.trim()).toBe(
      [
        "Norādiet kanālu: tā ID (C…) uzreiz pēc institūcijas koda.",
        "Sapratu: institūcija „TM”; kanāla nav; „kanāls” – nav ne kanāls, ne kontaktpersona (kanālu norāda ar ID C…, kontaktpersonu ar ID U…).",
        SYNTAX_LV,
        HELP_LV,
      ].join("\n"),
    );

    // A name before the channel: TM is the institution, "anna" no part of it (exit 1, as for
    // an institution not found).
    const before = await cli("institution", "set", "TM", "anna", "C0TM00001", "U0ANNA001");
    expect(before.code).toBe(1);
    expect(before.stdout).toBe("");
    expect(before.stderr.trim().split("\n").slice(0, 3)).toEqual([
      "Pirms kanāla jānorāda tikai institūcijas kods; kontaktpersonas norāda pēc kanāla.",
      "Sapratu: institūcija „TM”; kanāls #C0TM00001; kontaktpersona U0ANNA001; „anna” – nav ne kanāls, ne kontaktpersona (kanālu norāda ar ID C…, kontaktpersonu ar ID U…).",
      SYNTAX_LV,
    ]);

    const shown = await cli("institution", "show", "TM");
    expect(shown.stdout).not.toContain("C0TM00001");
  });
});
