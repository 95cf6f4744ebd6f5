import { join } from "node:path";
import { type Config, testConfig } from "../../src/config.ts";
import { createSlackClient, type SlackClient } from "../../src/emulator/client.ts";
import { type Emulator, startEmulator } from "../../src/emulator/server.ts";
import { createLogger } from "../../src/logger.ts";
import { type Running, start } from "../../src/main.ts";
import type { Clock } from "../../src/time.ts";
import { tempDir } from "./store.ts";

/** A running app wired to a fresh emulator, a fresh SQLite file and a signing client. */
export interface TestApp {
  app: Running;
  emulator: Emulator;
  slack: SlackClient;
  config: Config;
  stop(): Promise<void>;
}

/**
 * Starts the real app (Bolt over HTTP on a free port) against a fresh emulator and a fresh
 * SQLite file with the bundled report imported. Nothing is mocked: requests are signed like
 * Slack's, answers go to the emulator's Web API and response_urls.
 */
export async function startTestApp(
  opts: { clock?: Clock; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const emulator = await startEmulator();
  const dir = tempDir();
  const config = testConfig({
    slack: {
      mode: "http",
      botToken: emulator.botToken,
      signingSecret: "test-secret-1234",
      appToken: null,
      apiUrl: emulator.apiUrl,
    },
    databaseUrl: join(dir, "app.db"),
    dataDir: dir,
    ...opts.config,
  });
  const app = await start(config, { clock: opts.clock, logger: createLogger("silent") });
  const slack = createSlackClient({ appUrl: app.url, signingSecret: "test-secret-1234", emulator });
  return {
    app,
    emulator,
    slack,
    config,
    async stop() {
      await app.stop();
      await emulator.stop();
    },
  };
}
