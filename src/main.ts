import { randomBytes } from "node:crypto";
import type { AddressInfo, Server } from "node:net";
import { join } from "node:path";
import { App, HTTPReceiver, LogLevel } from "@slack/bolt";
import { createDb, type Db, migrateToLatest } from "../db/client.ts";
import { registerListeners } from "./app.ts";
import type { Config } from "./config.ts";
import { writeLocalSlackFile } from "./emulator/local-file.ts";
import { type Emulator, startEmulator } from "./emulator/server.ts";
import { seedIfEmpty } from "./import/seed.ts";
import { createLogger, type Logger } from "./logger.ts";
import { boltLogger } from "./slack/bolt-logger.ts";
import { createLocaleResolver } from "./slack/locale.ts";
import { type Clock, systemClock } from "./time.ts";

/** A running app: where it listens and how to stop it (receiver → db → emulator). */
export interface Running {
  /** Base URL of the HTTP endpoint ("http://127.0.0.1:3000"); `/slack/events`, `/healthz`. */
  url: string;
  port: number;
  db: Db;
  logger: Logger;
  /** The built-in Slack emulator in local mode, else null. */
  emulator: Emulator | null;
  /** The configuration in force (in local mode: with the emulator's token and secret). */
  config: Config;
  stop(): Promise<void>;
}

/** Options for tests: an injected clock and logger. */
export interface StartOptions {
  clock?: Clock;
  logger?: Logger;
  /** Skip importing the bundled report into an empty store. */
  skipSeed?: boolean;
}

/**
 * Opens the store (migrating it), imports the bundled report into an empty store, and starts
 * the Bolt app: HTTP (`POST /slack/events`, `GET /healthz`) or Socket Mode. With no Slack
 * credentials (local mode) it first starts the Slack emulator and points the app at it.
 * The only place that builds the db, the Slack client and the receiver.
 * @throws Error when the port is taken or a migration fails (everything opened is closed).
 */
export async function start(baseConfig: Config, opts: StartOptions = {}): Promise<Running> {
  const logger = opts.logger ?? createLogger(baseConfig.logLevel);
  const clock = opts.clock ?? systemClock;
  const db = createDb(baseConfig.databaseUrl);
  let emulator: Emulator | null = null;
  try {
    const applied = await migrateToLatest(db);
    if (applied.length > 0) logger.info({ migrations: applied }, "store migrated");
    if (!opts.skipSeed) {
      const summary = await seedIfEmpty(db, clock);
      if (summary) logger.info({ tasks: summary.tasks }, "bundled report imported");
    }

    let config = baseConfig;
    if (config.slack.mode === "local") {
      emulator = await startEmulator({ host: "127.0.0.1", port: 0 });
      config = localConfig(config, emulator);
    }
    const { app, server } = await startBolt(config, db, clock, logger);
    const port = server ? (server.address() as AddressInfo).port : config.port;
    const url = `http://127.0.0.1:${port}`;
    if (emulator) {
      await writeLocalSlackFile(
        {
          appUrl: url,
          emulatorUrl: emulator.url,
          signingSecret: config.slack.signingSecret ?? "",
          userId: LOCAL_USER.id,
          channelId: LOCAL_CHANNEL.id,
          teamId: emulator.identity.teamId,
        },
        join(config.dataDir, "local-slack.json"),
      );
    }
    const running: Running = {
      url,
      port,
      db,
      logger,
      emulator,
      config,
      async stop() {
        await app
          .stop()
          .catch((error: unknown) => logger.warn({ err: error }, "receiver stop failed"));
        await db.destroy();
        await emulator?.stop();
      },
    };
    return running;
  } catch (error) {
    await db.destroy().catch(() => {});
    await emulator?.stop().catch(() => {});
    throw error;
  }
}

/** The emulator's local user and channel, so `npm run slack` has someone to be. */
const LOCAL_USER = { id: "U0LOCAL01", name: "darba.grupa", locale: "lv-LV" };
const LOCAL_CHANNEL = { id: "C0LOCAL01", name: "darba-grupa" };

function localConfig(config: Config, emulator: Emulator): Config {
  emulator.addUser(LOCAL_USER);
  emulator.addChannel({ ...LOCAL_CHANNEL, members: [LOCAL_USER.id] });
  return {
    ...config,
    slack: {
      ...config.slack,
      botToken: emulator.botToken,
      signingSecret: randomBytes(16).toString("hex"),
      apiUrl: emulator.apiUrl,
    },
  };
}

async function startBolt(config: Config, db: Db, clock: Clock, logger: Logger) {
  const token = config.slack.botToken ?? undefined;
  const health = {
    path: "/healthz",
    method: ["GET"],
    handler: async (_req: unknown, res: import("node:http").ServerResponse) => {
      const ok = await db
        .selectFrom("programmes")
        .select("id")
        .limit(1)
        .execute()
        .then(
          () => true,
          () => false,
        );
      res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok }));
    },
  };
  const common = {
    token,
    logger: boltLogger(logger),
    logLevel: LogLevel.INFO,
    clientOptions: { slackApiUrl: config.slack.apiUrl },
  };
  let app: App;
  if (config.slack.mode === "socket") {
    app = new App({
      ...common,
      socketMode: true,
      appToken: config.slack.appToken ?? undefined,
      customRoutes: [health],
      installerOptions: { port: config.port },
    });
  } else {
    const receiver = new HTTPReceiver({
      signingSecret: config.slack.signingSecret ?? "",
      endpoints: "/slack/events",
      customRoutes: [health],
      logger: common.logger,
      processBeforeResponse: false,
    });
    app = new App({ ...common, receiver });
  }
  const client = app.client;
  registerListeners(app, {
    config,
    db,
    clock,
    logger,
    locales: createLocaleResolver(client, config.defaultLocale),
  });
  const started = (await app.start(config.port)) as unknown;
  const server =
    started && typeof (started as Server).address === "function" ? (started as Server) : null;
  return { app, server };
}
