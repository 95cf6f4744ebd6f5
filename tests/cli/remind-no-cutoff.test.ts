import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { removeCutoff } from "../../db/cutoffs.ts";
import { failureText } from "../../src/cli/failure.ts";
import { CutoffNotFoundError } from "../../src/reminders/send-now.ts";
import { tempDir } from "../helpers/store.ts";
import { remindStore } from "./remind-support.ts";
import { runCli } from "./run-cli.ts";

describe("remind --now for a cut-off that does not exist", () => {
  it("a cut-off removed while it runs is worded as replies words an unknown one", () => {
    expect(failureText(new CutoffNotFoundError(7), "lv")).toBe(
      "Ziņošanas termiņa #7 nav. Visi termiņi: `npm run cli -- cutoff list`.",
    );
    expect(failureText(new CutoffNotFoundError(7), "en")).toBe(
      "No reporting cut-off #7. All cut-offs: `npm run cli -- cutoff list`.",
    );
  });

  // Each run spawns the real CLI (a Node process with tsx): seconds on a busy machine.
  it("says so as replies does, in the console's language, with replies' exit code", {
    timeout: 120_000,
  }, async () => {
    const dir = tempDir();
    // No app is running on DATA_DIR: the id is checked before there is anything to post through.
    const env = { DATABASE_URL: join(dir, "cli.db"), DATA_DIR: dir, LOG_LEVEL: "warn" };
    const replies = await runCli(["replies", "--cutoff", "99"], env);
    const [lv, en] = await Promise.all([
      runCli(["remind", "--cutoff", "99", "--now"], env),
      runCli(["remind", "--cutoff", "99", "--now", "--lang", "en"], env),
    ]);
    expect(lv.stderr).toBe(
      "Ziņošanas termiņa #99 nav. Visi termiņi: `npm run cli -- cutoff list`.\n",
    );
    expect(lv.stderr).toBe(replies.stderr);
    expect(lv.code).toBe(replies.code);
    expect(lv.code).toBe(1);
    expect(lv.stdout).toBe("");
    expect(en.stderr).toBe(
      "No reporting cut-off #99. All cut-offs: `npm run cli -- cutoff list`.\n",
    );
    expect(en.code).toBe(1);
  });
});

describe("remind --now for a removed cut-off", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of cleanups.splice(0).reverse()) await stop();
  });

  // A fresh user's finding: "Ziņošanas termiņa #1 nav." while `cutoff plan` and `/cutoff move`
  // said it was removed, and on which day.
  it("says it was removed on that day, as cutoff plan does, and exits 1 sending nothing", {
    timeout: 120_000,
  }, async () => {
    const dir = tempDir();
    const { db, path, cutoffId } = await remindStore(dir, {}, cleanups, { title: "R&D pārskats" });
    // 2026-12-01 10:00 UTC: 12:00 in Riga, the app's time zone, so the day named is 01.12.2026.
    await removeCutoff(db, cutoffId, "2026-12-01T10:00:00.000Z");
    const env = { DATABASE_URL: path, DATA_DIR: dir, LOG_LEVEL: "warn" };
    const [lv, en, plan] = await Promise.all([
      runCli(["remind", "--cutoff", String(cutoffId), "--now"], env),
      runCli(["remind", "--cutoff", String(cutoffId), "--now", "--lang", "en"], env),
      runCli(["cutoff", "plan", String(cutoffId)], env),
    ]);
    expect(lv.stderr).toMatch(
      new RegExp(
        `^Ziņošanas termiņš #${cutoffId} \\(R&D pārskats, .+\\) ir noņemts 01\\.12\\.2026\\. Tā atgādinājumi vairs netiek sūtīti; saņemtās atbildes ir saglabātas\\. Visi termiņi: \`npm run cli -- cutoff list\`\\.\n$`,
        "u",
      ),
    );
    // The statement `cutoff plan` prints first, then the hint its --json form adds.
    expect(lv.stderr.startsWith(plan.stdout.split("\n")[0] ?? "?")).toBe(true);
    expect(lv.code).toBe(1);
    expect(lv.stdout).toBe("");
    expect(en.stderr).toContain(`Cut-off #${cutoffId} (R&D pārskats, `);
    expect(en.stderr).toContain("was removed on 1 Dec 2026");
    expect(en.code).toBe(1);
  });
});
