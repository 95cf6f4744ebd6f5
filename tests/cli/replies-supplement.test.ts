/**
 * `npm run cli -- replies` marks a reply after the cut-off to a task its institution had answered
 * in time for the cut-off as a supplement, "(papildināts pēc ziņošanas termiņa)" /
 * "(supplemented after the reporting cut-off)", as `/task`, the digest and the annex do
 * (src/domain/late-reply.ts); a first answer after the cut-off stays "(pēc ziņošanas
 * termiņa)", also when another institution answered the task in time, when the institution's
 * own reply in time was unverified or withdrawn (neither answers), or when it is under no task.
 * `--json` keeps `late` as it was and adds `supplement`. The real CLI on the test store (both
 * stores).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { findTaskId } from "../../db/activity.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { insertReply, withdrawReply } from "../../db/replies.ts";
import type { ReplyJson } from "../../src/cli/replies.ts";
import { lmReplyBase } from "../db/reply-support.ts";
import { seedCutoff } from "../db/support.ts";
import { importedStore, tempDir } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

// The seeded cut-off: 2027-02-01T21:59:59.999Z.
const IN_TIME = "2027-01-20T08:00:00.000Z";
const AFTER = "2027-02-03T08:00:00.000Z";

// Spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("replies marks supplements", { timeout: 120_000 }, () => {
  let args: string[] = [];
  let env: Record<string, string> = {};

  beforeAll(async () => {
    const { db, path } = await importedStore();
    const { cutoff, lmId } = await seedCutoff(db);
    const programme = await currentProgramme(db);
    const taskOf = async (n: string) => (await findTaskId(db, programme?.id ?? 0, n)) ?? null;
    const iemId = (await findInstitution(db, "IEM"))?.id ?? 0;
    const base = lmReplyBase(cutoff, lmId);
    let n = 0;
    const reply = async (
      task: string | null,
      text: string,
      receivedAt: string,
      more: { institutionId?: number; verified?: boolean } = {},
    ) =>
      insertReply(db, {
        ...base,
        ...more,
        taskId: task === null ? null : await taskOf(task),
        ts: `1.0001${String(++n).padStart(2, "0")}`,
        text: task === null ? text : `${task}: ${text}`,
        source: "event",
        receivedAt,
      });
    // LM: task 1 answered in time, then supplemented.
    await reply("1", "laikā sniegtā", IN_TIME);
    await reply("1", "papildinājums", AFTER);
    // IEM: a first answer to task 1 after the cut-off (LM's answer in time is not its own).
    await reply("1", "IEM pirmā pēc termiņa", AFTER, { institutionId: iemId });
    // LM task 2: only an unverified reply in time; LM task 3: a withdrawn one in time.
    await reply("2", "nepārbaudīta laikā", IN_TIME, { verified: false });
    await reply("2", "pārbaudīta pēc termiņa", AFTER);
    const gone = await reply("3", "atsaukta laikā", IN_TIME);
    await withdrawReply(db, gone.reply.id, "2027-01-21T08:00:00.000Z");
    await reply("3", "pēc atsauktās", AFTER);
    await reply(null, "bez uzdevuma pēc termiņa", AFTER);
    await db.destroy();
    args = ["replies", "--cutoff", String(cutoff.id)];
    env = { DATABASE_URL: path, DATA_DIR: tempDir(), LOG_LEVEL: "warn" };
  }, 120_000);

  /** The listing's lines in `lang`, the run having succeeded. */
  async function listing(lang: "lv" | "en"): Promise<(text: string) => string> {
    const run = await runCli([...args, "--lang", lang], env);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    return (text) => lines.find((l) => l.includes(text)) ?? "";
  }

  it("in Latvian: the supplement marked as one, first answers after the cut-off late", async () => {
    const row = await listing("lv");
    expect(row("laikā sniegtā")).not.toContain("termiņa)");
    expect(row("papildinājums")).toMatch(/papildinājums \(papildināts pēc ziņošanas termiņa\)$/);
    for (const late of [
      "IEM pirmā pēc termiņa",
      "pārbaudīta pēc termiņa",
      "pēc atsauktās",
      "bez uzdevuma pēc termiņa",
    ])
      expect(row(late)).toMatch(/ \(pēc ziņošanas termiņa\)$/);
  });

  it("in English", async () => {
    const row = await listing("en");
    expect(row("papildinājums")).toMatch(
      /papildinājums \(supplemented after the reporting cut-off\)$/,
    );
    expect(row("IEM pirmā pēc termiņa")).toMatch(/ \(after the reporting cut-off\)$/);
    expect(row("pārbaudīta pēc termiņa")).toMatch(/ \(after the reporting cut-off\)$/);
  });

  it("--json: late as before, supplement only for the supplement", async () => {
    const run = await runCli([...args, "--json"], env);
    expect(run.code, run.stderr).toBe(0);
    const listed = JSON.parse(run.stdout) as ReplyJson[];
    const marks = listed.map((r) => [r.text.replace(/^\d+: /u, ""), r.late, r.supplement]);
    expect(marks).toEqual(
      expect.arrayContaining([
        ["laikā sniegtā", false, false],
        ["papildinājums", true, true],
        ["IEM pirmā pēc termiņa", true, false],
        ["nepārbaudīta laikā", false, false],
        ["pārbaudīta pēc termiņa", true, false],
        ["atsaukta laikā", false, false],
        ["pēc atsauktās", true, false],
        ["bez uzdevuma pēc termiņa", true, false],
      ]),
    );
    expect(marks).toHaveLength(8);
  });
});
