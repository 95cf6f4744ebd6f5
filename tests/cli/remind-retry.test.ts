/**
 * `npm run cli -- remind --cutoff N --now` after a delivery failure, as a secretary meets it: an
 * institution mapped to a channel Slack does not know has its reminder fail; run again without a
 * fix, it is tried again and still fails (exit 1); once the mapping is fixed it goes out (exit
 * 0). Each run sends by hand: the planned reminders stay planned for their time.
 */
import { DateTime } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import { setMapping } from "../../db/contacts.ts";
import { findInstitution } from "../../db/institutions.ts";
import { listReminders } from "../../db/reminders.ts";
import { startEmulator } from "../../src/emulator/server.ts";
import { cliText } from "../../src/i18n/cli.ts";
import { spawnCli } from "../faults/support.ts";
import { tempDir } from "../helpers/store.ts";
import { remindEnv, remindStore } from "./remind-support.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// Each run spawns the real CLI (a Node process with tsx): seconds on a busy machine.
describe("remind --now after the mapping is fixed", { timeout: 180_000 }, () => {
  it("tries the failed institution again each run and sends once fixed; the plan stays for its time", async () => {
    const dir = tempDir();
    const emulator = await startEmulator();
    cleanups.push(() => emulator.stop());
    for (const code of ["LM", "IEM", "IZM"])
      emulator.addChannel({ id: `C0R${code}`, name: code.toLowerCase() });
    // Task 5 (LM, IEM, IZM), in two hours, one reminder an hour before. Its other
    // institutions are reachable: only LM's reminder fails.
    const {
      db,
      path,
      cutoffId: id,
    } = await remindStore(dir, { LM: "C0GONE", IEM: "C0RIEM", IZM: "C0RIZM" }, cleanups, {
      at: DateTime.utc().plus({ hours: 2 }).toISO() ?? "",
      taskNumbers: ["5"],
      plan: false,
    });
    const lm = await findInstitution(db, "LM");
    if (!lm) throw new Error("no LM");
    const env = { ...remindEnv(dir, path, emulator), REMINDER_OFFSETS: "PT1H" };
    const remind = async () => {
      const cli = spawnCli(["remind", "--cutoff", String(id), "--now", "--lang", "en"], env);
      return { code: await cli.exited, output: cli.output() };
    };

    const first = await remind();
    expect(first.code, first.output).toBe(1);
    expect(first.output).toMatch(
      /^LM .* failed: channel not found – name another \(`npm run cli -- institution set LM <channelId> <userId>`\)$/m,
    );
    const again = await remind();
    expect(again.code, again.output).toBe(1);
    expect(again.output).toMatch(
      /^LM .* failed: channel not found – name another \(`npm run cli -- institution set LM <channelId> <userId>`\)$/m,
    );
    expect(again.output).not.toContain("Nothing to send");
    expect(again.output).toContain(cliText("en").remind.notAllSent(["LM"]));

    await setMapping(db, lm.id, "C0RLM", [], new Date().toISOString());
    const fixed = await remind();
    expect(fixed.code, fixed.output).toBe(0);
    expect(fixed.output).toMatch(/^LM .* sent$/m);
    const posts = emulator.calls.filter(
      (c) => c.method === "chat.postMessage" && c.args.channel === "C0RLM",
    );
    expect(posts).toHaveLength(1);

    // The plan's own reminders (an hour before the cut-off) are still to go out at their time.
    const plan = (await listReminders(db, id)).filter((r) => r.kind === "before-PT1H");
    expect(plan.map((r) => r.state)).toEqual(["planned", "planned", "planned"]);
  });
});
