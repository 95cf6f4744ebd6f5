/**
 * `remind --now` when a secretary cannot be told of a failed reminder (a fresh user's finding:
 * after `/role add <@U0LOCAL99>`, an unknown user, the CLI printed the job's raw JSON log line
 * `{"level":50,…,"msg":"secretary not reachable"}` three times among its own output). The CLI
 * says it once per secretary, in words, lv and en; the JSON stays for the server's log.
 */
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { grantRole } from "../../db/roles.ts";
import { remindLog } from "../../src/cli/remind-log.ts";
import { startEmulator } from "../../src/emulator/server.ts";
import { tempDir } from "../helpers/store.ts";
import { remindEnv, remindStore, runRemind } from "./remind-support.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const LV =
  "Sekretāru U0LOCAL99 nevarēja informēt: Slack lietotājs nav atrasts (users_not_found). Sekretāri: `npm run cli -- role list`.";
const EN =
  "Secretary U0LOCAL99 could not be told: the Slack user was not found (users_not_found). Secretaries: `npm run cli -- role list`.";

describe("remind --now's log (in-process)", () => {
  it("keeps 'secretary not reachable' for one line per secretary; other errors pass through", () => {
    const passed: string[] = [];
    const stderr = new Writable({
      write(chunk: Buffer, _encoding, done) {
        passed.push(chunk.toString());
        done();
      },
    });
    const log = remindLog(stderr);
    const err = "An API error occurred: users_not_found";
    for (let i = 0; i < 3; i++)
      log.logger.error({ user: "U0LOCAL99", err }, "secretary not reachable");
    log.logger.error({ user: "U0OTHER1", err: "boom" }, "secretary not reachable");
    log.logger.error({ err: "disk full" }, "something else");
    log.logger.warn("below the CLI's level");
    expect(log.notes("lv")).toEqual([
      LV,
      "Sekretāru U0OTHER1 nevarēja informēt: Slack neļāva nosūtīt ziņu. Sekretāri: `npm run cli -- role list`.",
    ]);
    expect(log.notes("en")[0]).toBe(EN);
    expect(passed).toHaveLength(1);
    expect(JSON.parse(passed[0] ?? "{}")).toMatchObject({ msg: "something else" });
  });
});

// Each run spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("remind --now with a secretary Slack does not know", { timeout: 120_000 }, () => {
  it("says once, in words, that the secretary could not be told; no JSON", async () => {
    const dir = tempDir();
    const emulator = await startEmulator();
    cleanups.push(() => emulator.stop());
    // Channels the local Slack does not have: each of the three reminders fails, and each
    // failure is to be told to the secretaries.
    const mapped = { IEM: "C0NOPE001", IZM: "C0NOPE002", LM: "C0NOPE003" };
    const { db, path, cutoffId } = await remindStore(dir, mapped, cleanups);
    await grantRole(db, "U0LOCAL99", "secretary", "U0FSEC", new Date().toISOString());
    const env = remindEnv(dir, path, emulator);
    const run = (lang: string) => runRemind(cutoffId, lang, env);
    const lv = await run("lv");
    expect(lv.code, lv.output).toBe(1);
    expect(lv.output.split(LV)).toHaveLength(2);
    expect(lv.output).not.toContain('"level"');
    expect(lv.output).not.toContain("secretary not reachable");
    // Run again: a problem that failed so before is not told again (send-reminder's toldBefore),
    // so no secretary is asked and nothing is said; still no JSON.
    const again = await run("en");
    expect(again.output).toContain("In all, 3 institutions: 3 not sent.");
    expect(again.output).not.toContain('"level"');
  });
});
