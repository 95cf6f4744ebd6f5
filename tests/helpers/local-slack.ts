/**
 * The app in local mode with `npm run slack` next to it, as a person trying it locally has
 * them: shared setup of the suites that drive the local Slack through the send CLI.
 */
import { join } from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import { findInstitution } from "../../db/institutions.ts";
import { insertThread } from "../../db/threads.ts";
import { REMINDER_EVENT_TYPE } from "../../jobs/send-reminder.ts";
import { LOCAL_USER_ID } from "../../src/config.ts";
import { runSendCli } from "../../src/emulator/send-cli.ts";
import type { Emulator } from "../../src/emulator/server.ts";
import type { Running } from "../../src/main.ts";
import { createJobWebClient } from "../../src/slack/web.ts";
import { startLocalApp } from "./app.ts";
import { tempDir } from "./store.ts";

/** What one `npm run slack` run ended with: its exit code, stdout and stderr as text. */
export interface SendResult {
  code: number;
  out: string;
  err: string;
}

/**
 * Starts the app in local mode on a fresh data directory (no work-group channel) and returns
 * it, its built-in emulator and the directory.
 * @throws Error when local mode started no emulator.
 */
export async function startLocalSlack(): Promise<{
  app: Running;
  emulator: Emulator;
  dataDir: string;
}> {
  const dataDir = tempDir();
  const app = await startLocalApp({ workgroupChannelId: null, dataDir });
  if (!app.emulator) throw new Error("local mode starts an emulator");
  return { app, emulator: app.emulator, dataDir };
}

/**
 * Registers a suite's hooks around {@link startLocalSlack}: `beforeAll` starts the app in local
 * mode and hands it, its emulator and its data directory to `set` (which keeps them in the
 * suite's own variables); `afterAll` stops the app.
 */
export function localSlackHooks(
  set: (local: { app: Running; emulator: Emulator; dataDir: string }) => void,
): void {
  let app: Running | undefined;
  beforeAll(async () => {
    const local = await startLocalSlack();
    app = local.app;
    set(local);
  });
  afterAll(async () => {
    await app?.stop();
  });
}

/** Runs `npm run slack -- <argv>` against the local Slack whose file is in `dataDir` (10 s timeout). */
export async function sendCli(dataDir: string, argv: string[]): Promise<SendResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runSendCli(argv, {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    file: join(dataDir, "local-slack.json"),
    timeoutMs: 10_000,
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/**
 * Posts a reminder root for LM in `channel` as the reminder job does (a bot message carrying the
 * reminder's metadata for `cutoffId`) and stores its thread, so replies in it reach the app as
 * replies to that reminder. Returns the root's ts.
 * @throws Error when the app runs without its local emulator.
 */
export async function postLocalReminder(
  app: Running,
  opts: { channel: string; cutoffId: number; text: string },
): Promise<string> {
  if (!app.emulator) throw new Error("local mode starts an emulator");
  const lm = await findInstitution(app.db, "LM");
  const bot = createJobWebClient(app.emulator.botToken, app.emulator.apiUrl);
  const root = await bot.chat.postMessage({
    channel: opts.channel,
    text: opts.text,
    metadata: { event_type: REMINDER_EVENT_TYPE, event_payload: { cutoff_id: opts.cutoffId } },
  });
  const thread = await insertThread(app.db, {
    cutoffId: opts.cutoffId,
    institutionId: lm?.id ?? 0,
    channelId: opts.channel,
    threadTs: String(root.ts),
    at: new Date().toISOString(),
  });
  return thread.threadTs;
}

/**
 * A reminder thread for LM (tasks 5 and 14, contact: the local user) in `channel`, set up as a
 * secretary would through `npm run slack`: `/institution set`, then `/cutoff add` next year
 * (expected to succeed and print "#1"), then the reminder of the first cut-off posted by
 * `postLocalReminder` with `text`. Returns the root's ts.
 */
export async function localReminderThread(
  app: Running,
  dataDir: string,
  opts: { channel: string; text: string },
): Promise<string> {
  const set = await sendCli(dataDir, [
    `/institution set LM <#${opts.channel}> <@${LOCAL_USER_ID}>`,
  ]);
  expect(set).toMatchObject({ code: 0 });
  const year = new Date().getUTCFullYear() + 1;
  const added = await sendCli(dataDir, [`/cutoff add ${year}-02-01 --tasks 5,14 Pārbaude`]);
  expect(added.out).toContain("#1");
  const cutoff = await app.db.selectFrom("cutoffs").select("id").executeTakeFirstOrThrow();
  return postLocalReminder(app, { channel: opts.channel, cutoffId: cutoff.id, text: opts.text });
}
