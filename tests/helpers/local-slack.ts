/**
 * The app in local mode with `npm run slack` next to it, as a person trying it locally has
 * them: shared setup of the suites that drive the local Slack through the send CLI.
 */
import { join } from "node:path";
import { runSendCli } from "../../src/emulator/send-cli.ts";
import type { Emulator } from "../../src/emulator/server.ts";
import type { Running } from "../../src/main.ts";
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
