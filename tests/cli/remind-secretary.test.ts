/**
 * `remind --now` when a secretary cannot be told of a failed reminder (a fresh user's finding:
 * after `/role add <@U0LOCAL99>`, an unknown user, the CLI printed the job's raw JSON log line
 * `{"level":50,…,"msg":"secretary not reachable"}` three times among its own output). The CLI
 * says it once per secretary, in words, lv and en, from what `sendNow` returns (no log lines
 * re-read); the server's log keeps its line (warn, below the CLI's error-only log).
 */
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { findInstitution } from "../../db/institutions.ts";
import { grantRole } from "../../db/roles.ts";
import { startEmulator } from "../../src/emulator/server.ts";
import { cliRemindText } from "../../src/i18n/cli-remind.ts";
import { createLogger } from "../../src/logger.ts";
import { sendNow } from "../../src/reminders/send-now.ts";
import { fixedClock } from "../../src/time.ts";
import { dayBeforeWorld, storeTestCutoff } from "../helpers/jobs.ts";
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

describe("sendNow hands remind --now the secretaries it could not tell", () => {
  it("each once, with Slack's code, however many reminders failed; the log has a warn line", async () => {
    const w = await dayBeforeWorld({
      clock: fixedClock("2027-01-10T08:00:00Z"),
      config: { secretaryUserIds: ["U0SEC", "U0LOCAL99"] },
    });
    cleanups.push(() => w.stop());
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    w.deps = { ...w.deps, logger: createLogger("info", sink) };
    w.emulator.addUser({ id: "U0SEC", name: "sec", locale: "lv-LV" });
    // Two channels the local Slack does not have, one institution with none: three failures.
    for (const [code, channel] of [
      ["LM", "C0GONE1"],
      ["IEM", "C0GONE2"],
    ] as const) {
      const id = (await findInstitution(w.db, code))?.id ?? 0;
      await setMapping(w.db, id, channel, [], "2027-01-10T08:00:00Z");
    }
    const cutoffId = await storeTestCutoff(w.db);
    const report = await sendNow(w.deps, cutoffId);
    expect(report.results.filter((r) => r.result !== "sent").length).toBeGreaterThan(1);
    expect(report.unreachableSecretaries).toEqual([{ user: "U0LOCAL99", code: "users_not_found" }]);
    const logged = lines.filter((l) => l.msg === "secretary not reachable");
    expect(logged.length).toBeGreaterThan(1);
    expect(logged[0]).toMatchObject({ level: 40, user: "U0LOCAL99" });
    expect(cliRemindText("lv").secretaryUnreachable("U0LOCAL99", "users_not_found")).toBe(LV);
    expect(cliRemindText("en").secretaryUnreachable("U0LOCAL99", "users_not_found")).toBe(EN);
    expect(cliRemindText("lv").secretaryUnreachable("U0OTHER1", null)).toBe(
      "Sekretāru U0OTHER1 nevarēja informēt: Slack neļāva nosūtīt ziņu. Sekretāri: `npm run cli -- role list`.",
    );
    // Run again: each problem was told (U0SEC got it), so no secretary is asked, none named.
    expect((await sendNow(w.deps, cutoffId)).unreachableSecretaries).toEqual([]);
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
