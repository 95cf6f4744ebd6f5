/**
 * `npm run cli -- replies` counts in its heading what is current, as the digest does: a
 * withdrawn (deleted) reply is still listed, marked, for audit, and counted apart ("3 atbildes,
 * 1 atsaukta" / "3 replies, 1 withdrawn"; a fresh user saw "4 atbildes" against the digest's
 * 3). `--json` lists every reply, as before. The real CLI on the test store (both stores).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { insertReply, withdrawReply } from "../../db/replies.ts";
import type { ReplyJson } from "../../src/cli/replies.ts";
import { lmReplyBase } from "../db/reply-support.ts";
import { seedCutoff } from "../db/support.ts";
import { importedStore, tempDir } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

// Spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("replies counts the withdrawn apart", { timeout: 120_000 }, () => {
  let args: string[] = [];
  let env: Record<string, string> = {};

  beforeAll(async () => {
    const { db, path } = await importedStore();
    const { cutoff, lmId } = await seedCutoff(db);
    const base = lmReplyBase(cutoff, lmId);
    const reply = (ts: string, text: string) =>
      insertReply(db, {
        ...base,
        ts,
        text,
        source: "event",
        receivedAt: "2026-11-30T10:00:00.000Z",
      });
    await reply("1.000100", "pirmā");
    await reply("1.000200", "otrā");
    await reply("1.000300", "trešā");
    const gone = await reply("1.000400", "dzēstā");
    await withdrawReply(db, gone.reply.id, "2026-11-30T11:00:00.000Z");
    await db.destroy();
    args = ["replies", "--cutoff", String(cutoff.id)];
    env = { DATABASE_URL: path, DATA_DIR: tempDir(), LOG_LEVEL: "warn" };
  }, 120_000);

  async function listing(lang: "lv" | "en"): Promise<string[]> {
    const run = await runCli([...args, "--lang", lang], env);
    expect(run.code, run.stderr).toBe(0);
    return run.stdout.trimEnd().split("\n");
  }

  it("in Latvian: '3 atbildes, 1 atsaukta', the withdrawn one listed, marked, without its text", async () => {
    const lines = await listing("lv");
    expect(lines[0]).toMatch(/ – 3 atbildes, 1 atsaukta$/u);
    expect(lines.filter((l) => l.includes("[atsaukta]"))).toHaveLength(1);
    expect(lines.join("\n")).not.toContain("dzēstā");
    expect(lines).toHaveLength(2 + 4);
  });

  it("in English: '3 replies, 1 withdrawn'", async () => {
    const lines = await listing("en");
    expect(lines[0]).toMatch(/ – 3 replies, 1 withdrawn$/u);
    expect(lines.filter((l) => l.includes("[withdrawn]"))).toHaveLength(1);
  });

  it("--json lists all four, the withdrawn one with withdrawnAt", async () => {
    const run = await runCli([...args, "--json"], env);
    expect(run.code, run.stderr).toBe(0);
    const listed = JSON.parse(run.stdout) as ReplyJson[];
    expect(listed.map((r) => [r.text, r.withdrawnAt !== null])).toEqual([
      ["pirmā", false],
      ["otrā", false],
      ["trešā", false],
      ["dzēstā", true],
    ]);
  });
});
