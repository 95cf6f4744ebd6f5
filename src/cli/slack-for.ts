import type { Config } from "../config.ts";
import { localSlackFile, readLocalSlackFile } from "../emulator/local-file.ts";
import type { SlackWeb } from "../slack/web.ts";

/**
 * The Web API client for CLI commands that post: Slack itself, or in local mode the running
 * app's emulator (from local-slack.json under DATA_DIR). The file outlives an app that was
 * stopped or killed, so in local mode the emulator must also answer there: a command refuses
 * before it changes anything rather than fail at its first post.
 * @throws NoLocalAppError when there are no credentials and no local app is running.
 */
export async function slackFor(config: Config): Promise<SlackWeb> {
  if (config.slack.mode !== "local") {
    return (await webApi()).createJobWebClient(config.slack.botToken ?? "", config.slack.apiUrl);
  }
  const local = await readLocalSlackFile(localSlackFile(config.dataDir));
  // The emulator's control API (`GET /_emulator`, its identity) answers while the app runs.
  if (
    !local ||
    (await probe(`${local.emulatorUrl}/_emulator`, "GET", LOCAL_PROBE_MS))?.ok !== true
  ) {
    throw new NoLocalAppError();
  }
  return (await webApi()).createJobWebClient(await localBotToken(), `${local.emulatorUrl}/api/`);
}

/**
 * The Web API client to ask Slack (or in local mode the running app's emulator) about people
 * and channels, without first asking whether it answers: Slack with a bot token, else the
 * emulator named by local-slack.json under DATA_DIR (a stopped app's file too: its first call
 * then fails fast). Null without a token in Slack mode, or without that file in local mode.
 * For lookups that may find nothing (names, see local-names.ts); a command that posts uses
 * {@link slackFor}. A call gets {@link LOOKUP_TIMEOUT_MS} to be answered, once (no retry), so a
 * Slack that does not answer costs the terminal seconds, not the jobs' 15 s. Never throws.
 */
export async function slackClientFor(config: {
  dataDir: string;
  slack: { mode: string; botToken?: string | null; apiUrl?: string };
}): Promise<SlackWeb | null> {
  const { mode, botToken, apiUrl } = config.slack;
  if (mode !== "local") return botToken && apiUrl ? lookupClient(botToken, apiUrl) : null;
  const local = await readLocalSlackFile(localSlackFile(config.dataDir)).catch(() => null);
  return local ? lookupClient(await localBotToken(), `${local.emulatorUrl}/api/`) : null;
}

/**
 * The bot token the local emulator accepts (`DEFAULT_BOT_TOKEN`). Its module is the emulator
 * itself, loaded only when a command talks to the local app, not for every CLI run.
 */
async function localBotToken(): Promise<string> {
  return (await import("../emulator/server.ts")).DEFAULT_BOT_TOKEN;
}

/**
 * How long a name look-up (users.info, conversations.info) waits for an answer, in ms: a name
 * is a nicety, so without one soon the terminal prints the ID.
 */
export const LOOKUP_TIMEOUT_MS = 3_000;

async function lookupClient(token: string, apiUrl: string): Promise<SlackWeb> {
  return (await webApi()).createJobWebClient(token, apiUrl, undefined, LOOKUP_TIMEOUT_MS);
}

/** The Web API client's module (and Slack's SDK behind it), loaded when a command needs Slack. */
function webApi(): Promise<typeof import("../slack/web.ts")> {
  return import("../slack/web.ts");
}

/**
 * Whether Slack's Web API at `apiUrl` (".../api/") answers at all: `api.test`, which needs no
 * token and changes nothing (https://docs.slack.dev/reference/methods/api.test). Any HTTP
 * answer counts; only a failed connection (refused, no route, DNS, no answer in 10 s) does not.
 */
export async function slackAnswers(apiUrl: string): Promise<boolean> {
  return (await probe(`${apiUrl}api.test`, "POST", SLACK_PROBE_MS)) !== null;
}

/** How long the local emulator (same machine) and Slack get to answer a probe. */
const LOCAL_PROBE_MS = 3_000;
const SLACK_PROBE_MS = 10_000;

/** The answer's status line (its body is dropped), or null when nothing answered in time. */
async function probe(
  url: string,
  method: "GET" | "POST",
  timeoutMs: number,
): Promise<{ ok: boolean } | null> {
  try {
    const res = await fetch(url, { method, signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
    return { ok: res.ok };
  } catch {
    return null;
  }
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
