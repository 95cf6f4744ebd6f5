/**
 * `cutoff plan <id> --json` of a removed cut-off: no plan (exit 1); on stdout, as the README
 * says, JSON of when it was removed (`cutoff`, `removed`, `removedAt`), and on stderr the
 * statement the text form prints; an id never used is still "no reporting cut-off N" (stdout
 * empty).
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cliText } from "../../src/i18n/cli.ts";
import { tempDir } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

const dir = tempDir();
const env = { DATABASE_URL: join(dir, "cli.db"), DATA_DIR: dir, LOG_LEVEL: "warn" };

// Each run spawns the real CLI (a Node process with tsx): at most two runs per test.
describe("cutoff plan --json of a removed cut-off", { timeout: 90_000 }, () => {
  beforeAll(async () => {
    const added = await runCli(
      ["cutoff", "add", "2099-05-05", "--time", "09:00", "R&D pārskats"],
      env,
    );
    expect(added.stdout).toContain("#1");
    const removed = await runCli(["cutoff", "remove", "1"], env);
    expect(removed.code).toBe(0);
  }, 90_000);

  it("says it was removed and when, as the text form does (lv)", async () => {
    const text = await runCli(["cutoff", "plan", "1"], env);
    expect(text.code).toBe(1);
    // A refusal (found: false) goes to stderr, nothing to stdout.
    expect(text.stdout).toBe("");
    const statement = text.stderr.split("\n")[0] ?? "";
    expect(statement).toMatch(
      /^Ziņošanas termiņš #1 \(R&D pārskats, .+\) ir noņemts \d{2}\.\d{2}\.\d{4}\. Tā atgādinājumi vairs netiek sūtīti; saņemtās atbildes ir saglabātas\.$/u,
    );
    const json = await runCli(["cutoff", "plan", "1", "--json"], env);
    expect(json.code).toBe(1);
    const printed = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(printed).toMatchObject({
      cutoff: { id: 1, title: "R&D pārskats", taskNumbers: null },
      removed: true,
    });
    expect(String(printed.removedAt)).toMatch(/^\d{4}-\d{2}-\d{2}T.+Z$/);
    expect((printed.cutoff as { at: string }).at).toBe("2099-05-05T06:00:00.000Z");
    // The same hint as an id never used ends with (noCutoff): the CLI's own form.
    expect(json.stderr.trim()).toBe(`${statement} ${cliText("lv").allCutoffs}`);
    expect(cliText("lv").noCutoff(7)).toMatch(/ Visi termiņi: `npm run cli -- cutoff list`\.$/u);
  });

  it("in English too; an id never used is 'no reporting cut-off'", async () => {
    const en = await runCli(["cutoff", "plan", "1", "--json", "--lang", "en"], env);
    expect(en.code).toBe(1);
    expect(JSON.parse(en.stdout)).toMatchObject({ cutoff: { id: 1 }, removed: true });
    expect(en.stderr.trim()).toMatch(
      /^Cut-off #1 \(R&D pārskats, .+\) was removed on \d{1,2} \w{3} \d{4}: its reminders are no longer sent; the replies received are kept\. All cut-offs: `npm run cli -- cutoff list`\.$/u,
    );
    const never = await runCli(["cutoff", "plan", "7", "--json", "--lang", "en"], env);
    expect(never.code).toBe(1);
    expect(never.stderr.trim()).toBe(
      "No reporting cut-off #7. All cut-offs: `npm run cli -- cutoff list`.",
    );
    expect(never.stdout).toBe("");
  });
});
