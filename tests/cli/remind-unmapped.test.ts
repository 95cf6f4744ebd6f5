/**
 * `npm run cli -- remind --cutoff N --now` when the only institutions left have no channel (a
 * fresh user's finding: it exited 1 with "Neizdevās nosūtīt…", as if Slack had refused): no
 * channel is a state of the configuration, not a failure, and is said so. The run still exits 1
 * (README: "exits 1 when any was not sent"), naming the institutions and the command that maps
 * one, lv and en; nothing is posted.
 */
import { afterEach, describe, expect, it } from "vitest";
import { remindTable } from "../../src/cli/remind.ts";
import { startEmulator } from "../../src/emulator/server.ts";
import { cliRemindText } from "../../src/i18n/cli-remind.ts";
import { tempDir } from "../helpers/store.ts";
import { remindEnv, remindStore, runRemind } from "./remind-support.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("remind --now's note on institutions with no channel (pure)", () => {
  it("says nothing could be sent, whom and how to map one (one, several; lv, en)", () => {
    const one = { codes: ["IEM"], nothingSent: true, cutoffId: 3 };
    expect(cliRemindText("lv").unmapped(one)).toBe(
      "Nekas netika nosūtīts: institūcijai IEM nav piesaistīts Slack kanāls. Piesaistiet to: `npm run cli -- institution set IEM <kanāla ID> <lietotāja ID>`, tad palaidiet `npm run cli -- remind --cutoff 3 --now` vēlreiz.",
    );
    expect(cliRemindText("en").unmapped(one)).toBe(
      "Nothing could be sent: IEM has no Slack channel mapped. Map one with `npm run cli -- institution set IEM <channelId> <userId>`, then run `npm run cli -- remind --cutoff 3 --now` again.",
    );
    const several = { codes: ["IEM", "IZM"], nothingSent: false, cutoffId: 3 };
    expect(cliRemindText("lv").unmapped(several)).toMatch(
      /^Institūcijām IEM, IZM atgādinājumi netika sūtīti: nav piesaistīts Slack kanāls\. Piesaistiet katrai: `npm run cli -- institution set <KODS> /,
    );
    expect(cliRemindText("en").unmapped(several)).toMatch(
      /^Not sent to IEM, IZM: no Slack channel mapped\. Map one to each with `npm run cli -- institution set <CODE> /,
    );
    for (const text of [cliRemindText("lv").unmapped(one), cliRemindText("lv").unmapped(several)])
      expect(text).not.toMatch(/neizdevās/i);
  });

  it("the table counts them apart: without a channel, not 'not sent'", () => {
    const rows = [
      { institution: "IEM", kind: "before-P7D", result: "no_mapping" },
      { institution: "LM", kind: "before-P7D", result: "all_answered" },
    ];
    expect(remindTable(rows, "lv").at(-1)).toBe(
      "Kopā 2 institūcijas: 1 nebija jāsūta, 1 bez kanāla.",
    );
    expect(remindTable(rows, "en").at(-1)).toBe(
      "In all, 2 institutions: 1 needed no sending, 1 without a channel.",
    );
  });
});

// Each run spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("remind --now with only unmapped institutions left", { timeout: 120_000 }, () => {
  it("exits 1 (not sent) and names them with the command that maps one (lv, then en)", async () => {
    const dir = tempDir();
    const emulator = await startEmulator();
    cleanups.push(() => emulator.stop());
    // Tasks 1, 5 and 14 belong to IEM, IZM and LM: none has a channel.
    const { path, cutoffId } = await remindStore(dir, {}, cleanups);
    const env = remindEnv(dir, path, emulator);
    const run = (lang: string) => runRemind(cutoffId, lang, env);

    const lv = await run("lv");
    expect(lv.code, lv.output).toBe(1);
    expect(lv.output).toContain(
      "Nekas netika nosūtīts: institūcijām IEM, IZM, LM nav piesaistīts Slack kanāls. Piesaistiet katrai: `npm run cli -- institution set <KODS> <kanāla ID> <lietotāja ID>`",
    );
    expect(lv.output).toContain("Kopā 3 institūcijas: 3 bez kanāla.");
    expect(lv.output).not.toContain("Neizdevās");

    // Run again with nothing fixed: the same, in English (each is tried again, none failed).
    const en = await run("en");
    expect(en.code, en.output).toBe(1);
    expect(en.output).toContain(
      cliRemindText("en").unmapped({ codes: ["IEM", "IZM", "LM"], nothingSent: true, cutoffId }),
    );
    expect(en.output).toMatch(/^IEM .* not sent: no channel mapped for the institution/m);
    expect(en.output).not.toContain("could not be sent to");
    expect(emulator.calls.filter((c) => c.method === "chat.postMessage")).toEqual([]);
  });
});
