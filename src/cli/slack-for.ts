import type { Config } from "../config.ts";
import { localSlackFile, readLocalSlackFile } from "../emulator/local-file.ts";
import { DEFAULT_BOT_TOKEN } from "../emulator/server.ts";
import { createJobWebClient, type SlackWeb } from "../slack/web.ts";

/**
 * The Web API client for CLI commands that post: Slack itself, or in local mode the running
 * app's emulator (from local-slack.json under DATA_DIR).
 * @throws NoLocalAppError when there are no credentials and no local app is running.
 */
export async function slackFor(config: Config): Promise<SlackWeb> {
  if (config.slack.mode !== "local") {
    return createJobWebClient(config.slack.botToken ?? "", config.slack.apiUrl);
  }
  const local = await readLocalSlackFile(localSlackFile(config.dataDir));
  if (!local) {
    throw new NoLocalAppError();
  }
  return createJobWebClient(DEFAULT_BOT_TOKEN, `${local.emulatorUrl}/api/`);
}

/**
 * Thrown by {@link slackFor} in local mode when no app is running to post through. The message
 * is English; the CLI says it in the console's language (see failure.ts).
 */
export class NoLocalAppError extends Error {
  constructor() {
    super("No Slack credentials and no local app running: start it with `npm start` first.");
    this.name = "NoLocalAppError";
  }
}
