/**
 * `npm run cli -- replies` marks a reply received after the cut-off's time, as `/task`, the
 * digest and the annex do: "(pēc ziņošanas termiņa)" / "(after the reporting cut-off)" at the
 * end of its line, and in the cut-off's own minute both times to the second (a fresh user saw
 * "04:23" beside a cut-off at 04:23 and could not tell it was late); `--json` says `late`.
 * The real CLI on the test store (both stores).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { moveCutoff } from "../../db/cutoffs.ts";
import { insertReply } from "../../db/replies.ts";
import type { ReplyJson } from "../../src/cli/replies.ts";
import { lmReplyBase } from "../db/reply-support.ts";
import { seedCutoff } from "../db/support.ts";
import { importedStore, tempDir } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

/** Tue 1 Dec 2026 04:23:10 in Riga; the late reply 30 s later, the same minute. */
const CUTOFF_AT = "2026-12-01T02:23:10.000Z";

// Spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("replies marks late replies", { timeout: 120_000 }, () => {
  let args: string[] = [];
  let env: Record<string, string> = {};

  beforeAll(async () => {
    const { db, path } = await importedStore();
    const { cutoff, lmId } = await seedCutoff(db);
    await moveCutoff(db, cutoff.id, CUTOFF_AT);
    const base = lmReplyBase(cutoff, lmId);
    const reply = (ts: string, text: string, receivedAt: string) =>
      insertReply(db, { ...base, ts, text, source: "event", receivedAt });
    await reply("1.000100", "laikā", "2026-11-30T10:00:00.000Z");
    await reply("1.000200", "minūtē pirms", "2026-12-01T02:23:05.000Z");
    await reply("1.000300", "pilnīgi jauna atbilde", "2026-12-01T02:23:40.000Z");
    await db.destroy();
    args = ["replies", "--cutoff", String(cutoff.id)];
    env = { DATABASE_URL: path, DATA_DIR: tempDir(), LOG_LEVEL: "warn" };
  }, 120_000);

  /** The listing's lines in `lang`, the run having succeeded. */
  async function listing(lang: "lv" | "en"): Promise<string[]> {
    const run = await runCli([...args, "--lang", lang], env);
    expect(run.code, run.stderr).toBe(0);
    return run.stdout.trimEnd().split("\n");
  }

  it("in Latvian: the late one marked, its minute's times to the second", async () => {
    const lines = await listing("lv");
    expect(lines[0]).toContain("(otrd. 01.12.2026. 04:23:10)");
    const row = (text: string) => lines.find((l) => l.includes(text)) ?? "";
    expect(row("pilnīgi jauna")).toMatch(
      /otrd\. 01\.12\.2026\. 04:23:40 +pilnīgi jauna atbilde \(pēc ziņošanas termiņa\)$/,
    );
    // In time: no mark; the one in the cut-off's minute to the second, the other to the minute.
    expect(row("minūtē pirms")).toMatch(/otrd\. 01\.12\.2026\. 04:23:05 +minūtē pirms$/);
    expect(row("laikā")).toMatch(/pirmd\. 30\.11\.2026\. 12:00 +laikā$/);
    expect(lines.filter((l) => l.includes("pēc ziņošanas termiņa"))).toHaveLength(1);
  });

  it("in English", async () => {
    const lines = await listing("en");
    expect(lines[0]).toContain("(Tue 1 Dec 2026 04:23:10)");
    const row = (text: string) => lines.find((l) => l.includes(text)) ?? "";
    expect(row("pilnīgi jauna")).toMatch(
      /Tue 1 Dec 2026 04:23:40 +pilnīgi jauna atbilde \(after the reporting cut-off\)$/,
    );
    expect(row("minūtē pirms")).toMatch(/Tue 1 Dec 2026 04:23:05 +minūtē pirms$/);
    expect(row("laikā")).toMatch(/Mon 30 Nov 2026 12:00 +laikā$/);
    expect(lines.filter((l) => l.includes("after the reporting cut-off"))).toHaveLength(1);
  });

  it("--json: late true for the late one only", async () => {
    const run = await runCli([...args, "--json"], env);
    expect(run.code, run.stderr).toBe(0);
    const listed = JSON.parse(run.stdout) as ReplyJson[];
    expect(listed.map((r) => [r.text, r.late])).toEqual([
      ["laikā", false],
      ["minūtē pirms", false],
      ["pilnīgi jauna atbilde", true],
    ]);
  });
});
