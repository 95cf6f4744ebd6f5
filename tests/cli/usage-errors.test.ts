import { describe, expect, it } from "vitest";
import { usageErrorText } from "../../src/cli/usage-errors.ts";
import { tempDir } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

describe("commander's usage errors in the console's language", () => {
  it("says each known form in Latvian and English, with commander's suggestion", () => {
    const unknown = "error: unknown option '--jsn'\n(Did you mean --json?)\n";
    expect(usageErrorText(unknown, "lv")).toBe(
      "Nezināma opcija „--jsn”.\n(Varbūt domājāt --json?)\n",
    );
    expect(usageErrorText(unknown, "en")).toBe('Unknown option "--jsn".\n(Did you mean --json?)\n');
    expect(usageErrorText("error: unknown command 'x'\n(Did you mean one of a, b?)\n", "lv")).toBe(
      "Nezināma komanda „x”.\n(Varbūt domājāt kādu no: a, b?)\n",
    );
    expect(usageErrorText("error: option '--out <file>' argument missing\n", "lv")).toBe(
      "Opcijai --out <file> trūkst vērtības.\n",
    );
    expect(usageErrorText("error: required option '--out <file>' not specified\n", "en")).toBe(
      "Required option --out <file> not given.\n",
    );
    expect(
      usageErrorText(
        "error: too many arguments for 'remove'. Expected 1 argument but got 2.\n",
        "lv",
      ),
    ).toBe("Par daudz argumentu komandai remove: gaidīti 1, doti 2.\n");
  });

  it("says an option parser's own message alone, without commander's English frame", () => {
    const text =
      "error: option '--cutoff <id>' argument 'abc' is invalid. „abc” nav ziņošanas termiņa numurs.\n";
    expect(usageErrorText(text, "lv")).toBe("„abc” nav ziņošanas termiņa numurs.\n");
  });

  it("leaves a message of another form as it is", () => {
    expect(usageErrorText("error: something new\n", "lv")).toBe("error: something new\n");
  });
});

// Each run spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("npm run cli -- with bad arguments", { timeout: 120_000 }, () => {
  const env = { DATA_DIR: tempDir(), LOG_LEVEL: "warn" };

  it("says what is wrong in Latvian by default, then the usage, and exits with 2", async () => {
    const option = await runCli(["task", "14", "--jsn"], env);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/^Nezināma opcija „--jsn”\.\n\(Varbūt domājāt --json\?\)\n/);
    expect(option.stderr).toContain("Usage: koordinators task");
    const command = await runCli(["nosuch"], env);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("Nezināma komanda „nosuch”.");
    const argument = await runCli(["cutoff", "add"], env);
    expect(argument.code).toBe(2);
    expect(argument.stderr).toContain("Trūkst obligātā argumenta <date>.");
    expect(argument.stderr).not.toContain("error:");
  });

  it("in English with --lang en or DEFAULT_LOCALE=en; a bad --lang in DEFAULT_LOCALE's", async () => {
    const flag = await runCli(["cutoff", "add", "--lang", "en"], env);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("Missing required argument <date>.");
    const locale = await runCli(["task", "14", "--lang", "de"], { ...env, DEFAULT_LOCALE: "en" });
    expect(locale.code).toBe(2);
    expect(locale.stderr).toContain(
      'Option --lang <locale>: "de" is not valid. Allowed values: lv, en.',
    );
  });

  it("refuses a bad --cutoff alike in every command that takes it, with 2", async () => {
    const [replies, annex, zero, en] = await Promise.all([
      runCli(["replies", "--cutoff", "abc"], env),
      runCli(["export", "annex", "--cutoff", "abc", "--out", "x.docx"], env),
      runCli(["remind", "--cutoff", "0", "--now"], env),
      runCli(["export", "annex", "--cutoff", "abc", "--out", "x.docx", "--lang", "en"], env),
    ]);
    for (const result of [replies, annex, zero, en]) {
      expect(result.code).toBe(2);
      expect(result.stderr).not.toContain("error:");
    }
    expect(replies.stderr).toMatch(/^„abc” nav ziņošanas termiņa numurs\.\n/);
    expect(annex.stderr).toMatch(/^„abc” nav ziņošanas termiņa numurs\.\n/);
    expect(zero.stderr).toMatch(/^„0” nav ziņošanas termiņa numurs\.\n/);
    expect(en.stderr).toMatch(/^“abc” is not a reporting cut-off number\.\n/);
  });

  it("remind without --now says so in the console's language, with 2", async () => {
    const [lv, en] = await Promise.all([
      runCli(["remind", "--cutoff", "1"], env),
      runCli(["remind", "--cutoff", "1", "--lang", "en"], env),
    ]);
    expect(lv.code).toBe(2);
    expect(lv.stderr).toMatch(/^remind: lai atgādinājumus nosūtītu tagad, pievienojiet --now\.\n/);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/^remind: add --now to send the reminders now\.\n/);
  });
});
