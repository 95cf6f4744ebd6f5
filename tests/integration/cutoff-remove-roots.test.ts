/**
 * `/cutoff remove` (signed) and the CLI's `cutoff remove` next to the running app queue the same
 * refresh of the reminder threads' roots as a move: the app's worker rewrites each root to say
 * the cut-off was removed on which day and that replies are no longer expected there, keeps the
 * replies received under their tasks, and drops the how-to-reply hint, the mentions and the
 * "Submit update" buttons. Real app, emulator, worker and CLI process.
 */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { replyCutoff } from "../../db/cutoffs.ts";
import { cutoffText } from "../../src/i18n/cutoff.ts";
import { formatInstant } from "../../src/slack/format.ts";
import { runCli } from "../cli/run-cli.ts";
import type { TestApp } from "../helpers/app.ts";
import type { LogWatch } from "../helpers/log-watch.ts";
import { slashText } from "../helpers/slash.ts";
import { PEOPLE, peopleAppHooks, sentReminder } from "../replies/support.ts";
import { appCliEnv, SLOW_MS, untilRoot } from "./support/cutoffs.ts";

let t: TestApp;
let logs: LogWatch;
let channels = 0;

peopleAppHooks(
  { secretaries: [PEOPLE.secretary], timeoutMs: 120_000 },
  (app) => ({ t, logs } = app),
);

/** LM mapped to a fresh channel, a cut-off on tasks 5 and 14, its first reminder posted. */
function postedReminder(): Promise<{ cutoffId: number; channel: string; rootTs: string }> {
  channels++;
  return sentReminder(t, {
    channel: `C0RMROOT${channels}`,
    name: `rm-root-${channels}`,
    at: "2099-02-02T13:08:00.000Z",
    title: "Noņemamais",
    tasks: ["5", "14"],
  });
}

/** Anna answers task 14 in the thread; waits until the reply is stored. */
async function answer(channel: string, rootTs: string): Promise<void> {
  const { ts } = await t.slack.userMessage({
    channelId: channel,
    threadTs: rootTs,
    text: "14: grozījumi pieņemti",
    userId: PEOPLE.anna,
  });
  await logs.waitFor((l) => l.msg === "reply stored" && l.ts === ts, SLOW_MS);
}

/** The line the root of removed cut-off `id` is to show, on the day the store says it was removed. */
async function removedLine(id: number): Promise<string> {
  const found = await replyCutoff(t.app.db, id);
  if (!found?.removedAt) throw new Error("not removed");
  // Written as every other date is (formatInstantDay), e.g. "30.11.2026.".
  const day = DateTime.fromISO(found.removedAt)
    .setZone(t.app.config.timezone)
    .toFormat("dd.MM.yyyy.");
  const at = formatInstant(found.cutoff.at, t.app.config.timezone, "lv");
  return cutoffText("lv").rootRemoved("LM", at, found.cutoff.title, day);
}

function expectRemovedRoot(root: string, line: string): void {
  expect(root).toContain(line);
  // The day's own full stop ends the sentence ("30.11.2026. Atbildes", not "30.11.2026.. …").
  expect(root).not.toMatch(/\d{4}\.\./);
  // It no longer asks for information by a time that is gone.
  expect(root).not.toContain("sniedziet informāciju");
  // The reply received stays under its task; the task without one says so.
  expect(root).toContain("grozījumi pieņemti");
  expect(root).toContain("Atbildes vēl nav.");
  expect(root).not.toContain("Atbildiet šajā pavedienā");
  expect(root).not.toContain("Iesniegt atjauninājumu");
  expect(root).not.toContain(`<@${PEOPLE.anna}>,`);
}

describe("removing a cut-off and its reminder threads' roots", { timeout: 120_000 }, () => {
  it("/cutoff remove: the worker rewrites the root to say it was removed", async () => {
    const { cutoffId, channel, rootTs } = await postedReminder();
    await answer(channel, rootTs);
    await untilRoot(t, channel, rootTs, (text) => text.includes("grozījumi pieņemti"));
    const said = await slashText(t, "/cutoff", `remove ${cutoffId}`, PEOPLE.secretary);
    expect(said).toContain("Saņemtās atbildes paliek.");
    expect(said).toContain(cutoffText("lv").removedThreads(1));
    const line = await removedLine(cutoffId);
    const root = await untilRoot(t, channel, rootTs, (text) => text.includes(line));
    expectRemovedRoot(root, line);
  });

  it("CLI cutoff remove next to the app: the same refresh, and the answer says so", async () => {
    const { cutoffId, channel, rootTs } = await postedReminder();
    await answer(channel, rootTs);
    await untilRoot(t, channel, rootTs, (text) => text.includes("grozījumi pieņemti"));
    const removed = await runCli(["cutoff", "remove", String(cutoffId)], appCliEnv(t));
    expect(removed.code).toBe(0);
    expect(removed.stderr).not.toContain("root refresh not queued");
    expect(removed.stdout).toContain(cutoffText("lv").removedThreads(1));
    const line = await removedLine(cutoffId);
    const root = await untilRoot(t, channel, rootTs, (text) => text.includes(line));
    expectRemovedRoot(root, line);
  });
});
