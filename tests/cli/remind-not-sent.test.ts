/**
 * `npm run cli -- remind --cutoff N --now` when some institutions' reminders cannot go out: one
 * with no channel mapped is named as such (skipped, not "failed", with the command that maps
 * one), a channel Slack does not know is failed with its reason, and that failure makes the run
 * exit 1 so a script notices; its --help says so.
 */
import { afterEach, describe, expect, it } from "vitest";
import { notSent, remindLines, unmapped } from "../../src/cli/remind.ts";
import { startEmulator } from "../../src/emulator/server.ts";
import { cliText } from "../../src/i18n/cli.ts";
import { cliRemindText } from "../../src/i18n/cli-remind.ts";
import { spawnCli } from "../faults/support.ts";
import { tempDir } from "../helpers/store.ts";
import { escapeRegExp, remindEnv, remindStore } from "./remind-support.ts";
import { runCli } from "./run-cli.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

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

  it("only a failure counts as not sent; no channel is skipped apart", () => {
    expect(notSent(results).map((r) => r.institution)).toEqual(["IZM"]);
    expect(unmapped(results).map((r) => r.institution)).toEqual(["IEM"]);
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
  it("sends what it can, names the rest with their reasons, exits 1 for the failed", async () => {
    const dir = tempDir();
    const emulator = await startEmulator();
    cleanups.push(() => emulator.stop());
    emulator.addChannel({ id: "C0FLM", name: "lm" });
    // IZM's channel is unknown to Slack (channel_not_found); IEM has no channel at all.
    const { path, cutoffId } = await remindStore(dir, { LM: "C0FLM", IZM: "C0NOPE" }, cleanups);
    const env = remindEnv(dir, path, emulator);
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
    // IZM failed (exit 1); IEM, with no channel, is named apart as skipped, not failed.
    expect(output).toContain(cliText("en").remind.notAllSent(["IZM"]));
    expect(output).toContain(
      `Not sent to IEM: no Slack channel mapped. Map one with \`npm run cli -- institution set IEM <channelId> <userId>\`, then run \`npm run cli -- remind --cutoff ${cutoffId} --now\` again.`,
    );
    expect(output).toContain(
      cliRemindText("en").unmapped({ codes: ["IEM"], nothingSent: false, cutoffId }),
    );
  });

  it("--help documents the exit codes", async () => {
    const help = await runCli(["remind", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Exit codes: 0 every institution's reminder was sent");
    expect(help.stdout).toContain(
      "1 at least one was not sent: an institution with no channel mapped",
    );
  });
});
