import { type Config, LOCAL_USER_ID, testConfig } from "../../src/config.ts";
import { createSlackClient, type SlackClient } from "../../src/emulator/client.ts";
import { type Emulator, startEmulator } from "../../src/emulator/server.ts";
import { createLogger, type Logger } from "../../src/logger.ts";
import { type Running, start } from "../../src/main.ts";
import type { Clock } from "../../src/time.ts";
import { tempDir, testDatabaseUrl } from "./store.ts";

/** A running app wired to a fresh emulator, a fresh store and a signing client. */
export interface TestApp {
  app: Running;
  emulator: Emulator;
  slack: SlackClient;
  config: Config;
  stop(): Promise<void>;
}

/**
 * Starts the real app (Bolt over HTTP on a free port) against a fresh emulator and a fresh
 * store (SQLite file, or PostgreSQL database with `TEST_DATABASE=postgres`; see
 * `testDatabaseUrl`) with the bundled report imported. Nothing is mocked: requests are signed like
 * Slack's, answers go to the emulator's Web API and response_urls.
 */
export async function startTestApp(
  opts: {
    clock?: Clock;
    config?: Partial<Config>;
    /** Run the in-process worker (default true). */
    worker?: boolean;
    /** Share an emulator (not stopped by `stop`). */
    emulator?: Emulator;
    /** Reuse a data directory (its store) to restart "the same" app. */
    dir?: string;
    /** The app's logger (default: silent), e.g. to wait on what the app logs. */
    logger?: Logger;
  } = {},
): Promise<TestApp> {
  const emulator = opts.emulator ?? (await startEmulator());
  const dir = opts.dir ?? tempDir();
  const config = testConfig({
    slack: {
      mode: "http",
      botToken: emulator.botToken,
      signingSecret: "test-secret-1234",
      appToken: null,
      apiUrl: emulator.apiUrl,
    },
    databaseUrl: await testDatabaseUrl(dir, "app.db"),
    dataDir: dir,
    ...opts.config,
  });
  const app = await start(config, {
    clock: opts.clock,
    logger: opts.logger ?? createLogger("silent"),
    worker: opts.worker,
  });
  const slack = createSlackClient({ appUrl: app.url, signingSecret: "test-secret-1234", emulator });
  return {
    app,
    emulator,
    slack,
    config,
    async stop() {
      await app.stop();
      if (!opts.emulator) await emulator.stop();
    },
  };
}

/**
 * Starts the real app in local mode, as `npm start` does without Slack credentials: its own
 * emulator, the local user as secretary, a fresh SQLite (or PostgreSQL) store under `dataDir`
 * (default a new temp dir), and WORKGROUP_CHANNEL_ID as given (null: unset).
 */
export async function startLocalApp(opts: {
  workgroupChannelId: string | null;
  dataDir?: string;
}): Promise<Running> {
  const dataDir = opts.dataDir ?? tempDir();
  return start(
    testConfig({
      slack: {
        mode: "local",
        botToken: null,
        signingSecret: null,
        appToken: null,
        apiUrl: "https://slack.com/api/",
      },
      databaseUrl: await testDatabaseUrl(dataDir, "local.db"),
      dataDir,
      secretaryUserIds: [LOCAL_USER_ID],
      workgroupChannelId: opts.workgroupChannelId,
    }),
    { logger: createLogger("silent") },
  );
}
