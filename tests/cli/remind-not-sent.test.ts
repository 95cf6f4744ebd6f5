/**
 * `npm run cli -- remind --cutoff N --now` when some institutions' reminders cannot go out: one
 * with no channel mapped is named as such (not "failed"), a channel Slack does not know is
 * failed with its reason, and the run exits 1 so a script notices; its --help says so.
 */
import { join } from "node:path";
import { DateTime } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import { createDb, migrateToLatest } from "../../db/client.ts";
import { setMapping } from "../../db/contacts.ts";
import { findCutoff, insertCutoff } from "../../db/cutoffs.ts";
import { findInstitution } from "../../db/institutions.ts";
import { currentProgramme } from "../../db/programmes.ts";
import { notSent, remindLines } from "../../src/cli/remind.ts";
import { testConfig } from "../../src/config.ts";
import { startEmulator } from "../../src/emulator/server.ts";
import { cliText } from "../../src/i18n/cli.ts";
import { seedIfEmpty } from "../../src/import/seed.ts";
import { planCutoff } from "../../src/reminders/plan.ts";
import { systemClock } from "../../src/time.ts";
import { localModeEnv, spawnCli } from "../faults/support.ts";
import { tempDir } from "../helpers/store.ts";
import { runCli } from "./run-cli.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A store with a cut-off in three days on tasks 1, 5, 14 (LM, IEM, IZM), `mapped` given channels. */
async function store(dir: string, mapped: Record<string, string>) {
  const path = join(dir, "cli.db");
  const db = createDb(path);
  cleanups.push(() => db.destroy());
  await migrateToLatest(db);
  await seedIfEmpty(db, systemClock);
  const now = new Date().toISOString();
  for (const [code, channel] of Object.entries(mapped)) {
    const inst = await findInstitution(db, code);
    if (!inst) throw new Error(`no institution ${code}`);
    await setMapping(db, inst.id, channel, [], now);
  }
  const programme = await currentProgramme(db);
  const { id } = await insertCutoff(db, {
    programmeId: programme?.id ?? 0,
    at: DateTime.utc().plus({ days: 3 }).toISO() ?? "",
    title: "Pārbaude",
    taskNumbers: ["1", "5", "14"],
    createdBy: "U0FSEC",
    createdAt: now,
  });
  const cutoff = await findCutoff(db, id);
  if (!cutoff) throw new Error("no cut-off");
  const config = testConfig();
  const settings = {
    offsets: config.reminderOffsets,
    time: config.reminderTime,
    zone: config.timezone,
  };
  await planCutoff(db, cutoff, settings, now);
  return { path, cutoffId: id };
}

describe("remind --now's lines and exit code (pure)", () => {
  const results = [
    { institution: "LM", kind: "P1D", result: "sent" },
    { institution: "IEM", kind: "P1D", result: "no_mapping" },
    { institution: "IZM", kind: "P1D", result: "channel_not_found" },
    { institution: "VP", kind: "P1D", result: "all_answered" },
  ];

  it("an unmapped institution is 'no channel mapped', not a bare failure", () => {
    // In institution order (IEM, IZM, LM, VP), as /cutoff plan lists them.
    const [iem, izm] = remindLines(results, "en");
    expect(iem).toContain(cliText("en").remind.noMapping("IEM"));
    expect(iem).not.toContain("failed");
    expect(izm).toContain("failed: channel not found");
    expect(remindLines(results, "lv")[0]).toContain("nav piesaistīts Slack kanāls");
  });

  it("only what the operator must see to counts as not sent", () => {
    expect(notSent(results).map((r) => r.institution)).toEqual(["IEM", "IZM"]);
    expect(notSent([results[0], results[3]].filter((r) => r !== undefined))).toEqual([]);
  });

  it("a reminder of the cut-off's earlier time, not sent because it moved, is skipped, not failed", () => {
    const moved = [{ institution: "LM", kind: "P1D", result: "cutoff_moved" }];
    expect(notSent(moved)).toEqual([]);
    expect(remindLines(moved, "en")[0]).toContain(
      "skipped: the cut-off was moved before it was sent",
    );
    expect(remindLines(moved, "lv")[0]).toContain("izlaists: termiņu pārcēla");
  });
});

// Each run spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("remind --now with institutions that cannot be reminded", { timeout: 120_000 }, () => {
  it("sends what it can, names the rest with their reasons, exits 1", async () => {
    const dir = tempDir();
    const emulator = await startEmulator();
    cleanups.push(() => emulator.stop());
    emulator.addChannel({ id: "C0FLM", name: "lm" });
    // IZM's channel is unknown to Slack (channel_not_found); IEM has no channel at all.
    const { path, cutoffId } = await store(dir, { LM: "C0FLM", IZM: "C0NOPE" });
    const env = {
      ...localModeEnv(dir),
      SLACK_BOT_TOKEN: emulator.botToken,
      SLACK_SIGNING_SECRET: "fault-signing-secret",
      SLACK_API_URL: emulator.apiUrl,
      DATABASE_URL: path,
      LOG_LEVEL: "warn",
    };
    const cli = spawnCli(["remind", "--cutoff", String(cutoffId), "--now", "--lang", "en"], env);
    const code = await cli.exited;
    const output = cli.output();
    expect(code, output).toBe(1);
    expect(output).toMatch(/^LM .* sent$/m);
    expect(output).toMatch(
      new RegExp(`^IEM .* ${escapeRegExp(cliText("en").remind.noMapping("IEM"))}$`, "m"),
    );
    expect(output).toMatch(
      /^IZM .* failed: channel not found – name another \(`npm run cli -- institution set IZM <channelId> <userId>`\)$/m,
    );
    // The table tells each outcome; the worker's log line stays out of the output.
    expect(output).not.toContain("reminder not delivered");
    expect(output).not.toMatch(/^\{"level"/m);
    expect(output).toContain(cliText("en").remind.notAllSent(["IEM", "IZM"]));
  });

  it("--help documents the exit codes", async () => {
    const help = await runCli(["remind", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Exit codes: 0 every institution's reminder was sent");
    expect(help.stdout).toContain("1 at least one was not sent");
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
